import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import type { CaseDetail, CaseEventResult } from '../../cases-api';
import { caseEventKinds, catalogueLabel, eventSources } from '../../labels';

type Props = {
  detail: CaseDetail;
  run: (work: () => Promise<void>) => Promise<void>;
  reload: () => Promise<void>;
};

/**
 * What happened in the case (delgivning, a release, a breach of kontaktförbud…), who told, and
 * the form to record one; an event that changes the risk says when to assess again.
 */
export const EventsSection = ({ detail, run, reload }: Props) => {
  const { t, i18n } = useTranslation();
  const [reassessBy, setReassessBy] = useState<string | null>(null);
  const caseId = detail.id;
  const write = detail.abilities.write;

  const addEvent = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    void run(async () => {
      const result = await api<CaseEventResult>('POST', `/api/cases/${caseId}/events`, {
        kind: form.get('kind'),
        occurredOn: form.get('occurredOn'),
        source: form.get('source'),
        description: form.get('description') || null,
      });
      setReassessBy(result.reassessmentDueOn);
      await reload();
    });
  };

  return (
    <section aria-labelledby="events-heading">
      <h2 id="events-heading">{t('events.title')}</h2>
      {detail.events.length === 0 ? (
        <p>{t('events.none')}</p>
      ) : (
        <ol>
          {detail.events.map((event) => (
            <li key={event.id}>
              {event.occurredOn} –{' '}
              <strong>{catalogueLabel(caseEventKinds, event.kind, i18n.language)}</strong> (
              {catalogueLabel(eventSources, event.source, i18n.language)})
              {event.description && `: ${event.description}`}
            </li>
          ))}
        </ol>
      )}
      {write && (
        <form onSubmit={addEvent} noValidate>
          <label htmlFor="event-kind">{t('events.kind')}</label>
          <select id="event-kind" name="kind">
            {caseEventKinds.map((kind) => (
              <option key={kind.code} value={kind.code}>
                {i18n.language === 'en' ? kind.en : kind.sv}
              </option>
            ))}
          </select>
          <label htmlFor="event-date">{t('events.date')}</label>
          <input id="event-date" name="occurredOn" type="date" required />
          <label htmlFor="event-source">{t('events.source')}</label>
          <select id="event-source" name="source">
            {eventSources.map((source) => (
              <option key={source.code} value={source.code}>
                {i18n.language === 'en' ? source.en : source.sv}
              </option>
            ))}
          </select>
          <label htmlFor="event-description">{t('events.description')}</label>
          <textarea id="event-description" name="description" rows={2} />
          <button type="submit">{t('events.add')}</button>
        </form>
      )}
      {reassessBy && (
        <p role="status" className="role-card">
          {t('events.reassess', { date: reassessBy })}
        </p>
      )}
    </section>
  );
};
