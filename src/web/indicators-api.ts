import { useTranslation } from 'react-i18next';

export type {
  CountyIndicators,
  Definitions,
  IndicatorDefinition,
  OwnIndicators,
} from '../contract/indicators';
export type { AnyFigure as Figure } from '../contract/indicators';
import type { AnyFigure as Figure, IndicatorDefinition } from '../contract/indicators';

/** A figure as a person reads it: a percentage, a rate, a number or days; "–" when there is none. */
export const useFigureText = (below: number) => {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en-GB' : 'sv-SE';
  const number = (value: number, digits = 0) =>
    value.toLocaleString(locale, { maximumFractionDigits: digits, minimumFractionDigits: digits });
  return (definition: IndicatorDefinition, figure: Figure | undefined, withPopulation = true) => {
    if (!figure) return '–';
    if (figure.suppressed) return t('indicators.withheld', { below });
    if (figure.value === null) return t('indicators.noData');
    switch (definition.measure) {
      case 'share':
        return `${number(figure.value * 100)} % (${figure.count} ${t('indicators.of')} ${figure.base})`;
      case 'per10k':
        return withPopulation && figure.base
          ? `${number(figure.value, 1)} ${t('indicators.per10k')} (${figure.count})`
          : number(figure.value);
      case 'medianDays':
        return `${number(figure.value)} ${t('indicators.days')} (n = ${figure.count})`;
      case 'count':
        return number(figure.value);
    }
  };
};

/** The value a chart draws: a share as a percentage, others as they are; null draws nothing. */
export const chartValue = (definition: IndicatorDefinition, figure: Figure | undefined) =>
  !figure || figure.suppressed || figure.value === null
    ? null
    : definition.measure === 'share'
      ? Math.round(figure.value * 1000) / 10
      : Math.round(figure.value * 10) / 10;

export const yearPeriod = (year: number) => ({ from: `${year}-01-01`, to: `${year}-12-31` });
