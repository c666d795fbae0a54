import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { dateTimeText, todayText } from '../../cases-api';
import { useFigureText, type Definitions, type OwnIndicators } from '../../indicators-api';
import { FieldErrors, useProblem } from '../problems';
import { DefinitionDetails, PublishedCell } from './DefinitionDetails';
import { IndicatorChart } from './IndicatorChart';

/** The organisation's own figures, the units compared, the exports and the hand-over to the county. */
export const OwnFigures = ({
  definitions,
  figures,
  period,
  onPublished,
}: {
  definitions: Definitions;
  figures: OwnIndicators;
  period: { from: string; to: string };
  onPublished: () => void;
}) => {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'sv';
  const text = useFigureText(definitions.suppressBelow);
  const { problem, run } = useProblem();
  const [compared, setCompared] = useState<string>(definitions.indicators[0]!.id);
  const whole = figures.levels.find((level) => level.unitId === null)!;
  // Units with nothing to count would only be rows of zeros.
  const units = figures.levels.filter(
    (level) => level.unitId !== null && level.figures.some((figure) => (figure.count ?? 0) > 0),
  );
  const definition = definitions.indicators.find((entry) => entry.id === compared)!;
  const published = figures.published;
  const query = `from=${period.from}&to=${period.to}&lang=${language}`;

  const publish = () =>
    void run(async () => {
      await api<{ publishedAt: string }>('POST', '/api/indicators/publications', {
        from: period.from,
        to: period.to,
      });
      onPublished();
    });

  return (
    <>
      <h2>{whole.name}</h2>
      <p>
        {figures.organisation.adults
          ? t('indicators.adults', {
              adults: figures.organisation.adults.toLocaleString(
                language === 'en' ? 'en-GB' : 'sv-SE',
              ),
            })
          : t('indicators.noPopulation')}
      </p>
      {period.to > todayText() && <p>{t('indicators.untilToday', { today: todayText() })}</p>}
      <table>
        <caption>{t('indicators.tableCaption', { from: period.from, to: period.to })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('indicators.indicator')}</th>
            <th scope="col">{t('indicators.value')}</th>
            {published && (
              <th scope="col">
                {t('indicators.publishedColumn', {
                  when: dateTimeText(published.publishedAt, language),
                })}
              </th>
            )}
            <th scope="col">{t('indicators.howCounted')}</th>
          </tr>
        </thead>
        <tbody>
          {definitions.indicators.map((entry) => (
            <tr key={entry.id}>
              <th scope="row">{entry.label[language]}</th>
              <td data-indicator={entry.id}>
                {text(
                  entry,
                  whole.figures.find((figure) => figure.id === entry.id),
                )}
              </td>
              {published && (
                <PublishedCell
                  definition={entry}
                  figure={published.figures.find((figure) => figure.id === entry.id)}
                  text={text}
                />
              )}
              <td>
                <DefinitionDetails definition={entry} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      {units.length > 0 && (
        <section aria-labelledby="units-heading">
          <h2 id="units-heading">{t('indicators.compareUnits')}</h2>
          <label htmlFor="compared">{t('indicators.compared')}</label>
          <select
            id="compared"
            className="inline-select"
            value={compared}
            onChange={(event) => setCompared(event.target.value)}
          >
            {definitions.indicators.map((entry) => (
              <option key={entry.id} value={entry.id}>
                {entry.label[language]}
              </option>
            ))}
          </select>
          <IndicatorChart
            definition={definition}
            rows={units.map((unit) => ({
              name: unit.name,
              figure: unit.figures.find((figure) => figure.id === compared),
            }))}
            caption={definition.label[language]}
          />
          <ul>
            {units.map((unit) => (
              <li key={unit.unitId}>
                {unit.name}:{' '}
                {text(
                  definition,
                  unit.figures.find((figure) => figure.id === compared),
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="export-heading">
        <h2 id="export-heading">{t('indicators.exportTitle')}</h2>
        <p>{t('indicators.exportLead', { below: definitions.suppressBelow })}</p>
        <ul>
          <li>
            <a href={`/api/indicators/export?${query}&format=xlsx`} download>
              {t('indicators.exportXlsx')}
            </a>
          </li>
          <li>
            <a href={`/api/indicators/export?${query}&format=csv`} download>
              {t('indicators.exportCsv')}
            </a>
          </li>
          <li>
            <a href={`/api/indicators/case-rows?${query}&format=xlsx`} download>
              {t('indicators.caseRows')}
            </a>
          </li>
        </ul>
        {figures.mayPublish && (
          <>
            <p>{t('indicators.publishLead')}</p>
            <FieldErrors problem={problem} />
            <button type="button" onClick={publish}>
              {t('indicators.publish')}
            </button>
            {figures.publishedAt && (
              <p role="status">
                {t('indicators.published', {
                  when: dateTimeText(figures.publishedAt, language),
                })}
              </p>
            )}
          </>
        )}
      </section>
    </>
  );
};
