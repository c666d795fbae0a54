import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { useRecord } from '../../queries';
import { FieldErrors, useProblem } from '../problems';

type Settings = {
  reassessmentDays: { low: number; medium: number; high: number };
  version: number;
};

/** How many days a signed assessment holds before the case owner is asked to reassess. */
export const ReassessmentSettings = () => {
  const { t } = useTranslation();
  // The settings as read, then as the server answers each save.
  const [changed, setSettings] = useState<Settings | null>(null);
  const [saved, setSaved] = useState(false);
  const { problem, run } = useProblem();

  // Read for this form alone (the intervention rules beside it read their own).
  const loaded = useRecord<Settings>(
    ['organisation', 'settings', 'reassessment'],
    '/api/organisation/settings',
  ).data;
  const settings = changed ?? loaded ?? null;
  if (!settings) return null;

  const save = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const days = (level: string) => Number(form.get(level));
    void run(async () => {
      setSettings(
        await api<Settings>('PATCH', '/api/organisation/settings', {
          reassessmentDays: { low: days('low'), medium: days('medium'), high: days('high') },
          version: settings.version,
        }),
      );
      setSaved(true);
    });
  };

  return (
    <section aria-labelledby="reassessment-heading">
      <h2 id="reassessment-heading">{t('settings.reassessment')}</h2>
      <p>{t('settings.reassessmentLead')}</p>
      <FieldErrors problem={problem} />
      <form onSubmit={save} noValidate>
        {(['high', 'medium', 'low'] as const).map((level) => (
          <div key={level}>
            <label htmlFor={`days-${level}`}>{t(`settings.days.${level}`)}</label>
            <input
              id={`days-${level}`}
              name={level}
              type="number"
              min={1}
              max={365}
              defaultValue={settings.reassessmentDays[level]}
            />
          </div>
        ))}
        <button type="submit">{t('settings.save')}</button>
        <p role="status">{saved && t('settings.saved')}</p>
      </form>
    </section>
  );
};
