import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays } from '../../domain/calendar';
import { auditEventLabels } from '../../domain/audit/event-labels';
import type { AuditEventType } from '../../domain/audit/events';
import { api } from '../api';
import { dateText, todayText } from '../cases-api';
import { throwOnError, useRecord } from '../queries';
import { FieldErrors, useProblem } from './problems';
import { useHeadingFocus } from './useHeadingFocus';

type Scope = 'protectedPersons' | 'breakGlass' | 'user';
type Entry = {
  id: string;
  occurredAt: string;
  type: string;
  outcome: string;
  reason: string | null;
  breakGlass: boolean;
  actor: { id: string; name: string } | null;
  person: { id: string; name: string | null; personalNumber: string | null } | null;
};
type Report = { total: number; events: Entry[] };
type Review = {
  id: string;
  scope: string;
  periodFrom: string;
  periodTo: string;
  eventsReviewed: number;
  findings: string;
  deviations: boolean;
  signedAt: string;
  reviewedByName: string;
};

const daysAgo = (days: number) => addDays(todayText(), -days);

/**
 * Log review (logguppföljning): targeted reports of accesses to protected persons and of
 * break-glass, any user's actions, and the reviewer's signed findings. Opening a report is
 * itself logged.
 */
export const LogReviewPage = () => {
  const { t, i18n } = useTranslation();
  const heading = useHeadingFocus('log-review');
  const [scope, setScope] = useState<Scope>('protectedPersons');
  const [user, setUser] = useState<{ id: string; name: string } | null>(null);
  const [period, setPeriod] = useState({ from: daysAgo(30), to: todayText() });
  const [report, setReport] = useState<Report | null>(null);
  const [signed, setSigned] = useState<number | null>(null);
  const { problem, run } = useProblem();

  const reviewsQuery = useRecord<Review[]>(['audit', 'reviews'], '/api/audit/reviews');
  const reviews = reviewsQuery.data ?? [];

  const show = (nextScope: Scope, nextUser: typeof user) =>
    void run(async () => {
      const query = new URLSearchParams({
        from: new Date(`${period.from}T00:00:00`).toISOString(),
        to: new Date(new Date(`${period.to}T00:00:00`).getTime() + 86_400_000).toISOString(),
        limit: '500',
        ...(nextScope === 'user' && nextUser ? { userId: nextUser.id } : { focus: nextScope }),
      });
      setReport(await api<Report>('GET', `/api/audit/events?${query.toString()}`));
      setSigned(null);
    });

  const byUser = (actor: { id: string; name: string }) => {
    setScope('user');
    setUser(actor);
    show('user', actor);
  };

  const sign = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    void run(async () => {
      const result = await api<{ eventsReviewed: number }>('POST', '/api/audit/reviews', {
        scope,
        subjectId: scope === 'user' ? (user?.id ?? null) : null,
        periodFrom: period.from,
        periodTo: period.to,
        findings: data.get('findings'),
        deviations: data.get('deviations') === 'on',
      });
      setSigned(result.eventsReviewed);
      form.reset();
      await reviewsQuery.refetch(throwOnError);
    });
  };

  const language = i18n.language === 'en' ? 'en' : 'sv';
  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {t('logReview.title')}
      </h1>
      <p>{t('logReview.lead')}</p>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          show(scope, user);
        }}
      >
        <fieldset>
          <legend>{t('logReview.scope')}</legend>
          {(['protectedPersons', 'breakGlass'] as const).map((option) => (
            <label key={option} className="choice">
              <input
                type="radio"
                name="scope"
                value={option}
                checked={scope === option}
                onChange={() => setScope(option)}
              />{' '}
              {t(`logReview.scopes.${option}`)}
            </label>
          ))}
          {user && (
            <label className="choice">
              <input
                type="radio"
                name="scope"
                value="user"
                checked={scope === 'user'}
                onChange={() => setScope('user')}
              />{' '}
              {t('logReview.scopes.user', { name: user.name })}
            </label>
          )}
        </fieldset>
        <label htmlFor="review-from">{t('logReview.from')}</label>
        <input
          id="review-from"
          type="date"
          value={period.from}
          onChange={(event) => setPeriod({ ...period, from: event.target.value })}
        />
        <label htmlFor="review-to">{t('logReview.to')}</label>
        <input
          id="review-to"
          type="date"
          value={period.to}
          onChange={(event) => setPeriod({ ...period, to: event.target.value })}
        />
        <button type="submit">{t('logReview.show')}</button>
      </form>
      <FieldErrors problem={problem} />
      {report && (
        <section aria-labelledby="report-heading">
          <h2 id="report-heading">{t('logReview.report', { count: report.total })}</h2>
          {report.events.length === 0 ? (
            <p>{t('logReview.empty')}</p>
          ) : (
            <table>
              <caption className="visually-hidden">
                {t('logReview.report', { count: report.total })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('accessLog.when')}</th>
                  <th scope="col">{t('accessLog.who')}</th>
                  <th scope="col">{t('logReview.person')}</th>
                  <th scope="col">{t('accessLog.what')}</th>
                  <th scope="col">{t('logReview.reason')}</th>
                  <th scope="col">{t('accessLog.outcome')}</th>
                </tr>
              </thead>
              <tbody>
                {report.events.map((entry) => (
                  <tr key={entry.id}>
                    <td>{dateText(entry.occurredAt, i18n.language)}</td>
                    <td>
                      {entry.actor ? (
                        <button
                          type="button"
                          className="link-button"
                          onClick={() => byUser(entry.actor!)}
                          aria-label={t('logReview.byUser', { name: entry.actor.name })}
                        >
                          {entry.actor.name}
                        </button>
                      ) : (
                        t('accessLog.system')
                      )}
                    </td>
                    <td>
                      {entry.person
                        ? `${entry.person.name ?? ''} ${entry.person.personalNumber ?? ''}`.trim()
                        : '–'}
                    </td>
                    <td>
                      {auditEventLabels[entry.type as AuditEventType]?.[language] ?? entry.type}
                      {entry.breakGlass && <strong> ({t('accessLog.breakGlass')})</strong>}
                    </td>
                    <td>
                      {entry.reason
                        ? t(`logReview.reasons.${entry.reason.replace('.', '_')}`, '–')
                        : '–'}
                    </td>
                    <td>{t(`accessLog.outcomes.${entry.outcome}`, entry.outcome)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <form onSubmit={sign} noValidate aria-label={t('logReview.signTitle')}>
            <h3>{t('logReview.signTitle')}</h3>
            <label htmlFor="review-findings">{t('logReview.findings')}</label>
            <textarea id="review-findings" name="findings" rows={3} />
            <label className="choice">
              <input type="checkbox" name="deviations" /> {t('logReview.deviations')}
            </label>
            <button type="submit">{t('logReview.sign')}</button>
          </form>
          {signed !== null && (
            <p role="status" className="role-card">
              {t('logReview.signed', { count: signed })}
            </p>
          )}
        </section>
      )}
      <section aria-labelledby="reviews-heading">
        <h2 id="reviews-heading">{t('logReview.earlier')}</h2>
        {reviews.length === 0 ? (
          <p>{t('logReview.noReviews')}</p>
        ) : (
          <ul>
            {reviews.map((review) => (
              <li key={review.id}>
                {review.periodFrom}–{review.periodTo}: {t(`logReview.scopeNames.${review.scope}`)} –{' '}
                {t('logReview.eventsReviewed', { count: review.eventsReviewed })} –{' '}
                {review.deviations ? t('logReview.withDeviations') : t('logReview.noDeviations')} (
                {review.reviewedByName}, {dateText(review.signedAt, i18n.language)})
                <div>{review.findings}</div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
};
