import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  useFigureText,
  type CountyIndicators,
  type Definitions,
  type Figure,
} from '../../indicators-api';
import { DefinitionVersionMark } from './DefinitionDetails';
import { IndicatorChart } from './IndicatorChart';

/**
 * The county's comparison: what each municipality handed over for the period, side by side,
 * and the county's total over what was not withheld, saying how many municipalities it lacks.
 */
export const CountyFigures = ({
  definitions,
  figures,
}: {
  definitions: Definitions;
  figures: CountyIndicators;
}) => {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'sv';
  const text = useFigureText(definitions.suppressBelow);
  const [compared, setCompared] = useState<string>(definitions.indicators[0]!.id);
  const definition = definitions.indicators.find((entry) => entry.id === compared)!;
  if (figures.municipalities.length === 0) return <p>{t('indicators.nonePublished')}</p>;
  const figureOf = (list: readonly Figure[], id: string) => list.find((figure) => figure.id === id);

  return (
    <>
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
        rows={figures.municipalities.map((municipality) => ({
          name: municipality.name,
          figure: figureOf(municipality.figures, compared),
        }))}
        caption={`${definition.label[language]} – ${figures.county.name}`}
      />
      <div className="table-scroll">
        <table>
          <caption>{t('indicators.countyCaption', figures.period)}</caption>
          <thead>
            <tr>
              <th scope="col">{t('indicators.indicator')}</th>
              {figures.municipalities.map((municipality) => (
                <th scope="col" key={municipality.organisationId}>
                  {municipality.name}
                </th>
              ))}
              <th scope="col">{t('indicators.countyTotal')}</th>
            </tr>
          </thead>
          <tbody>
            {definitions.indicators.map((entry) => {
              const total = figureOf(figures.totals, entry.id);
              return (
                <tr key={entry.id}>
                  <th scope="row">{entry.label[language]}</th>
                  {figures.municipalities.map((municipality) => {
                    const figure = figureOf(municipality.figures, entry.id);
                    return (
                      <td key={municipality.organisationId}>
                        {text(entry, figure)}
                        <DefinitionVersionMark definition={entry} figure={figure} />
                      </td>
                    );
                  })}
                  <td>
                    {text(entry, total)}
                    {total?.withheldIn ? (
                      <> {t('indicators.withheldIn', { count: total.withheldIn })}</>
                    ) : null}
                    {total?.olderDefinitionIn ? (
                      <> {t('indicators.olderDefinitionIn', { count: total.olderDefinitionIn })}</>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
};
