import { daysBetween } from '../calendar';
import type { CaseFact, Period } from './facts';
import { openDuring, ratingsUntil, within } from './facts';

/**
 * The anonymised case-level export for external evaluation (digest 004: results could not be
 * evaluated because nobody could hand over data). No name, number, id or free text; dates as
 * quarters. The describing columns (quasi-identifiers) are generalised until every visible
 * combination is shared by at least k rows (k-anonymity); a row that cannot hide among k
 * others is left out.
 */
export type CaseLevelRow = {
  /** Describing columns: what someone who knows a family could match on. */
  caseType: string;
  hrv: string;
  openedQuarter: string;
  closedQuarter: string;
  children: string;
  goal: string;
  /** Measured columns. */
  investigated: boolean;
  standardisedAssessment: boolean;
  interventions: number;
  placementDays: number;
  ratings: number;
  safetyChange: number | null;
};

export const quasiIdentifiers = [
  'caseType',
  'hrv',
  'openedQuarter',
  'closedQuarter',
  'children',
  'goal',
] as const satisfies readonly (keyof CaseLevelRow)[];

/** Every column, in the order of the export. */
export const caseLevelColumns = [
  ...quasiIdentifiers,
  'investigated',
  'standardisedAssessment',
  'interventions',
  'placementDays',
  'ratings',
  'safetyChange',
] as const satisfies readonly (keyof CaseLevelRow)[];

const hidden = '*';

const quarter = (day: string | null) =>
  day ? `${day.slice(0, 4)}-K${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}` : '';

/** Cases open at some time in the period, reduced to the export's columns. */
export const caseLevelRows = (cases: readonly CaseFact[], period: Period): CaseLevelRow[] =>
  cases
    .filter((fact) => openDuring(fact, period))
    .map((fact) => {
      const ratings = ratingsUntil(fact, period);
      return {
        caseType: fact.type,
        hrv: fact.hrv ? 'yes' : 'no',
        openedQuarter: quarter(fact.openedOn),
        closedQuarter: quarter(within(fact.closedOn, period) ? fact.closedOn : null),
        children: fact.childrenAnswer ?? '',
        goal: fact.goal ?? '',
        investigated: fact.investigationOn !== null && fact.investigationOn <= period.to,
        standardisedAssessment: fact.assessments.some(
          (done) => done.standardised && done.signedOn <= period.to,
        ),
        interventions: fact.interventionDays.filter((day) => day <= period.to).length,
        placementDays: fact.placements
          .filter((placement) => placement.startOn <= period.to)
          .reduce((sum, placement) => {
            const end =
              placement.endOn && placement.endOn < period.to ? placement.endOn : period.to;
            return sum + daysBetween(placement.startOn, end);
          }, 0),
        ratings: ratings.length,
        safetyChange: ratings.length >= 2 ? ratings.at(-1)!.safety - ratings[0]!.safety : null,
      };
    });

/**
 * Generalises from the finest description to none: each step keeps fewer describing columns.
 * Rows whose combination is shared by k or more at a step are released at that step.
 */
const steps: readonly (readonly (typeof quasiIdentifiers)[number][])[] = [
  quasiIdentifiers,
  ['caseType', 'hrv', 'openedQuarter'],
  ['caseType'],
  [],
];

export const anonymise = (rows: readonly CaseLevelRow[], k: number): CaseLevelRow[] => {
  let remaining = [...rows];
  const released: CaseLevelRow[] = [];
  for (const kept of steps) {
    const key = (row: CaseLevelRow) => kept.map((column) => row[column]).join('\u0000');
    const sizes = new Map<string, number>();
    for (const row of remaining) sizes.set(key(row), (sizes.get(key(row)) ?? 0) + 1);
    const next: CaseLevelRow[] = [];
    for (const row of remaining) {
      if ((sizes.get(key(row)) ?? 0) < k) {
        next.push(row);
        continue;
      }
      const visible = { ...row };
      for (const column of quasiIdentifiers) if (!kept.includes(column)) visible[column] = hidden;
      released.push(visible);
    }
    remaining = next;
  }
  return released;
};
