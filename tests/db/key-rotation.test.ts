import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runKeyRotation } from '../../src/cli/rotate-keys';
import {
  decryptField,
  encryptField,
  keyIdOf,
} from '../../src/server/platform/crypto/field-encryption';
import { assessmentContentContext } from '../../src/server/features/risk/assessment.presenter';
import { ensureKeyFile, loadKeyRing } from '../../src/server/platform/crypto/key-ring';
import { asSystem } from '../../src/server/platform/db/transaction';
import { addressContext } from '../../src/server/features/persons/person.presenter';
import { buildPerson, buildUser, buildWorld } from '../factories/world';
import { createTestDatabase, engineAvailable, type TestDatabase } from '../helpers/test-database';

describe.runIf(engineAvailable)('fristad keys rotate', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database?.close());

  it('re-encrypts every value with a new key, and old values stay readable until then', async () => {
    const keyFile = join(mkdtempSync(join(tmpdir(), 'fristad-keys-')), 'keys.json');
    ensureKeyFile(keyFile);
    const before = loadKeyRing({ file: keyFile });
    const world = await buildWorld(database);
    const person = await buildPerson(database, before, {
      organisationId: world.north.org.id,
      unitId: world.north.adultUnit.id,
      protectionLevel: 'protectedRegistration',
      address: 'Skyddad gata 3',
    });

    // A signed risk assessment is immutable, yet its content must move to the new key too.
    const user = await buildUser(database, {
      organisationId: world.north.org.id,
      unitId: world.north.adultUnit.id,
      role: 'caseWorker',
    });
    const signedAt = new Date('2026-11-20T10:00:00Z');
    const assessment = await asSystem(database.db, async (tx) => {
      const opened = await tx
        .insertInto('cases')
        .values({
          organisationId: world.north.org.id,
          unitId: world.north.adultUnit.id,
          personId: person.id,
          type: 'adultVictim',
          hrv: false,
          stage: 'intake',
          violenceForms: [],
          openedAt: signedAt,
          createdBy: user.id,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return tx
        .insertInto('riskAssessments')
        .values({
          organisationId: world.north.org.id,
          caseId: opened.id,
          subjectPersonId: person.id,
          subjectRole: 'victim',
          instrumentId: 'professional-judgement',
          instrumentVersion: '1.0.0',
          origin: 'own',
          mode: 'inPerson',
          assessorUserId: user.id,
          contentEnc: encryptField(before, assessmentContentContext, '{"reasons":"signerad"}'),
          completeness: 1,
          finalLevel: 'low',
          judgementLevels: '{}',
          createdAt: signedAt,
          updatedAt: signedAt,
          signedAt,
          signedBy: user.id,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
    });

    await runKeyRotation(database.db, keyFile, () => {});
    const after = loadKeyRing({ file: keyFile });
    expect(after.activeKeyId).not.toBe(before.activeKeyId);
    expect(JSON.parse(readFileSync(keyFile, 'utf8')).keys).toHaveProperty(before.activeKeyId);

    const stored = await asSystem(database.db, (tx) =>
      tx
        .selectFrom('persons')
        .select('addressEnc')
        .where('id', '=', person.id)
        .executeTakeFirstOrThrow(),
    );
    expect(keyIdOf(stored.addressEnc!)).toBe(after.activeKeyId);
    expect(decryptField(after, addressContext, stored.addressEnc!)).toBe('Skyddad gata 3');
    const signed = await asSystem(database.db, (tx) =>
      tx
        .selectFrom('riskAssessments')
        .select(['contentEnc', 'signedAt'])
        .where('id', '=', assessment.id)
        .executeTakeFirstOrThrow(),
    );
    expect(keyIdOf(signed.contentEnc)).toBe(after.activeKeyId);
    expect(decryptField(after, assessmentContentContext, signed.contentEnc)).toBe(
      '{"reasons":"signerad"}',
    );
    expect(signed.signedAt).toEqual(signedAt);
    // Bound to its column: the same value cannot be read as another field.
    expect(() => decryptField(after, 'users.totp_secret', stored.addressEnc!)).toThrow();
  });
});
