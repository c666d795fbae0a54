import { describe, expect, it } from 'vitest';
import { computeIndicators, factsOfUnit } from '../../../domain/indicators/compute';
import { indicatorIds, type IndicatorId } from '../../../domain/indicators/definitions';
import type { CaseFact, OrganisationFacts } from '../../../domain/indicators/facts';
import { releaseFigures } from '../../../domain/indicators/suppression';
import { defaultReassessmentDays } from '../../../domain/risk/reassessment';
import { loadIndicatorCatalogue } from '../../platform/catalogues/indicators';

const catalogue = loadIndicatorCatalogue();
const period = { from: '2026-01-01', to: '2026-06-30' };

/**
 * A hand-built municipality. Each record says, in its own `counts` and `in` lists, which
 * figures it should be counted in (numerator) and which wholes it belongs to (denominator),
 * decided by reading the definitions — not by running the code. The expected figures are the
 * sums of those annotations.
 */
type Annotated<T> = T & { counts?: IndicatorId[]; in?: IndicatorId[]; note: string };

const blank: Omit<CaseFact, 'caseId' | 'unitId' | 'type' | 'openedOn'> = {
  hrv: false,
  closedOn: null,
  closedFrom: null,
  goal: null,
  childrenAnswer: 'none',
  investigationOn: null,
  interventionDays: [],
  grantedInterventions: [],
  assessments: [],
  childCases: [],
  planReviews: [],
  ratings: [],
  placements: [],
};

const rating = (ratedOn: string, safety: number, violence: 'none' | 'threats' | 'notAnswered') => ({
  ratedOn,
  safety,
  wellbeing: 5,
  violence,
});

const cases: Annotated<CaseFact>[] = [
  {
    ...blank,
    note: 'opened in the period, investigated, standardised assessment, granted support',
    caseId: 'c1',
    unitId: 'vinr',
    type: 'adultVictim',
    openedOn: '2026-01-10',
    investigationOn: '2026-01-12',
    interventionDays: ['2026-02-01'],
    // First session three weeks after the decision: 21 days.
    grantedInterventions: [{ decidedOn: '2026-02-01', firstSessionOn: '2026-02-22' }],
    assessments: [{ signedOn: '2026-06-20', level: 'high', standardised: true }],
    counts: ['actualisedCases', 'casesWithIntervention', 'standardisedRiskAssessment'],
    in: ['standardisedRiskAssessment', 'overdueReassessments'],
  },
  {
    ...blank,
    note: 'opened in the period; only a professional judgement, now overdue (high: 14 days)',
    caseId: 'c2',
    unitId: 'vinr',
    type: 'adultVictim',
    openedOn: '2026-03-01',
    investigationOn: '2026-03-02',
    assessments: [{ signedOn: '2026-03-05', level: 'high', standardised: false }],
    planReviews: ['2026-04-01'],
    counts: ['actualisedCases', 'overdueReassessments', 'overduePlanReviews'],
    in: ['standardisedRiskAssessment', 'overdueReassessments', 'overduePlanReviews'],
  },
  {
    ...blank,
    note: 'opened last year, closed from follow-up with the goal partly reached',
    caseId: 'c3',
    unitId: 'vinr',
    type: 'adultVictim',
    openedOn: '2025-09-01',
    investigationOn: '2025-09-03',
    interventionDays: ['2025-10-01'],
    // Waited before the period: not this period's wait.
    grantedInterventions: [{ decidedOn: '2025-10-01', firstSessionOn: '2025-10-20' }],
    closedOn: '2026-05-15',
    closedFrom: 'followUp',
    goal: 'partlyReached',
    assessments: [{ signedOn: '2025-09-10', level: 'low', standardised: true }],
    ratings: [rating('2025-10-01', 3, 'threats'), rating('2026-05-10', 7, 'none')],
    counts: ['closedGoalReached', 'saferByOwnRating', 'noViolenceByOwnRating'],
    in: ['saferByOwnRating', 'noViolenceByOwnRating'],
  },
  {
    ...blank,
    note: 'closed in the period but the goal was not reached; still rates less safe',
    caseId: 'c4',
    unitId: 'vinr',
    type: 'adultVictim',
    openedOn: '2025-11-01',
    closedOn: '2026-02-01',
    closedFrom: 'intervention',
    goal: 'notReached',
    ratings: [rating('2025-11-05', 6, 'threats'), rating('2026-01-20', 4, 'threats')],
    in: ['saferByOwnRating', 'noViolenceByOwnRating'],
  },
  {
    ...blank,
    note: 'a perpetrator case opened in the period, with a group programme and children: not in Kolada',
    caseId: 'c5',
    unitId: 'atv',
    type: 'perpetrator',
    openedOn: '2026-04-01',
    interventionDays: ['2026-04-20', '2026-05-01'],
    // 3 days, and 60 days with the first session on the period's last day.
    grantedInterventions: [
      { decidedOn: '2026-04-20', firstSessionOn: '2026-04-23' },
      { decidedOn: '2026-05-01', firstSessionOn: '2026-06-30' },
    ],
    childrenAnswer: 'yes',
    childCases: [{ investigationOn: '2026-04-10' }, { investigationOn: null }],
    ratings: [rating('2026-04-20', 5, 'notAnswered')],
    counts: ['childrenWithoutInvestigation'],
    in: ['childrenWithoutInvestigation', 'childrenWithoutInvestigation'],
  },
  {
    ...blank,
    note: 'an adult victim with children nobody reported; protected housing, 40 days',
    caseId: 'c6',
    unitId: 'vinr',
    type: 'adultVictim',
    hrv: true,
    openedOn: '2025-12-20',
    childrenAnswer: 'yes',
    interventionDays: ['2026-01-03'],
    // No session yet: no wait to count.
    grantedInterventions: [{ decidedOn: '2026-01-03', firstSessionOn: null }],
    placements: [{ startOn: '2026-01-03', endOn: '2026-02-12' }],
    counts: ['casesWithIntervention', 'childrenWithoutInvestigation', 'placementsStarted'],
    in: ['childrenWithoutInvestigation'],
  },
  {
    ...blank,
    note: "a child case itself: counted in the children's figures, in no adult figure",
    caseId: 'c7',
    unitId: 'barn',
    type: 'childExposed',
    openedOn: '2026-04-05',
    investigationOn: '2026-04-10',
    counts: ['childCasesActualised', 'childInvestigationsOpened'],
  },
  {
    ...blank,
    note: 'an honour-related child case from last year given support now: a child, not an adult',
    caseId: 'c10',
    unitId: 'barn',
    type: 'childExposed',
    hrv: true,
    openedOn: '2025-10-01',
    investigationOn: '2025-10-05',
    interventionDays: ['2026-03-01'],
    counts: ['childCasesWithIntervention'],
  },
  {
    ...blank,
    note: 'a person with both roles, 1 of 2: her case as a victim counts in Kolada',
    caseId: 'c11',
    unitId: 'vinr',
    type: 'adultVictim',
    openedOn: '2026-02-01',
    interventionDays: ['2026-02-10'],
    counts: ['actualisedCases', 'casesWithIntervention'],
  },
  {
    ...blank,
    note: 'a person with both roles, 2 of 2: her perpetrator case, closed with the goal reached, does not',
    caseId: 'c12',
    unitId: 'atv',
    type: 'perpetrator',
    hrv: true,
    openedOn: '2026-02-01',
    interventionDays: ['2026-02-10'],
    closedOn: '2026-06-01',
    closedFrom: 'intervention',
    goal: 'reached',
  },
  {
    ...blank,
    note: 'opened after the period; its placement started before it ended and is still on',
    caseId: 'c8',
    unitId: 'vinr',
    type: 'adultVictim',
    openedOn: '2026-07-02',
    placements: [{ startOn: '2026-06-30', endOn: null }],
    counts: ['placementsStarted'],
  },
  {
    ...blank,
    note: 'a stay that began last year and ended in the period: 10 days',
    caseId: 'c9',
    unitId: 'vinr',
    type: 'adultVictim',
    openedOn: '2025-12-01',
    closedOn: '2025-12-30',
    closedFrom: 'investigation',
    placements: [{ startOn: '2025-12-20', endOn: '2026-01-01' }],
  },
];

const screenings: Annotated<OrganisationFacts['screenings'][number]>[] = [
  {
    note: 'asked',
    unitId: 'ekb',
    askedOn: '2026-02-01',
    asked: true,
    counts: ['screeningCoverage'],
    in: ['screeningCoverage'],
  },
  {
    note: 'asked',
    unitId: 'ekb',
    askedOn: '2026-02-02',
    asked: true,
    counts: ['screeningCoverage'],
    in: ['screeningCoverage'],
  },
  {
    note: 'not asked',
    unitId: 'ekb',
    askedOn: '2026-02-03',
    asked: false,
    in: ['screeningCoverage'],
  },
  { note: 'before the period', unitId: 'ekb', askedOn: '2025-12-31', asked: true },
];

const unmetNeeds: Annotated<OrganisationFacts['unmetNeeds'][number]>[] = [
  {
    note: 'in period',
    unitId: 'vinr',
    recordedOn: '2026-03-03',
    places: 2,
    counts: ['unmetHousingNeeds'],
  },
  { note: 'after period', unitId: 'vinr', recordedOn: '2026-07-01', places: 1 },
];

const facts: OrganisationFacts = {
  reassessmentDays: defaultReassessmentDays,
  cases,
  screenings,
  unmetNeeds,
};

const annotated = [...cases, ...screenings, ...unmetNeeds];
const expectedCount = (id: IndicatorId) =>
  annotated.flatMap((record) => record.counts ?? []).filter((counted) => counted === id).length;
const expectedBase = (id: IndicatorId) =>
  annotated.flatMap((record) => record.in ?? []).filter((member) => member === id).length;
const figureOf = (figures: ReturnType<typeof computeIndicators>, id: IndicatorId) =>
  figures.find((figure) => figure.id === id)!;

describe('indicators on a hand-built municipality', () => {
  const adults = 8_000;
  const figures = computeIndicators(catalogue, facts, period, adults);

  it('defines every indicator once, each with a description in both languages', () => {
    expect(catalogue.indicators.map((definition) => definition.id).sort()).toEqual(
      [...indicatorIds].sort(),
    );
    for (const definition of catalogue.indicators)
      expect(definition.description.sv.length).toBeGreaterThan(40);
  });

  it.each(indicatorIds.filter((id) => id !== 'placementLength' && id !== 'interventionWaitDays'))(
    '%s counts what the annotations say',
    (id) => {
      const figure = figureOf(figures, id);
      expect(figure.count).toBe(expectedCount(id));
      const measure = catalogue.indicators.find((definition) => definition.id === id)!.measure;
      if (measure === 'share') {
        expect(figure.base).toBe(expectedBase(id));
        expect(figure.value).toBeCloseTo(expectedCount(id) / expectedBase(id), 10);
      }
      if (measure === 'per10k') {
        expect(figure.base).toBe(adults);
        expect(figure.value).toBeCloseTo((expectedCount(id) * 10_000) / adults, 10);
      }
    },
  );

  it('gives the median wait from decision to first session among first sessions in the period', () => {
    // c1: 21 days; c5's two: 3 and 60 days. The 2025 wait and the grant without a session do
    // not count. The median of 3, 21 and 60 is 21.
    expect(figureOf(figures, 'interventionWaitDays')).toMatchObject({ count: 3, value: 21 });
  });

  it('gives the median length of the stays that ended in the period', () => {
    // c6: 3 Jan → 12 Feb is 40 days; c9: 20 Dec → 1 Jan is 12 days; c8 has not ended.
    expect(figureOf(figures, 'placementLength')).toMatchObject({ count: 2, value: (40 + 12) / 2 });
  });

  it('gives a unit its own share and counts instead of rates', () => {
    const vinr = computeIndicators(catalogue, factsOfUnit(facts, 'vinr'), period, null);
    expect(figureOf(vinr, 'actualisedCases')).toEqual({
      id: 'actualisedCases',
      definitionVersion: 2,
      count: 3,
      base: null,
      value: 3,
    });
    expect(figureOf(vinr, 'screeningCoverage')).toMatchObject({ count: 0, base: 0, value: null });
  });

  it('counts no perpetrator case in Kolada, even where the perpetrator is also a victim', () => {
    const atv = computeIndicators(catalogue, factsOfUnit(facts, 'atv'), period, null);
    for (const id of ['actualisedCases', 'casesWithIntervention', 'closedGoalReached'] as const)
      expect(figureOf(atv, id).count).toBe(0);
    const barn = computeIndicators(catalogue, factsOfUnit(facts, 'barn'), period, null);
    for (const id of ['actualisedCases', 'casesWithIntervention', 'closedGoalReached'] as const)
      expect(figureOf(barn, id).count).toBe(0);
  });

  it('names the source of every definition and keeps the ones it replaced', () => {
    for (const definition of catalogue.indicators) {
      expect(definition.source.wording.length).toBeGreaterThan(20);
      expect(definition.source.checkedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    const kolada = catalogue.indicators.filter((definition) => definition.group === 'kolada');
    expect(kolada.map((definition) => [definition.source.kind, definition.caseTypes])).toEqual(
      kolada.map(() => ['official', ['adultVictim']]),
    );
    expect(kolada.map((definition) => definition.earlier[0]?.caseTypes)).toEqual(
      kolada.map(() => ['adultVictim', 'perpetrator']),
    );
  });

  it('withholds small figures and what they could be read from, shows zero and large ones', () => {
    const released = releaseFigures(
      catalogue,
      (
        [
          { id: 'actualisedCases', count: 3, base: 8_000, value: 3.75 },
          { id: 'placementsStarted', count: 0, base: null, value: 0 },
          { id: 'unmetHousingNeeds', count: 5, base: null, value: 5 },
          { id: 'screeningCoverage', count: 38, base: 40, value: 0.95 },
          { id: 'saferByOwnRating', count: 10, base: 20, value: 0.5 },
          { id: 'standardisedRiskAssessment', count: 0, base: 4, value: 0 },
          { id: 'placementLength', count: 4, base: null, value: 31 },
        ] as const
      ).map((figure) => ({ ...figure, definitionVersion: 1 })),
    );
    expect(released.map((figure) => [figure.id, figure.suppressed, figure.value])).toEqual([
      ['actualisedCases', true, null],
      ['placementsStarted', false, 0],
      ['unmetHousingNeeds', false, 5],
      ['screeningCoverage', true, null],
      ['saferByOwnRating', false, 0.5],
      ['standardisedRiskAssessment', true, null],
      ['placementLength', true, null],
    ]);
  });
});
