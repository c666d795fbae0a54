import { z } from 'zod';
import { dataCategories } from '../domain/collaboration/consent';
import { messageKinds, referralKinds } from '../domain/collaboration/referrals';
import { protectionLevels } from '../domain/identity/protected-identity';

export const referralParams = z.object({ referralId: z.string().uuid('Ogiltigt id') });

export const directoryResponse = z.array(
  z.object({
    organisationId: z.string(),
    organisationName: z.string(),
    organisationKind: z.string(),
    unitId: z.string(),
    unitName: z.string(),
    unitKind: z.string(),
    referralKind: z.enum(referralKinds),
  }),
);

export const sendReferralBody = z.object({
  toUnitId: z.string().uuid('Välj mottagare'),
  summary: z.string().max(8000),
  categories: z.array(z.enum(dataCategories)).max(dataCategories.length).default([]),
  groundCode: z.string().max(100).nullable().default(null),
  assessmentNote: z.string().max(4000).default(''),
});

export const referralSummary = z.object({
  id: z.string(),
  kind: z.enum(referralKinds),
  direction: z.enum(['incoming', 'outgoing']),
  from: z.object({ organisation: z.string(), unit: z.string(), user: z.string() }),
  to: z.object({ unitId: z.string(), unit: z.string() }),
  caseType: z.string(),
  subject: z.object({
    name: z.string(),
    personalNumber: z.string().nullable(),
    protectionLevel: z.enum(protectionLevels),
  }),
  groundCode: z.string(),
  sentAt: z.string(),
  acknowledgeBy: z.string(),
  state: z.enum(['sent', 'overdue', 'acknowledged', 'declined', 'withdrawn']),
  acknowledgedAt: z.string().nullable(),
  acknowledgedByName: z.string().nullable(),
  declineReason: z.string().nullable(),
  caseId: z.string().nullable(),
  messageCount: z.number().int(),
  version: z.number().int(),
});

export const referralDetail = referralSummary.extend({
  package: z.record(z.string(), z.unknown()),
  messages: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(messageKinds),
      authorName: z.string(),
      authorOrganisation: z.string(),
      body: z.string(),
      sentAt: z.string(),
      own: z.boolean(),
    }),
  ),
});

export const answerBody = z.object({
  decline: z.boolean().default(false),
  reason: z.string().max(4000).default(''),
  openCase: z.boolean().default(true),
  version: z.number().int().positive(),
});

export const messageBody = z.object({
  kind: z.enum(messageKinds).default('note'),
  body: z.string().max(4000),
});

export type ReferralDirectoryEntry = z.infer<typeof directoryResponse>[number];
export type ReferralSummary = z.infer<typeof referralSummary>;
export type ReferralDetail = z.infer<typeof referralDetail>;
