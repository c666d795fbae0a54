import { z } from 'zod';
import { identityKinds } from '../domain/identity/personal-identity';
import {
  contactChannels,
  vulnerabilityMarkers,
  type VulnerabilityMarker,
} from '../domain/identity/person-markers';
import { protectionLevels } from '../domain/identity/protected-identity';

const safeContactSchema = z.object({
  channels: z.array(z.enum(contactChannels)).max(6),
  times: z.string().trim().max(500).nullable(),
  doNotContact: z.string().trim().max(1000).nullable(),
  safePlaces: z.string().trim().max(1000).nullable(),
});

/**
 * Safe contact as sent in a change: safe places left out keep what is stored (a protected
 * person's places are shown masked, so a form cannot send them back).
 */
const safeContactChange = safeContactSchema.extend({
  safePlaces: z.string().trim().max(1000).nullable().optional(),
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
  /** For people without a Swedish number (YYYY-MM-DD), when known. */
  birthDate: z.string().nullable(),
  /** The protection was carried from a protected parent or household member. */
  protectionCarried: z.boolean(),
  /** Registered before this one's identity numbers were unique: to be merged into that person. */
  duplicateOf: z.string().nullable(),
  abilities: z.object({ update: z.boolean(), readProtectedAddress: z.boolean() }),
});

/** Intake's answer: the person, and whether the number was already registered (she was placed here). */
export const registeredPersonResponse = personResponse.extend({ registeredBefore: z.boolean() });

export const createPersonBody = z.object({
  unitId: z.string().uuid(),
  givenName: z.string().trim().min(1, 'Skriv förnamn').max(200),
  familyName: z.string().trim().min(1, 'Skriv efternamn').max(200),
  /** Personnummer, samordningsnummer, reservnummer or none; checked by the personnummer library. */
  identityKind: z.enum(identityKinds).default('none'),
  personalNumber: z.string().trim().max(40).nullable().default(null),
  protectionLevel: z.enum(protectionLevels).default('none'),
  address: z.string().trim().max(500).nullable().default(null),
  /** For a person without a Swedish number: helps notice that she is already registered. */
  birthDate: z.iso.date('Skriv datumet som ÅÅÅÅ-MM-DD').nullable().default(null),
  /**
   * A person without a number whose name (and birth date) match someone already registered is
   * refused with 409 until the worker has looked and says this is someone else.
   */
  notSameAsSimilar: z.boolean().default(false),
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
  safeContact: safeContactChange.nullable().optional(),
  /**
   * When protection is raised: carry it to the children and household members registered with
   * the person (the default), or leave theirs as it is.
   */
  household: z.enum(['protect', 'leave']).optional(),
});

export const updatedPersonResponse = personResponse.extend({
  /** How many children and household members took the raised protection. */
  protectionCarriedTo: z.number().int(),
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

export const mergeParams = z.object({ mergeId: z.string().uuid('Ogiltigt id') });

export const mergeBody = z.object({
  /** The record that is merged into this one and stays only as history. */
  mergedPersonId: z.string().uuid('Ogiltigt id'),
  /** Why these are the same person (e.g. the same personnummer, checked against the ID). */
  reason: z
    .string()
    .trim()
    .min(10, 'Skriv hur du vet att det är samma person (minst 10 tecken)')
    .max(1000),
  /** The version of this record the worker read. */
  version: z.number().int(),
});

export const duplicatesResponse = z.object({
  candidates: z.array(
    z.object({
      person: personResponse,
      /** Marked as a duplicate when the identity number became unique. */
      markedAsDuplicate: z.boolean(),
      /** The record to keep if the two are merged; null when they cannot be (see refusal). */
      survivorId: z.string().nullable(),
      refusal: z.string().nullable(),
    }),
  ),
  merges: z.array(
    z.object({
      id: z.string(),
      mergedPersonId: z.string(),
      reason: z.string(),
      mergedAt: z.string(),
      undoneAt: z.string().nullable(),
      canUndo: z.boolean(),
    }),
  ),
});

export const mergeResponse = z.object({
  mergeId: z.string(),
  movedRows: z.number().int(),
  person: personResponse,
});

export type Person = z.infer<typeof personResponse>;
export type RegisteredPerson = z.infer<typeof registeredPersonResponse>;
export type UpdatedPerson = z.infer<typeof updatedPersonResponse>;
export type PersonDuplicates = z.infer<typeof duplicatesResponse>;
