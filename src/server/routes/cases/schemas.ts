import { z } from 'zod';
import {
  caseTypes,
  codesOf,
  detectionSources,
  perpetratorRelations,
  violenceForms,
} from '../../../domain/cases/catalogues';
import { linkKinds } from '../../../domain/cases/links';
import {
  notAskedReasons,
  screeningOutcomes,
  screeningTopics,
} from '../../../domain/cases/screening';
import { stages } from '../../../domain/cases/stages';
import { protectionLevels } from '../../../domain/identity/protected-identity';

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

const caseSummary = z.object({
  id: z.string(),
  type: z.enum(codesOf(caseTypes)),
  hrv: z.boolean(),
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
  openedAt: z.string(),
  closedAt: z.string().nullable(),
  version: z.number().int(),
  abilities: z.object({
    write: z.boolean(),
    nextStages: z.array(z.object({ to: z.enum(stages), needsReason: z.boolean() })),
  }),
});

export const caseSummaryResponse = caseSummary;
export const caseListResponse = z.array(caseSummary);

export const caseDetailResponse = caseSummary.extend({
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
    topic: z.enum(screeningTopics),
    asked: z.number(),
    notAsked: z.number(),
    positive: z.number(),
    coverage: z.number().nullable(),
  }),
);
