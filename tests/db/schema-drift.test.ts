import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encryptedColumns } from '../../src/server/crypto/field-encryption';
import type { Database } from '../../src/server/db/schema';
import { asSystem } from '../../src/server/db/transaction';
import { createTestDatabase, engineAvailable, type TestDatabase } from '../helpers/test-database';

/**
 * The migrations are the schema; src/server/db/schema.ts describes them to TypeScript. This
 * listing is type-checked against schema.ts (a missing or extra column does not compile) and
 * compared here with the migrated database, so the two cannot drift apart unnoticed.
 */
const columns: { [Table in keyof Database]: Record<keyof Database[Table], true> } = {
  organisations: {
    id: true,
    kind: true,
    name: true,
    scbCode: true,
    countyCode: true,
    fictitious: true,
    createdAt: true,
    version: true,
    reassessmentDays: true,
  },
  secrecyAreas: { id: true, organisationId: true, name: true, version: true },
  units: {
    id: true,
    organisationId: true,
    name: true,
    kind: true,
    secrecyAreaId: true,
    version: true,
    routineScreening: true,
  },
  users: {
    id: true,
    username: true,
    displayName: true,
    passwordHash: true,
    totpSecretEnc: true,
    totpConfirmedAt: true,
    totpLastStep: true,
    failedLogins: true,
    lockedUntil: true,
    disabled: true,
    fictitious: true,
    createdAt: true,
    version: true,
  },
  roleAssignments: { id: true, userId: true, organisationId: true, unitId: true, role: true },
  sessions: {
    idHash: true,
    userId: true,
    organisationId: true,
    unitId: true,
    authMethod: true,
    createdAt: true,
    lastSeenAt: true,
    secondFactorAt: true,
    expiresAt: true,
    endedAt: true,
  },
  oidcProviders: {
    id: true,
    organisationId: true,
    name: true,
    issuer: true,
    clientId: true,
    clientSecretEnc: true,
    mfaByProvider: true,
    enabled: true,
  },
  userIdentities: { providerId: true, subject: true, userId: true },
  oidcLoginStates: {
    state: true,
    providerId: true,
    codeVerifier: true,
    nonce: true,
    createdAt: true,
  },
  persons: {
    id: true,
    organisationId: true,
    unitId: true,
    givenName: true,
    familyName: true,
    personalNumber: true,
    protectionLevel: true,
    addressEnc: true,
    fictitious: true,
    createdAt: true,
    updatedAt: true,
    version: true,
    identityKind: true,
    vulnerabilityMarkers: true,
    interpreterLanguage: true,
    safeContactEnc: true,
    givenNameKey: true,
    familyNameKey: true,
  },
  personAssignments: { personId: true, userId: true, organisationId: true },
  breakGlassGrants: {
    id: true,
    organisationId: true,
    userId: true,
    personId: true,
    reason: true,
    createdAt: true,
    expiresAt: true,
  },
  auditChainHeads: { chain: true, organisationId: true, lastSeq: true, lastHash: true },
  auditEvents: {
    id: true,
    chain: true,
    chainSeq: true,
    occurredAt: true,
    type: true,
    organisationId: true,
    actorUserId: true,
    personId: true,
    outcome: true,
    reason: true,
    breakGlassId: true,
    requestId: true,
    details: true,
    prevHash: true,
    hash: true,
  },
  cases: {
    id: true,
    organisationId: true,
    unitId: true,
    personId: true,
    type: true,
    hrv: true,
    stage: true,
    ownerUserId: true,
    detectionSource: true,
    violenceForms: true,
    perpetratorRelation: true,
    childrenAnswer: true,
    referredFromUnitId: true,
    referralConsent: true,
    openedAt: true,
    closedAt: true,
    createdBy: true,
    version: true,
  },
  caseTransitions: {
    id: true,
    organisationId: true,
    caseId: true,
    fromStage: true,
    toStage: true,
    reasonEnc: true,
    decidedBy: true,
    decidedAt: true,
  },
  caseLinks: {
    organisationId: true,
    caseId: true,
    linkedCaseId: true,
    kind: true,
    createdBy: true,
    createdAt: true,
  },
  screenings: {
    id: true,
    organisationId: true,
    unitId: true,
    personId: true,
    caseId: true,
    topic: true,
    outcome: true,
    notAskedReason: true,
    askedBy: true,
    askedAt: true,
  },
  reportsOfConcern: {
    id: true,
    organisationId: true,
    fromCaseId: true,
    childCaseId: true,
    concernEnc: true,
    reportedBy: true,
    reportedAt: true,
  },
  caseEvents: {
    id: true,
    organisationId: true,
    caseId: true,
    kind: true,
    occurredOn: true,
    source: true,
    descriptionEnc: true,
    recordedBy: true,
    recordedAt: true,
  },
  caseTasks: {
    id: true,
    organisationId: true,
    caseId: true,
    kind: true,
    noteEnc: true,
    assigneeUserId: true,
    dueOn: true,
    sourceEventId: true,
    createdBy: true,
    createdAt: true,
    doneAt: true,
    doneBy: true,
    version: true,
  },
  instrumentPermissions: {
    organisationId: true,
    instrumentId: true,
    licenceNote: true,
    recordedBy: true,
    recordedAt: true,
  },
  userTrainings: {
    id: true,
    organisationId: true,
    userId: true,
    instrumentId: true,
    completedOn: true,
    recordedAt: true,
  },
  riskAssessments: {
    id: true,
    organisationId: true,
    caseId: true,
    subjectPersonId: true,
    subjectRole: true,
    instrumentId: true,
    instrumentVersion: true,
    origin: true,
    mode: true,
    assessorUserId: true,
    coAssessorUserId: true,
    contentEnc: true,
    score: true,
    completeness: true,
    finalLevel: true,
    judgementLevels: true,
    supersedesId: true,
    createdAt: true,
    updatedAt: true,
    signedAt: true,
    signedBy: true,
    version: true,
  },
  safetyPlans: {
    id: true,
    organisationId: true,
    caseId: true,
    victimStrategiesEnc: true,
    outOfHoursEnc: true,
    reviewOn: true,
    createdAt: true,
    updatedAt: true,
    version: true,
  },
  planMeasures: {
    id: true,
    organisationId: true,
    planId: true,
    measureCode: true,
    ownerOrganisation: true,
    ownerFunction: true,
    status: true,
    statusReasonEnc: true,
    dueOn: true,
    reviewOn: true,
    suggestedBy: true,
    createdBy: true,
    createdAt: true,
    updatedAt: true,
    version: true,
  },
  planEvents: {
    id: true,
    organisationId: true,
    planId: true,
    measureId: true,
    kind: true,
    measureCode: true,
    toStatus: true,
    reasonEnc: true,
    actorUserId: true,
    occurredAt: true,
  },
  assessmentFollowThroughs: {
    assessmentId: true,
    organisationId: true,
    planId: true,
    noMeasuresReasonEnc: true,
    closedBy: true,
    closedAt: true,
  },
  organisationMeasures: {
    organisationId: true,
    code: true,
    enabled: true,
    custom: true,
    recordedBy: true,
    recordedAt: true,
  },
  caseHandovers: {
    id: true,
    organisationId: true,
    caseId: true,
    fromUserId: true,
    toUserId: true,
    summaryEnc: true,
    proposedBy: true,
    proposedAt: true,
    acknowledgedAt: true,
    cancelledAt: true,
  },
};

const snake = (name: string) => name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

describe.runIf(engineAvailable)('schema types match the migrated database', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database?.close());

  it('has exactly the tables and columns schema.ts declares', async () => {
    const rows = await asSystem(database.db, (tx) =>
      sql<{ tableName: string; columnName: string }>`
        select table_name, column_name from information_schema.columns
        where table_schema = 'public' and table_name not like 'kysely_%'`.execute(tx),
    );
    const actual = new Map<string, string[]>();
    for (const row of rows.rows)
      actual.set(row.tableName, [...(actual.get(row.tableName) ?? []), row.columnName].sort());
    const expected = new Map(
      Object.entries(columns).map(([table, cols]) => [
        snake(table),
        Object.keys(cols).map(snake).sort(),
      ]),
    );
    expect(Object.fromEntries(actual)).toEqual(Object.fromEntries(expected));
  });

  it('lists every encrypted column for key rotation', async () => {
    const rows = await asSystem(database.db, (tx) =>
      sql<{ tableName: string; columnName: string }>`
        select table_name, column_name from information_schema.columns
        where table_schema = 'public' and column_name like '%\_enc'`.execute(tx),
    );
    const inDatabase = rows.rows.map((row) => `${row.tableName}.${row.columnName}`).sort();
    expect(inDatabase).toEqual(
      encryptedColumns.map((entry) => `${entry.table}.${entry.column}`).sort(),
    );
  });
});
