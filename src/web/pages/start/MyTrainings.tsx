import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { inLanguage, type InstrumentSummary } from '../../assessments-api';
import { throwOnError, useRecord } from '../../queries';
import { FieldErrors, useProblem } from '../problems';

/** A worker records their own training in instruments that need it. */
export const MyTrainings = () => {
  const { t, i18n } = useTranslation();
  const { problem, run } = useProblem();
  const query = useRecord<InstrumentSummary[]>(['instruments'], '/api/instruments');
  const instruments = query.data ?? null;
  if (!instruments) return null;
  const needing = instruments.filter((instrument) => instrument.licence.requiresTraining);
  const untrained = needing.filter((instrument) => !instrument.trained);

  const record = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    void run(async () => {
      await api('POST', '/api/trainings', {
        instrumentId: form.get('instrumentId'),
        completedOn: form.get('completedOn'),
      });
      await query.refetch(throwOnError);
    });
  };

  return (
    <section aria-labelledby="trainings-heading">
      <h2 id="trainings-heading">{t('trainings.title')}</h2>
      <p>
        {t('trainings.have')}{' '}
        {needing
          .filter((instrument) => instrument.trained)
          .map((instrument) => inLanguage(instrument.name, i18n.language))
          .join(', ') || t('trainings.noneYet')}
      </p>
      <FieldErrors problem={problem} />
      {untrained.length > 0 && (
        <form onSubmit={record} noValidate>
          <label htmlFor="training-instrument">{t('trainings.instrument')}</label>
          <select id="training-instrument" name="instrumentId">
            {untrained.map((instrument) => (
              <option key={instrument.id} value={instrument.id}>
                {inLanguage(instrument.name, i18n.language)}
              </option>
            ))}
          </select>
          <label htmlFor="training-date">{t('trainings.completedOn')}</label>
          <input id="training-date" name="completedOn" type="date" required />
          <button type="submit">{t('trainings.record')}</button>
        </form>
      )}
    </section>
  );
};
