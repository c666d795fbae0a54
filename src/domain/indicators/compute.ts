import { daysBetween, median } from '../calendar';
import type { CaseType } from '../cases/catalogues';
import { reassessmentDueOn } from '../risk/reassessment';
import type { IndicatorCatalogue, IndicatorDefinition, IndicatorId } from './definitions';
import {
  openAtEnd,
  ratingsUntil,
  within,
  type CaseFact,
  type OrganisationFacts,
  type Period,
} from './facts';

/**
 * One computed figure. count is what was counted (for a median: how many values); base is
 * what it was counted against (a share's whole, the adult population for per10k), or null.
 * value is what is shown: the count, the share (0–1), the rate per 10,000 or the median.
 */
export type Figure = {
  id: IndicatorId;
  /** The definition it was computed under (see definitions.ts). */
  definitionVersion: number;
  count: number;
  base: number | null;
  value: number | null;
};

type Tally = { count: number; base: number | null; value?: number | null };
type Rule = (facts: OrganisationFacts, period: Period, types: ReadonlySet<CaseType>) => Tally;

/** Both kinds of adult case have children to think of, whoever used the violence. */
const adultCaseTypes: ReadonlySet<CaseType> = new Set(['adultVictim', 'perpetrator']);

const casesOf = (facts: OrganisationFacts, types: ReadonlySet<CaseType>) =>
  facts.cases.filter((fact) => types.has(fact.type));

const part = <T>(whole: readonly T[], isCounted: (item: T) => boolean): Tally => ({
  count: whole.filter(isCounted).length,
  base: whole.length,
});

const latestBy = <T>(items: readonly T[], day: (item: T) => string) =>
  items.reduce<T | null>(
    (latest, item) => (!latest || day(item) >= day(latest) ? item : latest),
    null,
  );

/** Children of an open adult case, each with whether an investigation was opened for them. */
const childrenOf = (fact: CaseFact, period: Period): boolean[] => {
  if (fact.childCases.length)
    return fact.childCases.map(
      (child) => child.investigationOn !== null && child.investigationOn <= period.to,
    );
  // Children said to exist but never reported: at least one child without investigation.
  return fact.childrenAnswer === 'yes' ? [false] : [];
};

/*
 * A case is counted by its type, which the catalogue names per figure: Kolada's figures count
 * the cases of adults subjected to violence, never a perpetrator's case, so a person who is both
 * (two cases) is counted once, by her own case as a victim. The children's figures count the
 * children's own cases.
 */
const opened: Rule = (facts, period, types) => ({
  count: casesOf(facts, types).filter((fact) => within(fact.openedOn, period)).length,
  base: null,
});
const withIntervention: Rule = (facts, period, types) => ({
  count: casesOf(facts, types).filter((fact) =>
    fact.interventionDays.some((day) => within(day, period)),
  ).length,
  base: null,
});

const rules: Record<IndicatorId, Rule> = {
  actualisedCases: opened,
  casesWithIntervention: withIntervention,
  closedGoalReached: (facts, period, types) => ({
    count: casesOf(facts, types).filter(
      (fact) =>
        within(fact.closedOn, period) &&
        (fact.closedFrom === 'intervention' || fact.closedFrom === 'followUp') &&
        (fact.goal === 'reached' || fact.goal === 'partlyReached'),
    ).length,
    base: null,
  }),
  screeningCoverage: (facts, period) =>
    part(
      facts.screenings.filter((screening) => within(screening.askedOn, period)),
      (screening) => screening.asked,
    ),
  standardisedRiskAssessment: (facts, period, types) =>
    part(
      casesOf(facts, types).filter((fact) => within(fact.investigationOn, period)),
      (fact) => fact.assessments.some((done) => done.standardised && done.signedOn <= period.to),
    ),
  overdueReassessments: (facts, period, types) =>
    part(
      casesOf(facts, types).flatMap((fact) => {
        if (!openAtEnd(fact, period)) return [];
        const latest = latestBy(
          fact.assessments.filter((done) => done.signedOn <= period.to && done.level !== null),
          (done) => done.signedOn,
        );
        return latest
          ? [reassessmentDueOn(latest.level!, latest.signedOn, facts.reassessmentDays)]
          : [];
      }),
      (dueOn) => dueOn < period.to,
    ),
  overduePlanReviews: (facts, period) =>
    part(
      facts.cases.filter((fact) => openAtEnd(fact, period)).flatMap((fact) => fact.planReviews),
      (reviewOn) => reviewOn < period.to,
    ),
  childrenWithoutInvestigation: (facts, period) =>
    part(
      casesOf(facts, adultCaseTypes)
        .filter((fact) => openAtEnd(fact, period))
        .flatMap((fact) => childrenOf(fact, period)),
      (investigated) => !investigated,
    ),
  interventionWaitDays: (facts, period) => {
    const waits = facts.cases
      .flatMap((fact) => fact.grantedInterventions)
      .filter((granted) => within(granted.firstSessionOn, period))
      .map((granted) => daysBetween(granted.decidedOn, granted.firstSessionOn!));
    return { count: waits.length, base: null, value: median(waits) };
  },
  placementsStarted: (facts, period) => ({
    count: facts.cases
      .flatMap((fact) => fact.placements)
      .filter((placement) => within(placement.startOn, period)).length,
    base: null,
  }),
  placementLength: (facts, period) => {
    const lengths = facts.cases
      .flatMap((fact) => fact.placements)
      .filter((placement) => within(placement.endOn, period))
      .map((placement) => daysBetween(placement.startOn, placement.endOn!));
    return { count: lengths.length, base: null, value: median(lengths) };
  },
  unmetHousingNeeds: (facts, period) => ({
    count: facts.unmetNeeds.filter((need) => within(need.recordedOn, period)).length,
    base: null,
  }),
  saferByOwnRating: (facts, period) =>
    part(
      facts.cases
        .map((fact) => ratingsUntil(fact, period))
        .filter((ratings) => ratings.length >= 2 && within(ratings.at(-1)!.ratedOn, period)),
      (ratings) => ratings.at(-1)!.safety > ratings[0]!.safety,
    ),
  noViolenceByOwnRating: (facts, period) =>
    part(
      facts.cases
        .map((fact) => ratingsUntil(fact, period).at(-1))
        .filter(
          (latest): latest is CaseFact['ratings'][number] =>
            latest !== undefined &&
            within(latest.ratedOn, period) &&
            latest.violence !== 'notAnswered',
        ),
      (latest) => latest.violence === 'none',
    ),
  childCasesActualised: opened,
  childInvestigationsOpened: (facts, period, types) => ({
    count: casesOf(facts, types).filter((fact) => within(fact.investigationOn, period)).length,
    base: null,
  }),
  childCasesWithIntervention: withIntervention,
};

const valueOf = (definition: IndicatorDefinition, tally: Tally, adults: number | null) => {
  switch (definition.measure) {
    case 'per10k':
      return adults
        ? { base: adults, value: (tally.count / adults) * 10_000 }
        : { base: null, value: tally.count };
    case 'share':
      return { base: tally.base, value: tally.base ? tally.count / tally.base : null };
    case 'count':
      return { base: null, value: tally.count };
    case 'medianDays':
      return { base: null, value: tally.value ?? null };
  }
};

/**
 * Every indicator in the catalogue for one organisation (or one unit's share of it) and one
 * period. adults is the organisation's adult population, when the figure is a municipality's;
 * without it a per10k figure stays a count.
 */
export const computeIndicators = (
  catalogue: IndicatorCatalogue,
  facts: OrganisationFacts,
  period: Period,
  adults: number | null,
): Figure[] =>
  catalogue.indicators.map((definition) => {
    const types = new Set((definition.caseTypes ?? []) as CaseType[]);
    const tally = rules[definition.id](facts, period, types);
    const { base, value } = valueOf(definition, tally, adults);
    return {
      id: definition.id,
      definitionVersion: definition.definitionVersion,
      count: tally.count,
      base: base ?? null,
      value: value ?? null,
    };
  });

/** The facts of one unit: its cases, its routine questions and its unmet needs. */
export const factsOfUnit = (facts: OrganisationFacts, unitId: string): OrganisationFacts => ({
  reassessmentDays: facts.reassessmentDays,
  cases: facts.cases.filter((fact) => fact.unitId === unitId),
  screenings: facts.screenings.filter((screening) => screening.unitId === unitId),
  unmetNeeds: facts.unmetNeeds.filter((need) => need.unitId === unitId),
});
