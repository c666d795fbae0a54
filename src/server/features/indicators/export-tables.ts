import type { IndicatorCatalogue } from '../../../domain/indicators/definitions';
import { caseLevelColumns, type CaseLevelRow } from '../../../domain/indicators/case-level';
import type { ReleasedFigure } from '../../../domain/indicators/suppression';
import type { ExportTable } from '../../platform/documents/table-export';

type Language = 'sv' | 'en';
const words = {
  sv: {
    figures: 'Nyckeltal',
    definitions: 'Definitioner',
    level: 'Nivå',
    indicator: 'Nyckeltal',
    value: 'Värde',
    count: 'Antal',
    base: 'Av',
    note: 'Anmärkning',
    withheld: 'Färre än {n}, visas inte',
    complementary: 'Visas inte, så att ett litet tal inte kan räknas fram',
    description: 'Beskrivning',
    measure: 'Mått',
    version: 'Definitionsversion',
    source: 'Källa',
    checkedOn: 'Kontrollerad mot källan',
    period: 'Period',
    cases: 'Ärenderader',
  },
  en: {
    figures: 'Indicators',
    definitions: 'Definitions',
    level: 'Level',
    indicator: 'Indicator',
    value: 'Value',
    count: 'Count',
    base: 'Out of',
    note: 'Note',
    withheld: 'Fewer than {n}, not shown',
    complementary: 'Not shown, so that a small figure cannot be worked out',
    description: 'Description',
    measure: 'Measure',
    version: 'Definition version',
    source: 'Source',
    checkedOn: 'Checked against the source',
    period: 'Period',
    cases: 'Case rows',
  },
} as const;

/** A share as a percentage with one decimal, a rate with one decimal, counts as they are. */
const shown = (measure: string, value: number | null) =>
  value === null
    ? null
    : measure === 'share'
      ? Math.round(value * 1000) / 10
      : Math.round(value * 10) / 10;

/** The released (suppressed) figures of each level as one table, and the definitions beside them. */
export const indicatorTables = (
  catalogue: IndicatorCatalogue,
  levels: readonly { name: string; figures: readonly ReleasedFigure[] }[],
  period: { from: string; to: string },
  language: Language,
): ExportTable[] => {
  const say = words[language];
  const definition = (id: string) => catalogue.indicators.find((entry) => entry.id === id)!;
  return [
    {
      name: say.figures,
      columns: [
        { key: 'period', header: say.period },
        { key: 'level', header: say.level },
        { key: 'indicator', header: say.indicator },
        { key: 'value', header: say.value },
        { key: 'count', header: say.count },
        { key: 'base', header: say.base },
        { key: 'note', header: say.note },
      ],
      rows: levels.flatMap((level) =>
        level.figures.map((figure) => ({
          period: `${period.from} – ${period.to}`,
          level: level.name,
          indicator: definition(figure.id).label[language],
          value: shown(definition(figure.id).measure, figure.value),
          count: figure.count,
          base: figure.base,
          note: !figure.suppressed
            ? null
            : figure.complementary
              ? say.complementary
              : say.withheld.replace('{n}', String(catalogue.suppressBelow)),
        })),
      ),
    },
    {
      name: say.definitions,
      columns: [
        { key: 'indicator', header: say.indicator },
        { key: 'measure', header: say.measure },
        { key: 'description', header: say.description },
        { key: 'version', header: say.version },
        { key: 'source', header: say.source },
        { key: 'checkedOn', header: say.checkedOn },
      ],
      rows: catalogue.indicators.map((entry) => ({
        indicator: entry.label[language],
        measure: entry.measure,
        description: entry.description[language],
        version: entry.definitionVersion,
        source: [entry.source.publisher, entry.source.title, entry.source.url]
          .filter(Boolean)
          .join(', '),
        checkedOn: entry.source.checkedOn,
      })),
    },
  ];
};

/** The anonymised case rows; column names stay the stable codes an evaluator's script reads. */
export const caseRowTable = (rows: readonly CaseLevelRow[], language: Language): ExportTable => {
  return {
    name: words[language].cases,
    columns: caseLevelColumns.map((key) => ({ key, header: key })),
    rows: rows.map((row) => ({ ...row })),
  };
};
