import { z } from 'zod';
import { measureStatuses } from '../domain/risk-management/plan';
import { measureSchema, owners, strategies } from '../domain/risk-management/measures';
import { calendarDate } from './calendar-date';

const text = z.object({ sv: z.string(), en: z.string() });

export const measureParams = z.object({ measureId: z.string().uuid('Ogiltigt id') });
export const assessmentParams = z.object({ assessmentId: z.string().uuid('Ogiltigt id') });

export const addMeasureBody = z.object({
  measureCode: z.string().max(100),
  ownerOrganisation: z.string().trim().min(2, 'Skriv vem som äger åtgärden').max(200),
  ownerFunction: z.string().trim().max(200).nullable().default(null),
  dueOn: calendarDate.nullable().default(null),
  reviewOn: calendarDate.nullable().default(null),
  /** The rules that suggested it, when a suggestion is accepted. */
  suggestedBy: z.array(z.string().max(100)).max(20).default([]),
});

export const statusBody = z.object({
  to: z.enum(measureStatuses),
  reason: z.string().trim().max(2000).nullable().default(null),
  version: z.number().int().positive(),
});

export const rejectBody = z.object({
  measureCode: z.string().max(100),
  reason: z.string().trim().min(5, 'Skriv varför förslaget inte används').max(2000),
});

export const planBody = z.object({
  victimStrategies: z.string().trim().max(10000).nullable().default(null),
  outOfHours: z.string().trim().max(4000).nullable().default(null),
  reviewOn: calendarDate.nullable().default(null),
  version: z.number().int().min(0),
});

export const followThroughBody = z.object({
  noMeasuresReason: z.string().trim().max(4000).nullable().default(null),
});

export const planDocumentQuery = z.object({
  lang: z.enum(['sv', 'en']).default('sv'),
  /** A summary for a partner holds only what that partner owns or must know. */
  recipient: z.enum(owners).optional(),
});

export const planResponse = z.object({
  caseId: z.string(),
  planId: z.string().nullable(),
  version: z.number().int(),
  victimStrategies: z.string().nullable(),
  outOfHours: z.string().nullable(),
  reviewOn: z.string().nullable(),
  riskLevel: z.enum(['low', 'medium', 'high']).nullable(),
  measures: z.array(
    z.object({
      id: z.string(),
      code: z.string(),
      label: text,
      strategy: z.enum(strategies).nullable(),
      ownerOrganisation: z.string(),
      ownerFunction: z.string().nullable(),
      status: z.enum(measureStatuses),
      statusReason: z.string().nullable(),
      dueOn: z.string().nullable(),
      reviewOn: z.string().nullable(),
      suggestedBy: z.array(z.string()),
      nextStatuses: z.array(z.enum(measureStatuses)),
      version: z.number().int(),
    }),
  ),
  suggestions: z.array(
    z.object({
      code: z.string(),
      label: text,
      strategy: z.enum(strategies),
      usualOwner: z.enum(owners),
      needs: z.array(z.string()),
      reasons: z.array(z.object({ ruleId: z.string(), because: text })),
    }),
  ),
  warnings: z.array(z.object({ code: z.enum(['underProvision', 'overProvision']), message: text })),
  assessmentsToFollowThrough: z.array(
    z.object({ id: z.string(), instrumentId: z.string(), signedAt: z.string() }),
  ),
  history: z.array(
    z.object({
      kind: z.string(),
      measureCode: z.string().nullable(),
      toStatus: z.string().nullable(),
      reason: z.string().nullable(),
      actorName: z.string(),
      occurredAt: z.string(),
    }),
  ),
});

export const checklistsResponse = z.array(
  z.object({
    id: z.string(),
    title: text,
    when: text,
    items: z.array(z.object({ id: z.string(), text, legalReferences: z.array(z.string()) })),
  }),
);

export const measuresResponse = z.array(
  measureSchema.extend({ custom: z.boolean(), enabled: z.boolean() }),
);

export type Plan = z.infer<typeof planResponse>;
export type Checklist = z.infer<typeof checklistsResponse>[number];
export type CatalogueMeasure = z.infer<typeof measuresResponse>[number];
