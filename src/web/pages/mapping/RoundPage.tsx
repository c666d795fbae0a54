import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { HorizontalBars } from '../../components/HorizontalBars';
import { inLanguage, type MappingCatalogue, type Round } from '../../mapping-api';
import { throwOnError, useRecord } from '../../queries';
import { FieldErrors, useProblem } from '../problems';
import { useHeadingFocus } from '../useHeadingFocus';
import { AnswerSection } from './AnswerSection';
import { SessionSection } from './SessionSection';

/**
 * One mapping round: the municipalities compared on the 0–10 scale (digest 001's figure 2,
 * which the printed report lost), the trend across rounds, each municipality's answers and
 * interviews, and the reports.
 */
export const RoundPage = ({ roundId }: { roundId: string }) => {
  const { t, i18n } = useTranslation();
  const heading = useHeadingFocus(roundId);
  const [chosen, setChosen] = useState<string | null>(null);
  const { problem, run } = useProblem();
  const [prefilled, setPrefilled] = useState<string | null>(null);

  const roundQuery = useRecord<Round>(
    ['mapping', 'rounds', roundId],
    `/api/mapping/rounds/${roundId}`,
  );
  const catalogueQuery = useRecord<MappingCatalogue>(
    ['mapping', 'templates'],
    '/api/mapping/templates',
  );
  const round = roundQuery.data;
  const catalogue = catalogueQuery.data;
  const load = async () => {
    await Promise.all([roundQuery.refetch(throwOnError), catalogueQuery.refetch(throwOnError)]);
  };

  if (!round || !catalogue) return <p role="status">{t('app.loading')}</p>;
  const language = i18n.language === 'en' ? 'en' : 'sv';
  const municipality =
    round.municipalities.find((entry) => entry.id === chosen) ?? round.municipalities[0]!;
  const answerStamp = round.answers
    .filter((answer) => answer.municipalityId === municipality.id)
    .map((answer) => answer.answeredAt)
    .sort()
    .at(-1);
  const chart = round.comparison.scale.map((entry) => ({
    name: entry.name,
    value: entry.mean === null ? null : Math.round(entry.mean * 10) / 10,
  }));

  const prefill = () =>
    void run(async () => {
      const result = await api<{ filled: string[] }>(
        'POST',
        `/api/mapping/rounds/${roundId}/prefill`,
        {
          municipalityId: municipality.id,
        },
      );
      setPrefilled(t('mapping.prefilled', { count: result.filled.length }));
      await load();
    });

  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {round.round.name}
      </h1>
      <p>
        {inLanguage(round.template.name, language)} · {t('mapping.periodText', round.round)}
        {round.round.strategyPeriod && ` · ${round.round.strategyPeriod}`}
      </p>

      <section aria-labelledby="compare-heading">
        <h2 id="compare-heading">{t('mapping.compare')}</h2>
        <HorizontalBars
          rows={chart}
          name={t('mapping.meanScale')}
          domain={[0, 10]}
          ticks={[0, 2, 4, 6, 8, 10]}
          caption={t('mapping.chartCaption')}
        />
        <table>
          <caption>{t('mapping.scaleTable')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('mapping.municipality')}</th>
              <th scope="col">{t('mapping.meanScale')}</th>
              <th scope="col">{t('mapping.occasions')}</th>
            </tr>
          </thead>
          <tbody>
            {round.comparison.scale.map((entry) => (
              <tr key={entry.municipalityId}>
                <th scope="row">{entry.name}</th>
                <td>
                  {entry.mean === null
                    ? t('mapping.notRated')
                    : entry.mean.toLocaleString(language === 'en' ? 'en-GB' : 'sv-SE', {
                        maximumFractionDigits: 1,
                      })}
                </td>
                <td>
                  {entry.ratings.map((rating) => `${rating.label}: ${rating.scale}`).join(', ') ||
                    '–'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {round.comparison.trend.rounds.length > 1 && (
          <table>
            <caption>{t('mapping.trend')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('mapping.municipality')}</th>
                {round.comparison.trend.rounds.map((entry) => (
                  <th scope="col" key={entry.roundId}>
                    {entry.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {round.comparison.trend.municipalities.map((entry) => (
                <tr key={entry.name}>
                  <th scope="row">{entry.name}</th>
                  {entry.means.map((mean, index) => (
                    <td key={index}>{mean === null ? '–' : mean.toFixed(1)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <p>
          {t('mapping.themeSummary', {
            coded:
              round.comparison.themes.themes
                .map(
                  (entry) =>
                    `${inLanguage(catalogue.themes.find((theme) => theme.code === entry.theme) ?? { sv: entry.theme, en: entry.theme }, language)} ${entry.answers.length}`,
                )
                .join(', ') || '–',
            uncoded: round.comparison.themes.uncoded,
          })}
        </p>
      </section>

      <section aria-labelledby="reports-heading">
        <h2 id="reports-heading">{t('mapping.reports')}</h2>
        <ul>
          <li>
            <a href={`/api/mapping/rounds/${roundId}/report.pdf?lang=${language}`} download>
              {t('mapping.countyReport')}
            </a>
          </li>
          {round.municipalities.map((entry) => (
            <li key={entry.id}>
              <a
                href={`/api/mapping/rounds/${roundId}/report.pdf?municipalityId=${entry.id}&lang=${language}`}
                download
              >
                {t('mapping.municipalityReport', { name: entry.name })}
              </a>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="municipality-heading">
        <h2 id="municipality-heading">{t('mapping.perMunicipality')}</h2>
        <label htmlFor="chosen-municipality">{t('mapping.municipality')}</label>
        <select
          id="chosen-municipality"
          value={municipality.id}
          onChange={(event) => {
            setChosen(event.target.value);
            setPrefilled(null);
          }}
        >
          {round.municipalities.map((entry) => (
            <option key={entry.id} value={entry.id}>
              {entry.name}
            </option>
          ))}
        </select>
        <FieldErrors problem={problem} />
        {municipality.runsFristad ? (
          <p>
            {municipality.published ? t('mapping.hasPublished') : t('mapping.notPublished')}{' '}
            <button type="button" onClick={prefill}>
              {t('mapping.prefill')}
            </button>
          </p>
        ) : (
          <p>{t('mapping.noFristad')}</p>
        )}
        {prefilled && <p role="status">{prefilled}</p>}
        <SessionSection
          key={`sessions-${municipality.id}`}
          roundId={roundId}
          round={round}
          catalogue={catalogue}
          municipality={municipality}
          onSaved={load}
        />
        {round.template.sections.map((section) => (
          <AnswerSection
            // A new key after each save, so the form shows what was stored (pre-filled included).
            key={`${municipality.id}-${section.id}-${answerStamp}`}
            roundId={roundId}
            section={section}
            municipality={municipality}
            answers={round.answers.filter((answer) => answer.municipalityId === municipality.id)}
            onSaved={load}
          />
        ))}
      </section>
    </>
  );
};
