import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditLog } from '../../src/server/platform/audit/audit.repository';
import { loadConfig } from '../../src/server/config';
import { decryptField } from '../../src/server/platform/crypto/field-encryption';
import { MissingKeys } from '../../src/server/platform/crypto/keys-in-use';
import { restoreBackup, writeBackup } from '../../src/server/platform/db/backup';
import { asSystem } from '../../src/server/platform/db/transaction';
import { addressContext } from '../../src/server/features/persons/person.presenter';
import { startServer } from '../../src/server/start';
import { buildWorld, nextTestNumber, type World } from '../factories/world';
import { signedIn } from '../helpers/signed-in';
import { createTestApp, type TestApp } from '../helpers/test-app';
import {
  createTestDatabase,
  engineAvailable,
  testEngine,
  type TestDatabase,
} from '../helpers/test-database';

/**
 * Backup and restore (issue 18), on the engine of the run: everything comes back — encrypted
 * fields readable with the same key ring, the audit log's chains unbroken — and a key ring that
 * lacks a key the data needs is refused with the key's name, at restore and at start.
 */
describe.runIf(engineAvailable)('backup and restore', () => {
  let source: TestDatabase;
  let world: World;
  let testApp: TestApp;
  const dir = mkdtempSync(join(tmpdir(), 'fristad-backup-'));
  const file = join(dir, 'fristad.backup.gz');

  beforeAll(async () => {
    source = await createTestDatabase();
    world = await buildWorld(source);
    testApp = await createTestApp(source);
  });
  afterAll(async () => {
    await testApp?.app.close();
    await source?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('brings every row back, encrypted fields readable and the audit chains unbroken', async () => {
    const { client, user } = await signedIn(source, testApp, {
      organisationId: world.north.org.id,
      unitId: world.north.adultUnit.id,
      role: 'caseWorker',
    });
    const registered = await client.request('POST', '/api/persons', {
      body: {
        unitId: world.north.adultUnit.id,
        givenName: 'Kopia',
        familyName: 'Återställdotter',
        identityKind: 'personnummer',
        personalNumber: nextTestNumber(),
        protectionLevel: 'none',
        address: 'Backupvägen 1, Övningsby',
      },
    });
    expect(registered.statusCode, registered.body).toBe(201);
    const personId = registered.json<{ id: string }>().id;
    const opened = await client.request('POST', '/api/cases', {
      body: {
        personId,
        unitId: world.north.adultUnit.id,
        type: 'adultVictim',
        ownerUserId: user.id,
      },
    });
    expect(opened.statusCode, opened.body).toBe(201);

    const header = await writeBackup(source.db, file, new Date());
    expect(header.keyIds).toEqual([testApp.keys.activeKeyId]);
    expect(header.tables.persons).toBeGreaterThan(0);

    const target = await createTestDatabase({ migrate: false });
    try {
      await restoreBackup(target.db, file, testApp.keys, 'test');
      const checked = await asSystem(target.db, (tx) => verifyAuditLog(tx));
      const original = await asSystem(source.db, (tx) => verifyAuditLog(tx));
      expect(checked.findings).toEqual([]);
      expect(checked.events).toBe(original.events);
      const person = await asSystem(target.db, (tx) =>
        tx
          .selectFrom('persons')
          .select(['familyName', 'addressEnc'])
          .where('id', '=', personId)
          .executeTakeFirstOrThrow(),
      );
      expect(person.familyName).toBe('Återställdotter');
      expect(decryptField(testApp.keys, addressContext, person.addressEnc!)).toBe(
        'Backupvägen 1, Övningsby',
      );
      for (const table of ['cases', 'users', 'role_assignments'] as const) {
        const count = async (db: TestDatabase) =>
          (
            await db.db
              .selectFrom(table as 'cases')
              .select((eb) => eb.fn.countAll<string>().as('n'))
              .executeTakeFirstOrThrow()
          ).n;
        expect(String(await count(target)), table).toBe(String(await count(source)));
      }
    } finally {
      await target.close();
    }
  });

  it('refuses a key ring without the key the backup needs, and names it', async () => {
    await writeBackup(source.db, file, new Date());
    const target = await createTestDatabase({ migrate: false });
    try {
      const otherRing = { activeKeyId: 'annan', keys: new Map([['annan', Buffer.alloc(32, 9)]]) };
      const refused = await restoreBackup(target.db, file, otherRing, 'keys.json').catch(
        (error: unknown) => error,
      );
      expect(refused).toBeInstanceOf(MissingKeys);
      expect(String(refused)).toContain(testApp.keys.activeKeyId);
      // Refused before anything was written: the database is still empty.
      const { rows } = await sql<{ n: number }>`
        select count(*)::int as n from information_schema.tables
         where table_schema = 'public'`.execute(target.db);
      expect(rows[0]!.n).toBe(0);
    } finally {
      await target.close();
    }
  });

  it.runIf(testEngine === 'pglite')(
    'will not start on data whose key file is gone, naming the key',
    async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'fristad-nokey-'));
      const keyFile = join(dataDir, 'nycklar', 'keys.json');
      const config = loadConfig({
        PORT: '0',
        FRISTAD_DATA_DIR: dataDir,
        FRISTAD_KEY_FILE: keyFile,
        FRISTAD_LOG_LEVEL: 'silent',
      });
      const first = await startServer(config, () => {});
      await first.close();
      const { readFileSync } = await import('node:fs');
      const keyId = (JSON.parse(readFileSync(keyFile, 'utf8')) as { activeKeyId: string })
        .activeKeyId;
      rmSync(keyFile);
      await expect(startServer(config, () => {})).rejects.toThrow(keyId);
      // Nothing new was made in its place, and the folder is free again.
      expect(() => readFileSync(keyFile)).toThrow();
      rmSync(dataDir, { recursive: true, force: true });
    },
    120_000,
  );
});
