import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { inLanguage } from '../../assessments-api';
import type { CatalogueMeasure as Row } from '../../plans-api';
import { useRecord } from '../../queries';
import { FieldErrors, useProblem } from '../problems';

const strategies = ['monitoring', 'supervision', 'treatment', 'victimSafety'] as const;
const owners = [
  'socialServices',
  'police',
  'prosecutor',
  'region',
  'school',
  'housingCompany',
  'shelter',
  'taxAgency',
  'victim',
] as const;

/** The organisation's measure catalogue: switch off what you cannot offer, add your own. */
export const MeasureSettings = () => {
  const { t, i18n } = useTranslation();
  // The catalogue as read, then as each click and each answer of the server leaves it.
  const [changed, setRows] = useState<Row[] | null>(null);
  const { problem, run } = useProblem();

  const loaded = useRecord<Row[]>(['measures'], '/api/measures').data;
  const rows = changed ?? loaded ?? null;
  if (!rows) return null;

  const toggle = (row: Row, enabled: boolean) => {
    setRows(rows.map((entry) => (entry.code === row.code ? { ...entry, enabled } : entry)));
    void run(async () => {
      try {
        setRows(await api<Row[]>('PUT', `/api/measures/${row.code}/enabled`, { enabled }));
      } catch (error) {
        setRows(rows);
        throw error;
      }
    });
  };

  const add = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const sv = String(form.get('labelSv') ?? '').trim();
    const en = String(form.get('labelEn') ?? '').trim() || sv;
    void run(async () => {
      setRows(
        await api<Row[]>('POST', '/api/measures', {
          // A code from the Swedish name: letters and digits, camelCase.
          code: `local${sv.replace(/[^A-Za-z0-9]/g, '').slice(0, 40) || Date.now()}`,
          label: { sv, en },
          strategy: form.get('strategy'),
          usualOwner: form.get('owner'),
          needs: [],
          protective: form.get('protective') === 'on',
          intensive: false,
        }),
      );
    });
  };

  return (
    <section aria-labelledby="measure-settings-heading">
      <h2 id="measure-settings-heading">{t('settings.measures')}</h2>
      <p>{t('settings.measuresLead')}</p>
      <FieldErrors problem={problem} />
      <ul className="task-list">
        {rows.map((row) => (
          <li key={row.code}>
            <label className="choice">
              <input
                type="checkbox"
                checked={row.enabled}
                onChange={(event) => toggle(row, event.target.checked)}
              />{' '}
              {inLanguage(row.label, i18n.language)}
              {row.custom && ` (${t('settings.local')})`}
            </label>
          </li>
        ))}
      </ul>
      <form onSubmit={add} noValidate aria-labelledby="local-measure-heading">
        <h3 id="local-measure-heading">{t('settings.addLocal')}</h3>
        <label htmlFor="local-sv">{t('settings.localNameSv')}</label>
        <input id="local-sv" name="labelSv" />
        <label htmlFor="local-en">{t('settings.localNameEn')}</label>
        <input id="local-en" name="labelEn" />
        <label htmlFor="local-strategy">{t('settings.strategy')}</label>
        <select id="local-strategy" name="strategy">
          {strategies.map((strategy) => (
            <option key={strategy} value={strategy}>
              {t(`settings.strategies.${strategy}`)}
            </option>
          ))}
        </select>
        <label htmlFor="local-owner">{t('settings.usualOwner')}</label>
        <select id="local-owner" name="owner">
          {owners.map((owner) => (
            <option key={owner} value={owner}>
              {t(`plan.owners.${owner}`)}
            </option>
          ))}
        </select>
        <label className="choice">
          <input type="checkbox" name="protective" /> {t('settings.protective')}
        </label>
        <button type="submit">{t('settings.addLocalButton')}</button>
      </form>
    </section>
  );
};
