import { z } from 'zod';
import { stages, type Stage } from '../cases/stages';

/**
 * Feedback in training mode: each step a scenario asks the worker to practise may name what in
 * the practice case shows it was done (a signed risk assessment, a safety plan, a report of
 * concern …). Steps that are about thinking — "think of the dependency" — name nothing and are
 * left for the worker to reflect on; Fristad does not pretend to judge them.
 */
export const practiceCheckSchema = z.discriminatedUnion('kind', [
  /** The routine questions about violence were asked (any answer, "not asked" does not count). */
  z.object({ kind: z.literal('screeningAsked') }).strict(),
  /** The question whether there are children in the household was answered. */
  z.object({ kind: z.literal('childrenAnswered') }).strict(),
  /** A report of concern was made for a child from the case. */
  z.object({ kind: z.literal('childConcernReported') }).strict(),
  /** A risk assessment was signed, with the named instrument if one is given. */
  z.object({ kind: z.literal('riskAssessmentSigned'), instrument: z.string().optional() }).strict(),
  z.object({ kind: z.literal('safetyPlanMade') }).strict(),
  /** How the person can be reached safely was recorded. */
  z.object({ kind: z.literal('safeContactRecorded') }).strict(),
  /** Needs such as an interpreter or a disability were recorded on the person. */
  z.object({ kind: z.literal('needsRecorded') }).strict(),
  z.object({ kind: z.literal('adviceContactRecorded') }).strict(),
  /** The case reached the stage, now or earlier. */
  z.object({ kind: z.literal('stageReached'), stage: z.enum(stages) }).strict(),
]);
export type PracticeCheck = z.infer<typeof practiceCheckSchema>;

/** What a practice case holds, as far as the checks need to know. */
export type PracticeFacts = {
  childrenAnswered: boolean;
  screeningsAsked: number;
  concernReports: number;
  signedInstruments: string[];
  safetyPlan: boolean;
  safeContact: boolean;
  needsRecorded: boolean;
  adviceContacts: number;
  stagesReached: Stage[];
};

export type StepStatus = 'done' | 'notYet' | 'reflect';

const holds = (check: PracticeCheck, facts: PracticeFacts): boolean => {
  switch (check.kind) {
    case 'screeningAsked':
      return facts.screeningsAsked > 0;
    case 'childrenAnswered':
      return facts.childrenAnswered;
    case 'childConcernReported':
      return facts.concernReports > 0;
    case 'riskAssessmentSigned':
      return check.instrument
        ? facts.signedInstruments.includes(check.instrument)
        : facts.signedInstruments.length > 0;
    case 'safetyPlanMade':
      return facts.safetyPlan;
    case 'safeContactRecorded':
      return facts.safeContact;
    case 'needsRecorded':
      return facts.needsRecorded;
    case 'adviceContactRecorded':
      return facts.adviceContacts > 0;
    case 'stageReached':
      return facts.stagesReached.includes(check.stage);
  }
};

/** A step is done when everything it names holds; a step naming nothing is for reflection. */
export const stepStatus = (checks: readonly PracticeCheck[], facts: PracticeFacts): StepStatus =>
  checks.length === 0
    ? 'reflect'
    : checks.every((check) => holds(check, facts))
      ? 'done'
      : 'notYet';
