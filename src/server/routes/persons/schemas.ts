import { z } from 'zod';
import { identityKinds } from '../../../domain/identity/personal-identity';
import {
  contactChannels,
  vulnerabilityMarkers,
  type VulnerabilityMarker,
} from '../../../domain/identity/person-markers';
import { protectionLevels } from '../../../domain/identity/protected-identity';

const safeContactSchema = z.object({
  channels: z.array(z.enum(contactChannels)).max(6),
  times: z.string().trim().max(500).nullable(),
  doNotContact: z.string().trim().max(1000).nullable(),
  safePlaces: z.string().trim().max(1000).nullable(),
});

export const personParams = z.object({ personId: z.string().uuid('Ogiltigt id') });

export const personResponse = z.object({
  id: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  /** Personnummer; the last four digits are masked for protected persons. */
  personalNumber: z.string().nullable(),
  protectionLevel: z.enum(protectionLevels),
  /** Masked for protected persons unless revealed through the reasoned request. */
  address: z.string().nullable(),
  /** Övningsdata: an invented person. */
  fictitious: z.boolean(),
  /** A practice person in training mode: invented, never in a statistic. */
  practice: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string(),
  identityKind: z.enum(identityKinds),
  vulnerabilityMarkers: z.array(z.string()),
  /** Language the person needs an interpreter for; null if none. */
  interpreterLanguage: z.string().nullable(),
  safeContact: safeContactSchema.nullable(),
  abilities: z.object({ update: z.boolean(), readProtectedAddress: z.boolean() }),
});

export const createPersonBody = z.object({
  unitId: z.string().uuid(),
  givenName: z.string().trim().min(1, 'Skriv förnamn').max(200),
  familyName: z.string().trim().min(1, 'Skriv efternamn').max(200),
  /** Personnummer, samordningsnummer, reservnummer or none; checked by the personnummer library. */
  identityKind: z.enum(identityKinds).default('none'),
  personalNumber: z.string().trim().max(40).nullable().default(null),
  protectionLevel: z.enum(protectionLevels).default('none'),
  address: z.string().trim().max(500).nullable().default(null),
});

export const updatePersonBody = z.object({
  /** The version the change was based on; a newer stored version gives 409. */
  version: z.number().int().positive(),
  givenName: z.string().trim().min(1).max(200).optional(),
  familyName: z.string().trim().min(1).max(200).optional(),
  protectionLevel: z.enum(protectionLevels).optional(),
  address: z.string().trim().max(500).nullable().optional(),
  vulnerabilityMarkers: z
    .array(
      z.enum(
        vulnerabilityMarkers.map((marker) => marker.code) as [
          VulnerabilityMarker,
          ...VulnerabilityMarker[],
        ],
      ),
    )
    .max(20)
    .optional(),
  interpreterLanguage: z.string().trim().min(2).max(100).nullable().optional(),
  safeContact: safeContactSchema.nullable().optional(),
});

export const reasonBody = z.object({
  /** Why the protected address is needed now; stored in the audit log. */
  reason: z
    .string()
    .trim()
    .min(10, 'Skriv varför du behöver se adressen (minst 10 tecken)')
    .max(1000),
});

export const breakGlassBody = z.object({
  reason: z.string().trim().max(1000),
  minutes: z.number().int(),
});
