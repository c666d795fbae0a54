import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { thisYear } from '../cases-api';
import { inLanguage, type MappingCatalogue, type RoundSummary } from '../mapping-api';
import { linkProps, navigate } from '../navigation';
import { useRecord } from '../queries';
import { FieldErrors, useProblem } from './problems';
import { useHeadingFocus } from './useHeadingFocus';

type Candidate = { id: string; name: string; scbCode: string | null };

/**
 * The county's mapping rounds (kartläggning, digest 001 and 004): start a round with its
 * municipalities — those that run Fristad can pre-fill their figures, the others are named —
 * and open a round to record interviews, answers and reports.
 */
export const MappingPage = () => {
  const { t, i18n } = useTranslation();
  const heading = useHeadingFocus('mapping');
  const rounds = useRecord<RoundSummary[]>(['mapping', 'rounds'], '/api/mapping/rounds').data ?? [];
  const catalogueQuery = useRecord<MappingCatalogue>(
    ['mapping', 'templates'],
    '/api/mapping/templates',
  );
  const candidatesQuery = useRecord<Candidate[]>(
    ['mapping', 'candidates'],
    '/api/mapping/candidates',
  );
  // The form waits for both: its municipalities are ticked as they first appear.
  const catalogue = candidatesQuery.data ? (catalogueQuery.data ?? null) : null;
  const candidates = candidatesQuery.data ?? [];
  const { problem, run } = useProblem();

  const create = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const chosen = candidates
      .filter((candidate) => form.getAll('fristad').includes(candidate.id))
      .map((candidate) => ({ name: candidate.name, organisationId: candidate.id }));
    const others = String(form.get('others') ?? '')
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
      .map((name) => ({ name }));
    void run(async () => {
      const { id } = await api<{ id: string }>('POST', '/api/mapping/rounds', {
        name: form.get('name'),
        templateId: form.get('templateId'),
        strategyPeriod: form.get('strategyPeriod'),
        periodFrom: form.get('periodFrom'),
        periodTo: form.get('periodTo'),
        municipalities: [...chosen, ...others],
      });
      navigate(`/kartlaggning/${id}`);
    });
  };

  const year = thisYear();
  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {t('mapping.title')}
      </h1>
      <p>{t('mapping.lead')}</p>
      {rounds.length > 0 ? (
        <ul>
          {rounds.map((round) => (
            <li key={round.id}>
              <a {...linkProps(`/kartlaggning/${round.id}`)}>{round.name}</a> ({round.periodFrom} –{' '}
              {round.periodTo})
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('mapping.noRounds')}</p>
      )}
      {catalogue && (
        <form onSubmit={create} aria-labelledby="new-round">
          <h2 id="new-round">{t('mapping.newRound')}</h2>
          <FieldErrors problem={problem} />
          <label htmlFor="round-name">{t('mapping.name')}</label>
          <input
            id="round-name"
            name="name"
            required
            defaultValue={`${t('mapping.title')} ${year}`}
          />
          <label htmlFor="round-template">{t('mapping.template')}</label>
          <select id="round-template" name="templateId">
            {catalogue.templates.map((template) => (
              <option key={template.id} value={template.id}>
                {inLanguage(template.name, i18n.language)}
              </option>
            ))}
          </select>
          <label htmlFor="round-strategy">{t('mapping.strategyPeriod')}</label>
          <input id="round-strategy" name="strategyPeriod" />
          <label htmlFor="round-from">{t('mapping.periodFrom')}</label>
          <input id="round-from" name="periodFrom" type="date" defaultValue={`${year}-01-01`} />
          <label htmlFor="round-to">{t('mapping.periodTo')}</label>
          <input id="round-to" name="periodTo" type="date" defaultValue={`${year}-12-31`} />
          <fieldset>
            <legend>{t('mapping.fristadMunicipalities')}</legend>
            {candidates.map((candidate) => (
              <label key={candidate.id} className="choice">
                <input type="checkbox" name="fristad" value={candidate.id} defaultChecked />{' '}
                {candidate.name}
              </label>
            ))}
          </fieldset>
          <label htmlFor="round-others">{t('mapping.otherMunicipalities')}</label>
          <textarea id="round-others" name="others" rows={3} aria-describedby="others-help" />
          <p id="others-help" className="muted">
            {t('mapping.otherHelp')}
          </p>
          <button type="submit">{t('mapping.start')}</button>
        </form>
      )}
    </>
  );
};
