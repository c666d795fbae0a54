import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { auditEventLabels } from '../../../domain/audit/event-labels';
import type { AuditEventType } from '../../../domain/audit/events';
import { api } from '../../api';
import { dateTimeText } from '../../cases-api';
import { FieldErrors, useProblem } from '../problems';

type Entry = {
  id: string;
  occurredAt: string;
  type: string;
  outcome: string;
  reason: string | null;
  breakGlass: boolean;
  actor: { id: string; name: string } | null;
};

/**
 * Who has read or changed this person's data (logguppföljning), for those who review the log.
 * Loaded only on request: looking at the log is itself logged.
 */
export const AccessLogSection = ({ personId }: { personId: string }) => {
  const { t, i18n } = useTranslation();
  const [entries, setEntries] = useState<Entry[] | null>(null);
  const { problem, run } = useProblem();

  const load = () =>
    void run(async () => {
      setEntries(
        (await api<{ events: Entry[] }>('GET', `/api/audit/events?personId=${personId}&limit=100`))
          .events,
      );
    });

  return (
    <section aria-labelledby="access-log-heading">
      <h2 id="access-log-heading">{t('accessLog.title')}</h2>
      <p className="muted">{t('accessLog.lead')}</p>
      <FieldErrors problem={problem} />
      {entries === null ? (
        <button type="button" onClick={load}>
          {t('accessLog.show')}
        </button>
      ) : (
        <table>
          <caption className="visually-hidden">{t('accessLog.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('accessLog.when')}</th>
              <th scope="col">{t('accessLog.who')}</th>
              <th scope="col">{t('accessLog.what')}</th>
              <th scope="col">{t('accessLog.outcome')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id}>
                <td>{dateTimeText(entry.occurredAt, i18n.language)}</td>
                <td>{entry.actor?.name ?? t('accessLog.system')}</td>
                <td>
                  {auditEventLabels[entry.type as AuditEventType]?.[
                    i18n.language === 'en' ? 'en' : 'sv'
                  ] ?? entry.type}
                  {entry.breakGlass && <strong> ({t('accessLog.breakGlass')})</strong>}
                </td>
                <td>{t(`accessLog.outcomes.${entry.outcome}`, entry.outcome)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
};
