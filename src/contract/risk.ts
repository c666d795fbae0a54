import { z } from 'zod';
import { riskLevels } from '../domain/risk/assessment';
import { informationSources } from '../domain/risk/instrument';
import { calendarDate } from './calendar-date';

const text = z.object({ sv: z.string(), en: z.string() });
const value = z.union([z.string().max(100), z.number()]).nullable();

/** An assessment's content as the form sends it; the engine then checks it against the instrument. */
export const contentBody = z.object({
  answers: z.record(
    z.string().max(100),
    z.object({
      value,
      past: value.optional(),
      evidence: z.string().trim().max(4000).nullable().optional(),
      source: z.enum(informationSources).nullable().optional(),
    }),
  ),
  judgements: z.record(z.string().max(100), z.string().max(100).nullable()),
  scenarios: z
    .array(
      z.object({ description: z.string().trim().max(2000), level: z.string().max(100).nullable() }),
    )
    .max(20),
  victimAppraisal: z
    .object({
      level: z.string().max(100).nullable(),
      words: z.string().trim().max(2000).nullable(),
    })
    .nullable(),
  finalJudgement: z.object({
    level: z.enum(riskLevels).nullable(),
    reasons: z.string().trim().max(10000).nullable(),
  }),
});

export const assessmentParams = z.object({ assessmentId: z.string().uuid('Ogiltigt id') });
export const instrumentParams = z.object({ instrumentId: z.string().max(100) });

export const startBody = z.object({
  instrumentId: z.string().max(100),
  subjectRole: z.enum(['victim', 'perpetrator', 'child']),
  subjectPersonId: z.string().uuid().nullable().default(null),
  mode: z.enum(['inPerson', 'remote', 'records']).default('inPerson'),
  coAssessorUserId: z.string().uuid().nullable().default(null),
  origin: z.enum(['own', 'police']).default('own'),
  receivedWithConsent: z.boolean().default(false),
});
export const startResponse = z.object({
  id: z.string(),
  /** 'training': the assessor has no recorded training; 'remote': not assessed in person. */
  warnings: z.array(z.enum(['training', 'remote'])),
});

export const draftBody = z.object({ content: contentBody, version: z.number().int().positive() });
export const signBody = z.object({ version: z.number().int().positive() });

const summary = z.object({
  id: z.string(),
  instrumentId: z.string(),
  instrumentName: text,
  subjectRole: z.string(),
  origin: z.enum(['own', 'police']),
  status: z.enum(['draft', 'signed']),
  finalLevel: z.enum(riskLevels).nullable(),
  score: z.number().nullable(),
  completeness: z.number(),
  assessorName: z.string(),
  createdAt: z.string(),
  signedAt: z.string().nullable(),
});

export const assessmentResponse = summary.extend({
  caseId: z.string(),
  subjectPersonId: z.string(),
  instrumentVersion: z.string(),
  mode: z.enum(['inPerson', 'remote', 'records']),
  coAssessorName: z.string().nullable(),
  supersedesId: z.string().nullable(),
  content: contentBody,
  measured: z.object({
    items: z.number(),
    answered: z.number(),
    unknown: z.array(z.string()),
    missing: z.array(z.string()),
    share: z.number(),
  }),
  signingProblems: z.array(z.object({ path: z.string(), message: z.string() })),
  version: z.number().int(),
  abilities: z.object({ edit: z.boolean(), sign: z.boolean() }),
  reassessmentDueOn: z.string().optional(),
});

export const riskPictureResponse = z.object({
  assessments: z.array(summary),
  picture: z.object({
    columns: z.array(
      z.object({
        assessmentId: z.string(),
        instrumentId: z.string(),
        instrumentName: text,
        signedAt: z.string(),
        origin: z.enum(['own', 'police']),
        finalLevel: z.enum(riskLevels).nullable(),
      }),
    ),
    rows: z.array(
      z.object({
        factor: z.string(),
        group: z.string(),
        label: text,
        cells: z.array(z.enum(['present', 'partly', 'absent', 'unknown']).nullable()),
        disagreement: z.boolean(),
      }),
    ),
    groups: z.array(z.object({ code: z.string(), label: text })),
  }),
});

export const instrumentListResponse = z.array(
  z.object({
    id: z.string(),
    version: z.string(),
    name: text,
    description: text,
    kind: z.string(),
    subjects: z.array(z.string()),
    licence: z.object({
      note: text,
      requiresPermission: z.boolean(),
      requiresTraining: z.boolean(),
    }),
    permitted: z.boolean(),
    permissionNote: z.string().nullable(),
    trained: z.boolean(),
  }),
);

export const permissionBody = z.object({
  instrumentId: z.string().max(100),
  licenceNote: z.string().trim().min(5, 'Beskriv tillståndet eller licensen').max(1000),
});
export const trainingBody = z.object({
  instrumentId: z.string().max(100),
  completedOn: calendarDate,
});

export type InstrumentSummary = z.infer<typeof instrumentListResponse>[number];
export type AssessmentSummary = z.infer<typeof summary>;
export type Assessment = z.infer<typeof assessmentResponse>;
export type StartedAssessment = z.infer<typeof startResponse>;
export type RiskPicture = z.infer<typeof riskPictureResponse>;
