/**
 * The case overview's contract: what needs doing now, in one answer with the case. Each part is
 * there only when the viewer may read its category (a share opens only what was disclosed).
 */
import { z } from 'zod';
import { dataCategories } from '../domain/collaboration/consent';
import { measureStatuses } from '../domain/risk-management/plan';
import { riskLevels } from '../domain/risk/assessment';
import { calendarDate } from './calendar-date';

const inLanguages = z.object({ sv: z.string(), en: z.string() });

export const reportOfConcernRow = z.object({
  id: z.string(),
  reportedAt: z.string(),
  childName: z.string(),
  childCaseId: z.string(),
  outcome: z.enum(['pending', 'investigationOpened', 'closed']),
});
export type ReportOfConcernRow = z.infer<typeof reportOfConcernRow>;

/** The latest signed assessment and how many are still being written. */
export const riskOverview = z.object({
  latest: z
    .object({
      assessmentId: z.string(),
      instrumentName: inLanguages,
      finalLevel: z.enum(riskLevels).nullable(),
      signedAt: z.string(),
      origin: z.enum(['own', 'police']),
    })
    .nullable(),
  drafts: z.number().int(),
});

/** Whether there is a plan, its measures by status and its next review. */
export const planOverview = z.object({
  exists: z.boolean(),
  reviewOn: calendarDate.nullable(),
  measures: z.partialRecord(z.enum(measureStatuses), z.number().int()),
});

export const caseOverview = z.object({
  /** The categories this answer shows: the one audit event of opening the case names them. */
  shown: z.array(z.enum(dataCategories)),
  reportsOfConcern: z.array(reportOfConcernRow),
  risk: riskOverview.nullable(),
  plan: planOverview.nullable(),
});
export type CaseOverview = z.infer<typeof caseOverview>;
