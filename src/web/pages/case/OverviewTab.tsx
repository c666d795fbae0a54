import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import type { CaseDetail } from '../../cases-api';
import { stageLabel } from '../../labels';
import { RoutineNotice } from '../routines/RoutineNotice';
import { HandoverSection } from './HandoverSection';
import { NowSection } from './NowSection';
import { ReportsOfConcernSection } from './ReportsOfConcernSection';
import { StageSection } from './StageSection';
import { TasksSection } from './TasksSection';

const adultTypes = new Set(['adultVictim', 'perpetrator']);

type Props = {
  detail: CaseDetail;
  userId: string;
  run: (work: () => Promise<void>) => Promise<void>;
  reload: () => Promise<void>;
};

/**
 * What needs doing now: take the case, answer the children question, the risk level and plan
 * state, the tasks, a pending hand-over, the next stage and the cases linked to this one.
 */
export const OverviewTab = ({ detail, userId, run, reload }: Props) => {
  const { t, i18n } = useTranslation();
  const [reportOpen, setReportOpen] = useState(false);
  const write = detail.abilities.write;
  const adult = adultTypes.has(detail.type);
  const needsChildrenAnswer = adult && detail.childrenAnswer === null;

  const takeCase = () =>
    void run(async () => {
      await api('POST', `/api/cases/${detail.id}/owner`, {
        ownerUserId: userId,
        version: detail.version,
      });
      await reload();
    });

  const answerChildren = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const answer = new FormData(event.currentTarget).get('children');
    void run(async () => {
      await api('POST', `/api/cases/${detail.id}/children`, { answer, version: detail.version });
      if (answer === 'yes') setReportOpen(true);
      await reload();
    });
  };

  return (
    <>
      {write && !detail.ownerUserId && (
        <button type="button" onClick={takeCase}>
          {t('case.take')}
        </button>
      )}
      {write && needsChildrenAnswer && (
        <form onSubmit={answerChildren} className="role-card" aria-labelledby="children-q">
          <h2 id="children-q">{t('case.childrenQuestion')}</h2>
          <p>{t('case.childrenWhy')}</p>
          {(['yes', 'none', 'unknown'] as const).map((answer) => (
            <label key={answer} className="choice">
              <input type="radio" name="children" value={answer} required />{' '}
              {t(`case.childrenAnswers.${answer}`)}
            </label>
          ))}
          <button type="submit">{t('case.saveAnswer')}</button>
        </form>
      )}
      {detail.childrenAnswer && adult && (
        <p>
          {t('case.childrenAnswered', {
            answer: t(`case.childrenAnswers.${detail.childrenAnswer}`),
          })}
        </p>
      )}
      <NowSection detail={detail} />
      <TasksSection detail={detail} run={run} reload={reload} />
      {adult && (
        <ReportsOfConcernSection
          key={String(reportOpen)}
          detail={detail}
          run={run}
          reload={reload}
          startOpen={reportOpen}
        />
      )}
      <RoutineNotice step={detail.stage} />
      {write && detail.abilities.nextStages.length > 0 && (
        <StageSection detail={detail} run={run} reload={reload} />
      )}
      <HandoverSection detail={detail} run={run} reload={reload} />
      {detail.linkedCases.length > 0 && (
        <section aria-labelledby="linked-heading">
          <h2 id="linked-heading">{t('case.linked')}</h2>
          <ul>
            {detail.linkedCases.map((link, index) => (
              <li key={index}>
                {link.visible
                  ? `${link.case.person.givenName} ${link.case.person.familyName} – ${stageLabel(link.case.stage, i18n.language)}`
                  : t('case.hiddenLinked')}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
};
