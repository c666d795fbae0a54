import { useTranslation } from 'react-i18next';
import { swedishDayOf } from '../../../domain/calendar';
import { measureStatuses } from '../../../domain/risk-management/plan';
import { inLanguage } from '../../assessments-api';
import type { CaseDetail } from '../../cases-api';
import { withinLinkProps } from '../../navigation';
import { tabPath } from './case-tabs';

/**
 * The case at a glance: the latest risk level, the plan's state and its next review, and the
 * children question. Each line links to the tab where the work is done.
 */
export const NowSection = ({ detail }: { detail: CaseDetail }) => {
  const { t, i18n } = useTranslation();
  const { risk, plan } = detail.overview;
  // A share that opened neither risk nor plan leaves nothing to say here.
  if (!risk && !plan) return null;
  const measureText = plan
    ? measureStatuses
        .filter((status) => plan.measures[status])
        .map((status) => `${plan.measures[status]} ${t(`plan.statuses.${status}`).toLowerCase()}`)
        .join(', ')
    : '';
  return (
    <section aria-labelledby="now-heading">
      <h2 id="now-heading">{t('workspace.now')}</h2>
      <dl className="facts">
        {risk && (
          <>
            <dt>{t('workspace.riskLevel')}</dt>
            <dd data-testid="risk-level">
              {risk.latest
                ? t('workspace.riskLatest', {
                    level: risk.latest.finalLevel
                      ? t(`risk.levels.${risk.latest.finalLevel}`)
                      : '–',
                    instrument: inLanguage(risk.latest.instrumentName, i18n.language),
                    date: swedishDayOf(risk.latest.signedAt),
                  })
                : t('workspace.riskNone')}
              {risk.drafts > 0 && ` ${t('workspace.riskDrafts', { count: risk.drafts })}`}{' '}
              <a {...withinLinkProps(tabPath(detail.id, 'risk'))}>{t('workspace.toRisk')}</a>
            </dd>
          </>
        )}
        {plan && (
          <>
            <dt>{t('workspace.plan')}</dt>
            <dd>
              {!plan.exists
                ? t('workspace.planNone')
                : measureText
                  ? t('workspace.planMeasures', { measures: measureText })
                  : t('plan.noMeasures')}{' '}
              <a {...withinLinkProps(tabPath(detail.id, 'plan'))}>{t('workspace.toPlan')}</a>
            </dd>
            <dt>{t('workspace.nextReview')}</dt>
            <dd>{plan.reviewOn ?? t('workspace.noReview')}</dd>
          </>
        )}
      </dl>
    </section>
  );
};
