import { can, type Actor, type RecordResource } from '../../../domain/access/policy';
import {
  maskedText,
  presentAddress,
  presentPersonalNumber,
  type ProtectionLevel,
} from '../../../domain/identity/protected-identity';
import { presentSafeContact, type SafeContact } from '../../../domain/identity/person-markers';
import { decryptField, type KeyRing } from '../../platform/crypto/field-encryption';
import type { PersonRecord } from './person.repository';

export const addressContext = 'persons.address';
export const safeContactContext = 'persons.safe_contact';

type PersonFields = Omit<PersonRecord, 'assignedUserIds' | 'otherPlacements'> & {
  assignedUserIds?: readonly string[];
  otherPlacements?: readonly { unitId: string; secrecyAreaId: string | null }[];
};

export const personResource = (person: PersonFields): RecordResource => ({
  kind: 'person',
  personId: person.id,
  id: person.id,
  organisationId: person.organisationId,
  unitId: person.unitId,
  secrecyAreaId: person.secrecyAreaId,
  otherPlacements: person.otherPlacements ?? [],
  assignedUserIds: person.assignedUserIds ?? [],
});

/**
 * The person's safe contact as stored, or null. Read to show it, and when a change keeps the
 * safe places it leaves out.
 */
export const storedSafeContact = (keys: KeyRing, sealed: string | null): SafeContact | null =>
  sealed ? (JSON.parse(decryptField(keys, safeContactContext, sealed)) as SafeContact) : null;

/**
 * The only way a person leaves the server. Fields are listed one by one; protected identity
 * is masked here by the domain's rule; the address is decrypted only when it is to be shown.
 * Each record carries what the viewer may do with it, so the web app never re-derives rules.
 */
export const presentPerson = (
  person: PersonFields,
  viewer: { actor: Actor; keys: KeyRing; now: Date; revealAddress?: boolean },
) => {
  const level = person.protectionLevel as ProtectionLevel;
  const revealed = viewer.revealAddress === true;
  // A protected address is not even decrypted unless it is to be shown.
  const plainAddress =
    person.addressEnc === null
      ? null
      : presentAddress(
          level === 'none' || revealed
            ? decryptField(viewer.keys, addressContext, person.addressEnc)
            : '',
          level,
          revealed,
        );
  const resource = personResource(person);
  return {
    id: person.id,
    unitId: person.unitId,
    unitName: person.unitName,
    givenName: person.givenName,
    familyName: person.familyName,
    personalNumber: presentPersonalNumber(person.personalNumber, level),
    protectionLevel: level,
    address: plainAddress,
    fictitious: person.fictitious,
    practice: person.practice,
    identityKind: person.identityKind,
    vulnerabilityMarkers: person.vulnerabilityMarkers,
    interpreterLanguage: person.interpreterLanguage,
    safeContact: presentSafeContact(
      storedSafeContact(viewer.keys, person.safeContactEnc),
      level !== 'none',
      maskedText,
    ),
    birthDate: person.birthDate,
    /** The protection was carried from a parent or household member, not decided for this person. */
    protectionCarried: person.protectionFromPersonId !== null,
    duplicateOf: person.duplicateOf,
    version: person.version,
    updatedAt: person.updatedAt.toISOString(),
    abilities: {
      update: can(viewer.actor, 'person.update', resource, viewer.now).allowed,
      readProtectedAddress:
        level !== 'none' &&
        can(viewer.actor, 'person.readProtectedAddress', resource, viewer.now).allowed,
    },
  };
};

export type PresentedPerson = ReturnType<typeof presentPerson>;
