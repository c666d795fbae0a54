import { useState, type FormEvent } from 'react';
import { swedishDayOf } from '../../../domain/calendar';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { inLanguage } from '../../assessments-api';
import { todayText, type CaseDetail } from '../../cases-api';
import { LegalReferences } from '../../components/LegalReferences';
import type { Checklist, Plan } from '../../plans-api';
import { recordKeys, useRecord } from '../../queries';
import { FieldErrors, useProblem } from '../problems';
import { Suggestions } from './Suggestions';

/**
 * The skydds- och åtgärdsplan on the case page: warnings, suggestions with reasons, the measures
 * with owners and statuses, the victim's own strategies, evening and weekend contacts, the review
 * date, the follow-through of each signed assessment, checklists and printouts.
 */
export const PlanSection = ({ detail }: { detail: CaseDetail }) => {
  const { t, i18n } = useTranslation();
  // The plan as read, then as the server answers each change.
  const [changed, setPlan] = useState<Plan | null>(null);
  const { problem, run } = useProblem();
  const write = detail.abilities.write;

  const loaded = useRecord<Plan>(
    recordKeys.case(detail.id, 'safety-plan'),
    `/api/cases/${detail.id}/safety-plan`,
  ).data;
  const checklists = useRecord<Checklist[]>(['checklists'], '/api/checklists').data;
  const plan = changed ?? loaded ?? null;
  // The section is shown once both are read, as one.
  if (!plan || !checklists) return null;

  const send = (method: 'POST' | 'PUT', path: string, body: unknown) =>
    void run(async () => setPlan(await api<Plan>(method, path, body)));

  const changeStatus =
    (measure: Plan['measures'][number]) => (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      const form = new FormData(event.currentTarget);
      send('POST', `/api/plan-measures/${measure.id}/status`, {
        to: form.get('to'),
        reason: form.get('reason') || null,
        version: measure.version,
      });
    };

  const savePlan = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    send('PUT', `/api/cases/${detail.id}/safety-plan`, {
      victimStrategies: form.get('strategies') || null,
      outOfHours: form.get('outOfHours') || null,
      reviewOn: form.get('reviewOn') || null,
      version: plan.version,
    });
  };

  const followThrough = (assessmentId: string) => (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const reason = new FormData(event.currentTarget).get('noMeasures');
    send('POST', `/api/assessments/${assessmentId}/follow-through`, {
      noMeasuresReason: reason || null,
    });
  };

  return (
    <section aria-labelledby="plan-heading">
      <h2 id="plan-heading">{t('plan.title')}</h2>
      {plan.warnings.map((warning) => (
        <p key={warning.code} className="warning-list" role="alert">
          {inLanguage(warning.message, i18n.language)}
        </p>
      ))}
      <FieldErrors problem={problem} />
      {write && (
        <Suggestions
          plan={plan}
          add={(body) => send('POST', `/api/cases/${detail.id}/safety-plan/measures`, body)}
          reject={(measureCode, reason) =>
            send('POST', `/api/cases/${detail.id}/safety-plan/rejections`, { measureCode, reason })
          }
        />
      )}

      <h3 id="measures-heading">{t('plan.measures')}</h3>
      {plan.measures.length === 0 ? (
        <p>{t('plan.noMeasures')}</p>
      ) : (
        <table aria-labelledby="measures-heading">
          <thead>
            <tr>
              <th scope="col">{t('plan.measure')}</th>
              <th scope="col">{t('plan.owner')}</th>
              <th scope="col">{t('plan.status')}</th>
              {write && <th scope="col">{t('plan.change')}</th>}
            </tr>
          </thead>
          <tbody>
            {plan.measures.map((measure) => (
              <tr key={measure.id}>
                <th scope="row">{inLanguage(measure.label, i18n.language)}</th>
                <td>
                  {measure.ownerOrganisation}
                  {measure.ownerFunction && `, ${measure.ownerFunction}`}
                  {measure.dueOn && (
                    <div className="muted">{t('plan.dueText', { date: measure.dueOn })}</div>
                  )}
                  {measure.reviewOn && (
                    <div className="muted">{t('plan.reviewText', { date: measure.reviewOn })}</div>
                  )}
                </td>
                <td>
                  {t(`plan.statuses.${measure.status}`)}
                  {measure.statusReason && ` – ${measure.statusReason}`}
                </td>
                {write && (
                  <td>
                    {measure.nextStatuses.length > 0 && (
                      <form
                        onSubmit={changeStatus(measure)}
                        aria-label={t('plan.changeNamed', {
                          name: inLanguage(measure.label, i18n.language),
                        })}
                      >
                        <label htmlFor={`to-${measure.id}`}>{t('plan.newStatus')}</label>
                        <select id={`to-${measure.id}`} name="to">
                          {measure.nextStatuses.map((status) => (
                            <option key={status} value={status}>
                              {t(`plan.statuses.${status}`)}
                            </option>
                          ))}
                        </select>
                        <label htmlFor={`reason-${measure.id}`}>{t('plan.statusReason')}</label>
                        <input id={`reason-${measure.id}`} name="reason" />
                        <button type="submit">{t('plan.saveStatus')}</button>
                      </form>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {write ? (
        <form onSubmit={savePlan} aria-labelledby="plan-details-heading">
          <h3 id="plan-details-heading">{t('plan.details')}</h3>
          <label htmlFor="strategies">{t('plan.strategies')}</label>
          <textarea
            id="strategies"
            name="strategies"
            rows={4}
            defaultValue={plan.victimStrategies ?? ''}
            aria-describedby="strategies-help"
          />
          <p id="strategies-help" className="muted">
            {t('plan.strategiesHelp')}
          </p>
          <label htmlFor="outOfHours">{t('plan.outOfHours')}</label>
          <textarea
            id="outOfHours"
            name="outOfHours"
            rows={2}
            defaultValue={plan.outOfHours ?? ''}
          />
          <label htmlFor="reviewOn">{t('plan.reviewOn')}</label>
          <input id="reviewOn" name="reviewOn" type="date" defaultValue={plan.reviewOn ?? ''} />
          <button type="submit">{t('plan.save')}</button>
        </form>
      ) : (
        plan.reviewOn && <p>{t('plan.reviewOnText', { date: plan.reviewOn })}</p>
      )}

      {write &&
        plan.assessmentsToFollowThrough.map((assessment) => (
          <form
            key={assessment.id}
            onSubmit={followThrough(assessment.id)}
            className="role-card"
            aria-label={t('plan.followThrough')}
          >
            <p>{t('plan.followThroughLead', { date: swedishDayOf(assessment.signedAt) })}</p>
            {plan.measures.length === 0 && (
              <>
                <label htmlFor={`no-measures-${assessment.id}`}>{t('plan.noMeasuresReason')}</label>
                <textarea id={`no-measures-${assessment.id}`} name="noMeasures" rows={2} />
              </>
            )}
            <button type="submit">{t('plan.followThroughButton')}</button>
          </form>
        ))}

      <p>
        <a href={`/api/cases/${detail.id}/safety-plan.pdf`} download>
          {t('plan.download')}
        </a>
        {' · '}
        <a href={`/api/cases/${detail.id}/safety-plan.pdf?recipient=police`} download>
          {t('plan.downloadForPolice')}
        </a>
      </p>

      <h3>{t('plan.checklists')}</h3>
      {checklists.map((checklist) => (
        <details key={checklist.id}>
          <summary>{inLanguage(checklist.title, i18n.language)}</summary>
          <p className="muted">{inLanguage(checklist.when, i18n.language)}</p>
          <ul>
            {checklist.items.map((item) => (
              <li key={item.id}>
                {inLanguage(item.text, i18n.language)}{' '}
                <span className="muted">
                  <LegalReferences ids={item.legalReferences} day={todayText()} />
                </span>
              </li>
            ))}
          </ul>
        </details>
      ))}

      {plan.history.length > 0 && (
        <details>
          <summary>{t('plan.history')}</summary>
          <ol>
            {plan.history.map((event, index) => (
              <li key={index}>
                {swedishDayOf(event.occurredAt)} {event.actorName}: {t(`plan.events.${event.kind}`)}
                {event.measureCode && ` (${event.measureCode})`}
                {event.toStatus && ` → ${t(`plan.statuses.${event.toStatus}`)}`}
                {event.reason && `: ${event.reason}`}
              </li>
            ))}
          </ol>
        </details>
      )}
    </section>
  );
};
