import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { swedishDayOf } from '../../domain/calendar';
import { reportingDutyReference } from '../../domain/cases/reporting';
import { goalAttainments, stageLegalReferences } from '../../domain/cases/stages';
import { LegalReferences } from '../components/LegalReferences';
import { dateText, todayText, type CaseDetail, type ReportRow } from '../cases-api';
import { caseTypes, catalogueLabel, stageLabel } from '../labels';
import { FieldErrors, useProblem } from './problems';
import { useHeadingFocus } from './useHeadingFocus';
import { HandoverSection } from './case/HandoverSection';
import { TasksSection } from './case/TasksSection';
import { EventsSection } from './case/EventsSection';
import { RiskSection } from './case/RiskSection';
import { PlanSection } from './plan/PlanSection';
import { AccessLogSection } from './case/AccessLogSection';
import { AccessNotice } from './collaboration/AccessNotice';
import { ConcernSection } from './collaboration/ConcernSection';
import { LinkRequestsSection } from './case/LinkRequestsSection';
import { PersonSection } from './case/PersonSection';
import { DuplicatesSection } from './case/DuplicatesSection';
import { ConsentSection } from './collaboration/ConsentSection';
import { DisclosureSection } from './collaboration/DisclosureSection';
import { ReferralSection } from './collaboration/ReferralSection';
import { SipSection } from './collaboration/SipSection';
import { AdviceSection } from './interventions/AdviceSection';
import { InterventionSection } from './interventions/InterventionSection';
import { FollowUpSection } from './interventions/FollowUpSection';
import { PlacementSection } from './interventions/PlacementSection';
import { RoutineNotice } from './routines/RoutineNotice';
import { linkProps } from '../navigation';

const adultTypes = new Set(['adultVictim', 'perpetrator']);

/** One case: who, where in the process, the children question, reports of concern and history. */
export const CasePage = ({
  caseId,
  userId,
  mayReviewLog,
}: {
  caseId: string;
  userId: string;
  mayReviewLog: boolean;
}) => {
  const { t, i18n } = useTranslation();
  const [detail, setDetail] = useState<CaseDetail | null>(null);
  const [reports, setReports] = useState<ReportRow[]>([]);
  const [reportOpen, setReportOpen] = useState(false);
  const { problem, run } = useProblem();
  const heading = useHeadingFocus(caseId);

  const load = useCallback(async () => {
    setDetail(await api<CaseDetail>('GET', `/api/cases/${caseId}`));
    setReports(await api<ReportRow[]>('GET', `/api/cases/${caseId}/reports-of-concern`));
  }, [caseId]);

  useEffect(() => {
    let current = true;
    void Promise.all([
      api<CaseDetail>('GET', `/api/cases/${caseId}`),
      api<ReportRow[]>('GET', `/api/cases/${caseId}/reports-of-concern`),
    ]).then(([loaded, loadedReports]) => {
      if (!current) return;
      setDetail(loaded);
      setReports(loadedReports);
    });
    return () => {
      current = false;
    };
  }, [caseId]);

  if (!detail) return <p role="status">{t('app.loading')}</p>;
  const write = detail.abilities.write;
  /** The day the case last entered a stage: what the stage rests on is cited as of then. */
  const enteredOn = (stage: string) => {
    const entered = detail.transitions.findLast((transition) => transition.toStage === stage);
    return entered ? swedishDayOf(entered.decidedAt) : todayText();
  };
  // Consents and disclosures belong to the case's own secrecy area, not to those it was shared with.
  const sameArea = detail.access.reason === 'access.same_secrecy_area';
  const needsChildrenAnswer = adultTypes.has(detail.type) && detail.childrenAnswer === null;

  const takeCase = () =>
    void run(async () => {
      await api('POST', `/api/cases/${caseId}/owner`, {
        ownerUserId: userId,
        version: detail.version,
      });
      await load();
    });

  const answerChildren = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const answer = new FormData(event.currentTarget).get('children');
    void run(async () => {
      await api('POST', `/api/cases/${caseId}/children`, { answer, version: detail.version });
      if (answer === 'yes') setReportOpen(true);
      await load();
    });
  };

  const moveTo = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    void run(async () => {
      await api('POST', `/api/cases/${caseId}/stage`, {
        to: form.get('to'),
        reason: form.get('reason') || null,
        goal: form.get('goal') || null,
        version: detail.version,
      });
      await load();
    });
  };

  const report = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    void run(async () => {
      await api('POST', `/api/cases/${caseId}/reports-of-concern`, {
        child: {
          givenName: form.get('childGivenName'),
          familyName: form.get('childFamilyName'),
          identityKind: form.get('childNumber') ? 'personnummer' : 'none',
          identityNumber: form.get('childNumber') || null,
        },
        concern: form.get('concern'),
      });
      setReportOpen(false);
      await load();
    });
  };

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
              day={enteredOn(detail.stage)}
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
      <FieldErrors problem={problem} />
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
      {detail.childrenAnswer && adultTypes.has(detail.type) && (
        <p>
          {t('case.childrenAnswered', {
            answer: t(`case.childrenAnswers.${detail.childrenAnswer}`),
          })}
        </p>
      )}

      {adultTypes.has(detail.type) && (
        <section aria-labelledby="reports-heading">
          <h2 id="reports-heading">{t('report.title')}</h2>
          {reports.length === 0 ? (
            <p>{t('report.none')}</p>
          ) : (
            <ul>
              {reports.map((row) => (
                <li key={row.id}>
                  {row.childName} – {dateText(row.reportedAt, i18n.language)}:{' '}
                  <strong>{t(`report.outcomes.${row.outcome}`)}</strong>{' '}
                  <span className="muted">
                    <LegalReferences
                      ids={[reportingDutyReference]}
                      day={swedishDayOf(row.reportedAt)}
                    />
                  </span>
                </li>
              ))}
            </ul>
          )}
          {!reportOpen ? (
            <button type="button" onClick={() => setReportOpen(true)}>
              {t('report.start')}
            </button>
          ) : (
            <form onSubmit={report} noValidate>
              <p>
                {t('report.lead')}{' '}
                <LegalReferences ids={[reportingDutyReference]} day={todayText()} />
              </p>
              <label htmlFor="childGivenName">{t('report.childGivenName')}</label>
              <input id="childGivenName" name="childGivenName" required />
              <label htmlFor="childFamilyName">{t('report.childFamilyName')}</label>
              <input
                id="childFamilyName"
                name="childFamilyName"
                required
                defaultValue={detail.person.familyName}
              />
              <label htmlFor="childNumber">{t('report.childNumber')}</label>
              <input id="childNumber" name="childNumber" inputMode="numeric" />
              <label htmlFor="concern">{t('report.concern')}</label>
              <textarea id="concern" name="concern" rows={4} required />
              <button type="submit">{t('report.submit')}</button>
            </form>
          )}
        </section>
      )}

      <RoutineNotice step={detail.stage} />
      {write && detail.abilities.nextStages.length > 0 && (
        <form onSubmit={moveTo} aria-labelledby="stage-heading">
          <h2 id="stage-heading">{t('case.nextStage')}</h2>
          <label htmlFor="to">{t('case.moveTo')}</label>
          <select id="to" name="to">
            {detail.abilities.nextStages.map((next) => (
              <option key={next.to} value={next.to}>
                {stageLabel(next.to, i18n.language)}
              </option>
            ))}
          </select>
          <label htmlFor="reason">{t('case.reason')}</label>
          <textarea id="reason" name="reason" rows={2} aria-describedby="reason-help" />
          <p id="reason-help" className="muted">
            {t('case.reasonHelp')}
          </p>
          {detail.abilities.nextStages.some((next) => next.needsGoal) && (
            <fieldset>
              <legend>{t('case.goal.legend')}</legend>
              <p className="muted">{t('case.goal.help')}</p>
              {goalAttainments.map((goal) => (
                <label key={goal} className="choice">
                  <input type="radio" name="goal" value={goal} /> {t(`case.goal.${goal}`)}
                </label>
              ))}
            </fieldset>
          )}
          <button type="submit">{t('case.move')}</button>
        </form>
      )}

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

      <EventsSection detail={detail} run={run} reload={load} />

      {sameArea && <PersonSection personId={detail.person.id} />}
      {sameArea && <DuplicatesSection personId={detail.person.id} reload={load} />}
      <AdviceSection detail={detail} reload={load} />
      <InterventionSection detail={detail} />
      <FollowUpSection detail={detail} />
      <RiskSection detail={detail} run={run} />
      <PlanSection detail={detail} />
      <TasksSection detail={detail} run={run} reload={load} />
      <HandoverSection detail={detail} run={run} reload={load} />
      {detail.type === 'perpetrator' && sameArea && <ConcernSection detail={detail} />}
      {sameArea && (
        <>
          {detail.type === 'adultVictim' && <LinkRequestsSection detail={detail} run={run} />}
          <ConsentSection personId={detail.person.id} today={todayText()} mayWrite={write} />
          <DisclosureSection detail={detail} />
          <ReferralSection detail={detail} />
          <SipSection detail={detail} />
          {detail.type === 'adultVictim' && <PlacementSection detail={detail} />}
        </>
      )}

      {mayReviewLog && <AccessLogSection personId={detail.person.id} />}

      <section aria-labelledby="history-heading">
        <h2 id="history-heading">{t('case.history')}</h2>
        <ol>
          {detail.transitions.map((transition, index) => (
            <li key={index}>
              {dateText(transition.decidedAt, i18n.language)} –{' '}
              {stageLabel(transition.toStage, i18n.language)} ({transition.decidedBy})
              {transition.reason && `: ${transition.reason}`}{' '}
              <span className="muted">
                <LegalReferences
                  ids={stageLegalReferences[transition.toStage] ?? []}
                  day={swedishDayOf(transition.decidedAt)}
                />
              </span>
            </li>
          ))}
        </ol>
      </section>
    </>
  );
};
