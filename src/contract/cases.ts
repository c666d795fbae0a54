import { caseOverview, reportOfConcernRow } from './case-overview';
import { z } from 'zod';
import {
  caseTypes,
  codesOf,
  detectionSources,
  perpetratorRelations,
  violenceForms,
} from '../domain/cases/catalogues';
import { caseEventKinds, eventSources } from '../domain/cases/events';
import { linkKinds } from '../domain/cases/links';
import { taskKinds } from '../domain/cases/tasks';
import { notAskedReasons, screeningOutcomes, screeningTopics } from '../domain/cases/screening';
import { childrenAnswers, goalAttainments, stages } from '../domain/cases/stages';
import { identityKinds } from '../domain/identity/personal-identity';
import { protectionLevels } from '../domain/identity/protected-identity';
import { calendarDate } from './calendar-date';

/** Documents are printed in the reader's language (Swedish unless asked otherwise). */
export const documentQuery = z.object({ lang: z.enum(['sv', 'en']).default('sv') });

export const caseParams = z.object({ caseId: z.string().uuid('Ogiltigt id') });

export const openCaseBody = z.object({
  personId: z.string().uuid(),
  unitId: z.string().uuid(),
  type: z.enum(codesOf(caseTypes)),
  /** Hedersrelaterat våld och förtryck. */
  hrv: z.boolean().default(false),
  detectionSource: z.enum(codesOf(detectionSources)).nullable().default(null),
  violenceForms: z
    .array(z.enum(codesOf(violenceForms)))
    .max(14)
    .default([]),
  perpetratorRelation: z.enum(codesOf(perpetratorRelations)).nullable().default(null),
  ownerUserId: z.string().uuid().nullable().default(null),
});

export const stageBody = z.object({
  to: z.enum(stages),
  /** Required when closing, not opening an investigation, or converting råd och service. */
  reason: z.string().trim().max(4000).nullable().default(null),
  /** How far the goal was reached; asked when a case closes after interventions. */
  goal: z.enum(goalAttainments).nullable().default(null),
  version: z.number().int().positive(),
});

export const ownerBody = z.object({
  ownerUserId: z.string().uuid().nullable(),
  version: z.number().int().positive(),
});

export const linkBody = z.object({ linkedCaseId: z.string().uuid(), kind: z.enum(linkKinds) });

export const listQuery = z.object({
  /** true: my cases; false: the intake list of my units. */
  mine: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** A calendar day, YYYY-MM-DD, that exists (no 31 February). */

const task = z.object({
  id: z.string(),
  caseId: z.string(),
  kind: z.enum(codesOf(taskKinds)),
  note: z.string().nullable(),
  dueOn: z.string(),
  state: z.enum(['open', 'overdue', 'done']),
  assigneeUserId: z.string().nullable(),
  assigneeName: z.string().nullable(),
  fromEvent: z.boolean(),
  version: z.number().int(),
});

const handover = z.object({
  id: z.string(),
  caseId: z.string(),
  toUserId: z.string(),
  toName: z.string(),
  summary: z.string(),
  proposedBy: z.string(),
  proposedAt: z.string(),
});

export const caseSummary = z.object({
  id: z.string(),
  type: z.enum(codesOf(caseTypes)),
  hrv: z.boolean(),
  /** A practice case in training mode: never in a statistic. */
  practice: z.boolean(),
  stage: z.enum(stages),
  unitId: z.string(),
  unitName: z.string(),
  person: z.object({
    id: z.string(),
    givenName: z.string(),
    familyName: z.string(),
    personalNumber: z.string().nullable(),
    protectionLevel: z.enum(protectionLevels),
    fictitious: z.boolean(),
  }),
  ownerUserId: z.string().nullable(),
  ownerName: z.string().nullable(),
  detectionSource: z.string().nullable(),
  violenceForms: z.array(z.string()),
  perpetratorRelation: z.string().nullable(),
  /** Children in the household: none, yes, unknown; null until asked. */
  childrenAnswer: z.enum(childrenAnswers).nullable(),
  referral: z.object({ fromUnitId: z.string(), clientConsent: z.boolean() }).nullable(),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
  version: z.number().int(),
  abilities: z.object({
    write: z.boolean(),
    nextStages: z.array(
      z.object({ to: z.enum(stages), needsReason: z.boolean(), needsGoal: z.boolean() }),
    ),
  }),
  /** Why the viewer may read the case: their own area, a consent, a disclosure, break-glass. */
  access: z.object({ reason: z.string().nullable(), sharedUntil: z.string().nullable() }),
});

export const caseSummaryResponse = caseSummary;
export const caseListResponse = z.array(caseSummary);

export const caseDetailResponse = caseSummary.extend({
  tasks: z.array(task),
  pendingHandover: handover.nullable(),
  /** Colleagues who could take the case over (empty unless the viewer may hand it over). */
  handoverCandidates: z.array(z.object({ id: z.string(), displayName: z.string() })),
  events: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      occurredOn: z.string(),
      source: z.string(),
      description: z.string().nullable(),
      recordedBy: z.string(),
    }),
  ),
  transitions: z.array(
    z.object({
      fromStage: z.enum(stages).nullable(),
      toStage: z.enum(stages),
      reason: z.string().nullable(),
      decidedAt: z.string(),
      decidedBy: z.string(),
    }),
  ),
  linkedCases: z.array(
    z.discriminatedUnion('visible', [
      z.object({ kind: z.string(), visible: z.literal(true), case: caseSummary }),
      z.object({ kind: z.string(), visible: z.literal(false), hiddenReason: z.string() }),
    ]),
  ),
  overview: caseOverview,
});

export const screeningBody = z.object({
  personId: z.string().uuid(),
  unitId: z.string().uuid(),
  caseId: z.string().uuid().nullable().default(null),
  answers: z
    .array(
      z.object({
        topic: z.enum(screeningTopics),
        outcome: z.enum(screeningOutcomes),
        notAskedReason: z.enum(notAskedReasons).nullable().default(null),
      }),
    )
    .min(1)
    .max(2),
});

export const screeningResponse = z.array(
  z.object({
    topic: z.enum(screeningTopics),
    outcome: z.enum(screeningOutcomes),
    nextSteps: z.array(z.object({ key: z.string(), urgent: z.boolean() })),
    resources: z.array(
      z.object({
        name: z.string(),
        phone: z.string().nullable(),
        note: z.string(),
        unitId: z.string().nullable(),
      }),
    ),
  }),
);

export const coverageQuery = z.object({ from: z.coerce.date(), to: z.coerce.date() });

export const coverageResponse = z.array(
  z.object({
    unitId: z.string(),
    unitName: z.string(),
    /** Whether the unit asks by routine; coverage is measured against that promise. */
    routineScreening: z.boolean(),
    topic: z.enum(screeningTopics),
    asked: z.number(),
    notAsked: z.number(),
    positive: z.number(),
    coverage: z.number().nullable(),
  }),
);

export const childrenBody = z.object({
  answer: z.enum(childrenAnswers),
  version: z.number().int().positive(),
});

export const reportBody = z.object({
  child: z.object({
    givenName: z.string().trim().min(1, 'Skriv barnets förnamn').max(200),
    familyName: z.string().trim().min(1, 'Skriv barnets efternamn').max(200),
    identityKind: z.enum(identityKinds).default('none'),
    identityNumber: z.string().trim().max(40).nullable().default(null),
  }),
  /** What the concern is about, in the reporter's words (encrypted). */
  concern: z.string().trim().min(10, 'Beskriv oron (minst 10 tecken)').max(10000),
});

export const reportResponse = z.object({
  reportId: z.string(),
  childCaseId: z.string(),
  childStage: z.enum(stages),
});

export const reportListResponse = z.array(reportOfConcernRow);

export const referralBody = z.object({
  personId: z.string().uuid(),
  fromUnitId: z.string().uuid(),
  toUnitId: z.string().uuid(),
  type: z.enum(['adultVictim', 'perpetrator']),
  clientConsent: z.boolean(),
});

export const referralResponse = z.object({
  caseId: z.string(),
  toUnitName: z.string(),
  case: caseSummary.nullable(),
});

export const childrenGapsResponse = z.array(
  z.object({
    adultCaseId: z.string(),
    childCaseId: z.string().nullable(),
    childStage: z.enum(stages).nullable(),
    gap: z.enum(['noReport', 'noInvestigation']),
  }),
);

export const caseEventBody = z.object({
  kind: z.enum(codesOf(caseEventKinds)),
  /** The day it happened (YYYY-MM-DD). */
  occurredOn: calendarDate,
  source: z.enum(codesOf(eventSources)),
  description: z.string().trim().max(4000).nullable().default(null),
});

export const caseEventResponse = z.object({
  id: z.string(),
  triggersReassessment: z.boolean(),
  /** The last day of the reassessment task the event created, if it created one. */
  reassessmentDueOn: z.string().nullable(),
});

export const taskBody = z.object({
  kind: z.enum(codesOf(taskKinds)),
  note: z.string().trim().max(2000).nullable().default(null),
  dueOn: calendarDate,
  /** Defaults to the case owner. */
  assigneeUserId: z.string().uuid().nullable().default(null),
});
export const taskParams = z.object({ taskId: z.string().uuid() });
export const taskDoneBody = z.object({ version: z.number().int().positive() });
export const taskResponse = task;

export const handoverBody = z.object({
  toUserId: z.string().uuid({ message: 'Välj vem som ska ta över' }),
  /** What the new owner needs to know, so the client does not have to tell it again. */
  summary: z.string().trim().min(20, 'Skriv en sammanfattning (minst 20 tecken)').max(10000),
  version: z.number().int().positive(),
});
export const handoverParams = z.object({ handoverId: z.string().uuid() });
export const handoverResponse = handover;
export const cancelledResponse = z.object({ cancelled: z.literal(true) });

export const workListResponse = z.object({
  handovers: z.array(handover.extend({ case: caseSummary })),
  tasks: z.array(task.extend({ case: caseSummary })),
  cases: z.array(caseSummary),
});

export type CaseSummary = z.infer<typeof caseSummary>;
export type CaseDetail = z.infer<typeof caseDetailResponse>;
export type Task = z.infer<typeof taskResponse>;
export type Handover = z.infer<typeof handoverResponse>;
export type WorkList = z.infer<typeof workListResponse>;
export type ScreeningResult = z.infer<typeof screeningResponse>[number];
export type CaseEventResult = z.infer<typeof caseEventResponse>;
export type IntakeReferral = z.infer<typeof referralResponse>;
