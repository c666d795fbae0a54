import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { inLanguage, type InstrumentSummary } from '../../assessments-api';
import { throwOnError, useRecord } from '../../queries';
import { FieldErrors, useProblem } from '../problems';

/** Which risk instruments the organisation has permission or a licence for. */
export const InstrumentSettings = () => {
  const { t, i18n } = useTranslation();
  const query = useRecord<InstrumentSummary[]>(['instruments'], '/api/instruments');
  const instruments = query.data ?? null;
  const { problem, run } = useProblem();

  if (!instruments) return null;

  const permit = (instrumentId: string) => (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const note = new FormData(event.currentTarget).get('note');
    void run(async () => {
      await api('POST', '/api/instrument-permissions', { instrumentId, licenceNote: note });
      await query.refetch(throwOnError);
    });
  };

  return (
    <section aria-labelledby="instruments-heading">
      <h2 id="instruments-heading">{t('settings.instruments')}</h2>
      <p>{t('settings.instrumentsLead')}</p>
      <FieldErrors problem={problem} />
      <ul className="task-list">
        {instruments.map((instrument) => (
          <li key={instrument.id}>
            <strong>{inLanguage(instrument.name, i18n.language)}</strong>:{' '}
            {instrument.permitted ? t('settings.permitted') : t('settings.notPermitted')}
            <div className="muted">{inLanguage(instrument.licence.note, i18n.language)}</div>
            {!instrument.permitted && (
              <form onSubmit={permit(instrument.id)} noValidate>
                <label htmlFor={`note-${instrument.id}`}>{t('settings.permissionNote')}</label>
                <input id={`note-${instrument.id}`} name="note" />
                <button type="submit">{t('settings.permit')}</button>
              </form>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
};
