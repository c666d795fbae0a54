import type { ColumnType, Generated } from 'kysely';
import type { ProtectionLevel } from '../../../../domain/identity/protected-identity';
import type { RoleId } from '../../../../domain/access/roles';
import type { IdentityKind } from '../../../../domain/identity/personal-identity';
import type { DecisionDelegation } from '../../../../domain/interventions/catalogue';
import type { CreatedAt, Version } from './columns';

/** Organisations, units, users, sign-in and persons. (table types for Kysely; see ../schema.ts). */

export type OrganisationKind = 'municipality' | 'policeRegion' | 'region' | 'countyBoard' | 'ngo';
export type UnitKind =
  | 'reception'
  | 'adultVinr'
  | 'childrenAndYoung'
  | 'financialSupport'
  | 'substanceAbuse'
  | 'familyLaw'
  | 'policeInvestigation'
  | 'policeRiskAnalysis'
  | 'countyAnalysis'
  | 'administration'
  | 'perpetratorSupport'
  | 'other';

export type OrganisationsTable = {
  id: Generated<string>;
  kind: OrganisationKind;
  name: string;
  /** SCB municipality code (kommunkod), four digits; required for municipalities. */
  scbCode: string | null;
  countyCode: string | null;
  fictitious: Generated<boolean>;
  createdAt: CreatedAt;
  version: Version;
  /** Days until a signed assessment should be redone, per final risk level. */
  reassessmentDays: ColumnType<
    Record<'low' | 'medium' | 'high', number>,
    string | undefined,
    string
  >;
  /** Råd och service: sessions before an investigation is needed (null: bounded by purpose). */
  rosSessionCap: ColumnType<number | null, number | null | undefined, number | null>;
  /** Råd och service: days from the first contact (null: not bounded in time). */
  rosMaxDays: ColumnType<number | null, number | null | undefined, number | null>;
  /** Who may grant interventions, and how many sessions each role may add at once. */
  decisionDelegation: ColumnType<DecisionDelegation, string | undefined, string>;
};

export type SecrecyAreasTable = {
  id: Generated<string>;
  organisationId: string;
  name: string;
  version: Version;
};

export type UnitsTable = {
  id: Generated<string>;
  organisationId: string;
  name: string;
  kind: UnitKind;
  secrecyAreaId: string | null;
  version: Version;
  /** Routine questions about violence at intake (on unless the unit has decided otherwise). */
  routineScreening: Generated<boolean>;
};

export type UsersTable = {
  id: Generated<string>;
  username: string;
  displayName: string;
  passwordHash: string | null;
  /** TOTP secret, field-encrypted. */
  totpSecretEnc: string | null;
  totpConfirmedAt: Date | null;
  totpLastStep: ColumnType<string | null, string | number | null, string | number | null>;
  disabled: Generated<boolean>;
  fictitious: Generated<boolean>;
  createdAt: CreatedAt;
  version: Version;
};

/** Failed sign-ins per username (hashed) and address; the address waits, not the account. */
export type SignInFailuresTable = {
  usernameKey: string;
  address: string;
  failures: number;
  lastFailedAt: Date;
  lockedUntil: Date | null;
};

export type RoleAssignmentsTable = {
  id: Generated<string>;
  userId: string;
  organisationId: string;
  unitId: string;
  role: RoleId;
};

export type SessionsTable = {
  /** SHA-256 of the session token; the token itself lives only in the cookie. */
  idHash: string;
  userId: string;
  organisationId: string | null;
  unitId: Generated<string | null>;
  authMethod: 'password' | 'oidc';
  createdAt: CreatedAt;
  lastSeenAt: Date;
  secondFactorAt: Date | null;
  expiresAt: Date;
  endedAt: Date | null;
};

export type OidcProvidersTable = {
  id: Generated<string>;
  organisationId: string;
  name: string;
  issuer: string;
  clientId: string;
  clientSecretEnc: string | null;
  mfaByProvider: Generated<boolean>;
  enabled: Generated<boolean>;
};

export type UserIdentitiesTable = {
  providerId: string;
  subject: string;
  userId: string;
};

export type OidcLoginStatesTable = {
  state: string;
  providerId: string;
  codeVerifier: string;
  nonce: string;
  createdAt: CreatedAt;
};

export type PersonsTable = {
  id: Generated<string>;
  organisationId: string;
  unitId: string;
  givenName: string;
  familyName: string;
  personalNumber: string | null;
  protectionLevel: ProtectionLevel;
  /** Address, field-encrypted. */
  addressEnc: string | null;
  fictitious: Generated<boolean>;
  createdAt: CreatedAt;
  updatedAt: Date;
  version: Version;
  identityKind: Generated<IdentityKind>;
  /** A practice person (training mode): never in a statistic. */
  practice: Generated<boolean>;
  vulnerabilityMarkers: Generated<string[]>;
  interpreterLanguage: string | null;
  /** Safe-contact preferences as JSON, field-encrypted. */
  safeContactEnc: string | null;
  /** lower(given_name), kept by the database for indexed prefix search. */
  givenNameKey: ColumnType<string, never, never>;
  familyNameKey: ColumnType<string, never, never>;
  /** A record registered before identities were unique: the person it duplicates, until merged. */
  duplicateOf: ColumnType<string | null, never, string | null>;
  /** For people without a Swedish number: helps notice a possible duplicate. */
  birthDate: ColumnType<string | null, string | null | undefined, string | null>;
  /** Whose protection this person carries (a protected parent's child), until someone decides otherwise. */
  protectionFromPersonId: string | null;
};

/** A perpetrator's case asking to be linked to a victim's case; her team decides. */
export type LinkRequestsTable = {
  id: Generated<string>;
  organisationId: string;
  fromCaseId: string;
  toCaseId: string;
  status: Generated<'pending' | 'accepted' | 'declined'>;
  requestedBy: string;
  requestedAt: Date;
  answeredBy: string | null;
  answeredAt: Date | null;
  version: Version;
};

/** Two records of one person made one; undone within a period by moving `moved` back. */
export type PersonMergesTable = {
  id: Generated<string>;
  organisationId: string;
  survivorId: string;
  mergedId: string;
  previousDuplicateOf: string | null;
  placedInUnitId: string | null;
  moved: ColumnType<MovedReference[], string, string>;
  reason: string;
  mergedBy: string;
  mergedAt: Date;
  undoneBy: string | null;
  undoneAt: Date | null;
};

/** Rows of one table whose person column a merge re-pointed, by their primary key after the move. */
export type MovedReference = {
  table: string;
  column: string;
  /** The table's primary key columns; each of `keys` gives their values (as text) in this order. */
  keyColumns: string[];
  keys: string[][];
};

/** A person registered in a further unit (intake there found them already registered). */
export type PersonUnitsTable = {
  organisationId: string;
  personId: string;
  unitId: string;
  placedBy: string;
  placedAt: Date;
};
