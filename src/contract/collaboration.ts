import { z } from 'zod';
import { concernPaths } from '../domain/collaboration/concern';
import { consentForms, consentGivers, dataCategories } from '../domain/collaboration/consent';
import { recipientKinds } from '../domain/collaboration/grounds';
import { calendarDate } from './calendar-date';

const text = z.object({ sv: z.string(), en: z.string() });

export const consentParams = z.object({ consentId: z.string().uuid('Ogiltigt id') });

const recipient = z.object({
  kind: z.enum(recipientKinds),
  organisationId: z.string().uuid().nullable().default(null),
  unitId: z.string().uuid().nullable().default(null),
  label: z.string().trim().min(2, 'Skriv mottagaren').max(200),
});

/** A recipient as stored: unverified when typed before recipients were references. */
const storedRecipient = recipient.extend({ unverified: z.boolean().optional() });

export const consentBody = z.object({
  decision: z.enum(['given', 'refused']),
  purpose: z.string().max(2000),
  recipients: z.array(recipient).max(20),
  categories: z.array(z.enum(dataCategories)).max(dataCategories.length),
  givenBy: z.enum(consentGivers),
  giverName: z.string().max(200).nullable().default(null),
  form: z.enum(consentForms),
  givenOn: calendarDate,
  expiresOn: calendarDate.nullable().default(null),
  custodianCount: z.number().int().min(0).max(4).default(0),
});

export const withdrawalBody = z.object({
  withdrawnOn: calendarDate,
  reason: z.string().trim().min(3, 'Skriv kort hur samtycket återkallades').max(2000),
  version: z.number().int().positive(),
});

export const consentResponse = z.object({
  id: z.string(),
  decision: z.enum(['given', 'refused']),
  purpose: z.string(),
  recipients: z.array(storedRecipient),
  categories: z.array(z.string()),
  givenBy: z.enum(consentGivers),
  giverName: z.string().nullable(),
  form: z.enum(consentForms),
  givenOn: z.string(),
  expiresOn: z.string().nullable(),
  custodianCount: z.number().int(),
  withdrawnOn: z.string().nullable(),
  withdrawalReason: z.string().nullable(),
  inForce: z.boolean(),
  recordedAt: z.string(),
  recordedByName: z.string(),
  version: z.number().int(),
});

const recipientFields = {
  recipientKind: z.enum(recipientKinds),
  recipientUnitId: z.string().uuid().nullable().default(null),
  recipientLabel: z.string().max(200).default(''),
};

export const weighQuery = z.object({
  ...recipientFields,
  /** Comma-separated data categories. */
  categories: z
    .string()
    .default('')
    .transform((value) => value.split(',').filter(Boolean))
    .pipe(z.array(z.enum(dataCategories))),
});

export const weighResponse = z.object({
  catalogueVersion: z.string(),
  grounds: z.array(
    z.object({
      code: z.string(),
      applies: z.boolean(),
      whyNotSv: z.string().nullable(),
      whyNotEn: z.string().nullable(),
      /** Law catalogue ids, resolved by the reader for the day that matters. */
      legalReferences: z.array(z.string()),
      title: text,
      guidance: text,
      needsAssessment: z.boolean(),
      needsProvision: z.boolean(),
    }),
  ),
});

export const disclosureBody = z.object({
  ...recipientFields,
  categories: z.array(z.enum(dataCategories)).max(dataCategories.length).default([]),
  groundCode: z.string().max(100).nullable().default(null),
  assessmentNote: z.string().max(4000).default(''),
  provisionText: z.string().max(200).default(''),
  content: z.string().max(4000).default(''),
  shareCase: z.boolean().default(false),
  shareDays: z.number().int().default(30),
});

export const disclosureResponse = z.object({
  id: z.string(),
  recipientKind: z.enum(recipientKinds),
  recipientUnitId: z.string().nullable(),
  recipient: z.string(),
  categories: z.array(z.string()),
  groundCode: z.string(),
  groundCatalogueVersion: z.string(),
  provisionText: z.string().nullable(),
  assessmentNote: z.string().nullable(),
  content: z.string().nullable(),
  decidedAt: z.string(),
  decidedByName: z.string(),
  share: z.object({ endsAt: z.string().nullable(), active: z.boolean() }).nullable(),
});

export const concernBody = z.object({
  path: z.enum(concernPaths).nullable().default(null),
  whatWasSaid: z.string().max(4000),
  assessmentNote: z.string().max(4000).default(''),
});

export const concernsResponse = z.object({
  linkedVictimCases: z.number().int(),
  paths: z.array(
    z.object({ path: z.enum(concernPaths), open: z.boolean(), whyClosed: z.string().nullable() }),
  ),
  concerns: z.array(
    z.object({
      id: z.string(),
      path: z.enum(concernPaths),
      whatWasSaid: z.string(),
      raisedAt: z.string(),
      raisedByName: z.string(),
    }),
  ),
});

export const groundCatalogueResponse = z.object({
  version: z.string(),
  grounds: z.array(
    z.object({
      code: z.string(),
      legalReferences: z.array(z.string()),
      title: text,
      guidance: text,
    }),
  ),
});

export type Consent = z.infer<typeof consentResponse>;
export type Disclosure = z.infer<typeof disclosureResponse>;
export type WeighedGrounds = z.infer<typeof weighResponse>;
export type WeighedGround = WeighedGrounds['grounds'][number];
export type Concerns = z.infer<typeof concernsResponse>;
