import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { swedishDayOf } from '../../domain/calendar';
import { stageLegalReferences } from '../../domain/cases/stages';
import { todayText, type CaseDetail } from '../cases-api';
import { LegalReferences } from '../components/LegalReferences';
import { caseTypes, catalogueLabel, stageLabel } from '../labels';
import { linkProps } from '../navigation';
import { recordKeys, throwOnError, useRecord } from '../queries';
import { AccessNotice } from './collaboration/AccessNotice';
import { CaseTabBody } from './case/CaseTabBody';
import { CaseTabList } from './case/CaseTabList';
import { tabFromSlug, visibleTabs } from './case/case-tabs';
import { FieldErrors, useProblem } from './problems';
import { useHeadingFocus } from './useHeadingFocus';

/**
 * One case as a workspace: who and where in the process on top, then an overview of what needs
 * doing now and a tab for each kind of work. Opening the case reads the case and its overview in
 * one request (one audit event); each tab reads its own records when it is opened.
 */
export const CasePage = ({
  caseId,
  tabSlug,
  userId,
  mayReviewLog,
}: {
  caseId: string;
  tabSlug: string | undefined;
  userId: string;
  mayReviewLog: boolean;
}) => {
  const { t, i18n } = useTranslation();
  const { problem, run } = useProblem();
  const heading = useHeadingFocus(caseId);
  // Personal data: read afresh at every visit and not kept once the case is left (useRecord).
  const query = useRecord<CaseDetail>(recordKeys.case(caseId), `/api/cases/${caseId}`);
  const { refetch } = query;
  const reload = useCallback(async () => {
    await refetch(throwOnError);
  }, [refetch]);

  const detail = query.data;
  if (!detail) return <p role="status">{t('app.loading')}</p>;
  const tabs = visibleTabs(detail, mayReviewLog);
  const asked = tabFromSlug(tabSlug);
  const tab = asked && tabs.includes(asked) ? asked : 'overview';
  /** The day the case last entered a stage: what the stage rests on is cited as of then. */
  const entered = detail.transitions.findLast((transition) => transition.toStage === detail.stage);

  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {detail.person.givenName} {detail.person.familyName} –{' '}
        {catalogueLabel(caseTypes, detail.type, i18n.language)}
      </h1>
      {detail.practice && (
        <p className="practice-notice">
          <strong>{t('training.caseNotice')}</strong>{' '}
          <a {...linkProps('/ova')}>{t('training.seeProgress')}</a>
        </p>
      )}
      <AccessNotice access={detail.access} />
      <dl className="facts">
        <dt>{t('cases.stage')}</dt>
        <dd>
          <span data-testid="stage">{stageLabel(detail.stage, i18n.language)}</span>{' '}
          <span className="muted">
            <LegalReferences
              ids={stageLegalReferences[detail.stage] ?? []}
              day={entered ? swedishDayOf(entered.decidedAt) : todayText()}
            />
          </span>
        </dd>
        <dt>{t('cases.unit')}</dt>
        <dd>{detail.unitName}</dd>
        <dt>{t('cases.owner')}</dt>
        <dd>{detail.ownerName ?? t('cases.unowned')}</dd>
        {detail.person.personalNumber && (
          <>
            <dt>{t('intake.number')}</dt>
            <dd>{detail.person.personalNumber}</dd>
          </>
        )}
        {detail.referral && (
          <>
            <dt>{t('case.referral')}</dt>
            <dd>
              {detail.referral.clientConsent ? t('case.referredWithConsent') : t('case.referred')}
            </dd>
          </>
        )}
      </dl>
      <p>
        <a
          href={`/api/cases/${caseId}/summary.pdf?lang=${i18n.language === 'en' ? 'en' : 'sv'}`}
          download
        >
          {t('case.printSummary')}
        </a>
      </p>
      <CaseTabList caseId={caseId} tabs={tabs} current={tab} />
      <FieldErrors problem={problem} />
      <CaseTabBody tab={tab} detail={detail} userId={userId} run={run} reload={reload} />
    </>
  );
};
