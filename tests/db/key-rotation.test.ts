import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runKeyRotation } from '../../src/cli/rotate-keys';
import { decryptField, keyIdOf } from '../../src/server/crypto/field-encryption';
import { ensureKeyFile, loadKeyRing } from '../../src/server/crypto/key-ring';
import { asSystem } from '../../src/server/db/transaction';
import { addressContext } from '../../src/server/presenters/person.presenter';
import { buildPerson, buildWorld } from '../factories/world';
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
    // Bound to its column: the same value cannot be read as another field.
    expect(() => decryptField(after, 'users.totp_secret', stored.addressEnc!)).toThrow();
  });
});
