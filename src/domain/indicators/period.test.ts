import { describe, expect, it } from 'vitest';
import { defaultReassessmentDays } from '../risk/reassessment';
import { computeIndicators } from './compute';
import type { IndicatorCatalogue } from './definitions';
import type { CaseFact } from './facts';
import { checkFiguresPeriod, measuredUntil } from './period';

const catalogue: IndicatorCatalogue = {
  version: '1.0.0',
  suppressBelow: 5,
  indicators: (['overdueReassessments', 'overduePlanReviews'] as const).map((id) => ({
    id,
    group: 'risk' as const,
    measure: 'share' as const,
    ...(id === 'overdueReassessments' ? { caseTypes: ['adultVictim'] } : {}),
    definitionVersion: 1,
    label: { sv: id, en: id },
    description: { sv: id, en: id },
    source: {
      kind: 'own' as const,
      publisher: 'test',
      title: id,
      wording: id,
      checkedOn: '2026-01-01',
    },
    earlier: [],
  })),
};

// An open case: a high risk signed 1 December (redo within 14 days, by the 15th) and a safety
// plan to be reviewed on 20 December.
const openCase: CaseFact = {
  caseId: 'c1',
  unitId: 'vinr',
  type: 'adultVictim',
  hrv: false,
  openedOn: '2026-11-02',
  closedOn: null,
  closedFrom: null,
  goal: null,
  childrenAnswer: 'none',
  investigationOn: '2026-11-03',
  interventionDays: [],
  grantedInterventions: [],
  assessments: [{ signedOn: '2026-12-01', level: 'high', standardised: true }],
  childCases: [],
  planReviews: ['2026-12-20'],
  ratings: [],
  placements: [],
};
const facts = {
  reassessmentDays: defaultReassessmentDays,
  cases: [openCase],
  screenings: [],
  unmetNeeds: [],
};
const year = { from: '2026-01-01', to: '2026-12-31' };
const overdue = (today: string) =>
  computeIndicators(catalogue, facts, measuredUntil(year, today), null).map((figure) => [
    figure.id,
    figure.count,
    figure.base,
  ]);

describe('figures for a period that has not ended', () => {
  it('counts nothing as overdue that is due after today', () => {
    expect(overdue('2026-12-07')).toEqual([
      ['overdueReassessments', 0, 1],
      ['overduePlanReviews', 0, 1],
    ]);
  });

  it('counts what fell due before today, and all of it once the year is over', () => {
    expect(overdue('2026-12-16')).toEqual([
      ['overdueReassessments', 1, 1],
      ['overduePlanReviews', 0, 1],
    ]);
    expect(overdue('2027-02-01')).toEqual([
      ['overdueReassessments', 1, 1],
      ['overduePlanReviews', 1, 1],
    ]);
  });

  it('measures an ended period to its last day, and refuses one that has not begun', () => {
    expect(measuredUntil(year, '2027-03-01')).toEqual(year);
    expect(checkFiguresPeriod(year, '2026-12-07')).toEqual([]);
    expect(checkFiguresPeriod({ from: '2027-01-01', to: '2027-12-31' }, '2026-12-07')).toEqual([
      {
        field: 'from',
        message: 'Perioden har inte börjat än. Välj en som har börjat.',
        code: 'dateInFuture',
      },
    ]);
  });
});
