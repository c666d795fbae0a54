import type { CaseType } from '../cases/catalogues';
import type { ChildrenAnswer, GoalAttainment, Stage } from '../cases/stages';
import type { ViolenceSince } from '../follow-up/ratings';
import type { RiskLevel } from '../risk/assessment';
import type { ReassessmentDays } from '../risk/reassessment';

/**
 * What the indicators are computed from: one organisation's records reduced to dates, codes and
 * numbers. No name, personnummer or free text is ever part of it; caseId only joins the parts
 * and never leaves the computation. Dates are ISO days (YYYY-MM-DD), so they compare as text.
 */
export type CaseFact = {
  caseId: string;
  unitId: string;
  type: CaseType;
  hrv: boolean;
  openedOn: string;
  closedOn: string | null;
  /** The stage the case was closed from, and the goal attainment recorded then. */
  closedFrom: Stage | null;
  goal: GoalAttainment | null;
  childrenAnswer: ChildrenAnswer | null;
  /** The first day the case entered investigation. */
  investigationOn: string | null;
  /** Days on which an intervention was granted or a stay in protected housing began. */
  interventionDays: string[];
  /** Each granted intervention: the decision day and the first session the client attended. */
  grantedInterventions: { decidedOn: string; firstSessionOn: string | null }[];
  /** Signed risk assessments; level is null for instruments that give no risk level. */
  assessments: { signedOn: string; level: RiskLevel | null; standardised: boolean }[];
  /** Child cases linked to this (adult) case, with the day each entered investigation. */
  childCases: { investigationOn: string | null }[];
  planReviews: string[];
  ratings: { ratedOn: string; safety: number; wellbeing: number; violence: ViolenceSince }[];
  placements: { startOn: string; endOn: string | null }[];
};

/** Instruments that standardise the assessment; a judgement alone or a description does not. */
export const standardisedKinds: ReadonlySet<string> = new Set(['actuarial', 'structuredJudgement']);

export type ScreeningFact = { unitId: string; askedOn: string; asked: boolean };
export type UnmetNeedFact = { unitId: string; recordedOn: string; places: number };

export type OrganisationFacts = {
  reassessmentDays: ReassessmentDays;
  cases: CaseFact[];
  screenings: ScreeningFact[];
  unmetNeeds: UnmetNeedFact[];
};

/** A period of whole days, both ends included. */
export type Period = { from: string; to: string };

export const within = (day: string | null, period: Period): day is string =>
  day !== null && day >= period.from && day <= period.to;

/** The person's own ratings given by the end of the period, oldest first. */
export const ratingsUntil = (fact: CaseFact, period: Period) =>
  fact.ratings
    .filter((rating) => rating.ratedOn <= period.to)
    .sort((a, b) => a.ratedOn.localeCompare(b.ratedOn));

/** Open at some time during the period. */
export const openDuring = (fact: CaseFact, period: Period) =>
  fact.openedOn <= period.to && (fact.closedOn === null || fact.closedOn >= period.from);

/** Open on the last day of the period: opened by then and not closed by then. */
export const openAtEnd = (fact: CaseFact, period: Period) =>
  fact.openedOn <= period.to && (fact.closedOn === null || fact.closedOn > period.to);
