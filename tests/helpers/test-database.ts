import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import pg from 'pg';
import {
  migrateToLatest,
  openDatabase,
  type DatabaseHandle,
} from '../../src/server/platform/db/database';
import { pgliteImagePath, templateDatabaseName } from './migrated-images';

/**
 * Which engine the database tests run on: the vitest project sets FRISTAD_TEST_DB. Each test
 * file gets its own freshly migrated database (PGlite in memory, or a new PostgreSQL database),
 * copied from the image the global setup migrated once (see migrated-images.ts).
 */
export const testEngine = (process.env.FRISTAD_TEST_DB ?? 'pglite') as 'pglite' | 'postgres';

export const postgresAdminUrl =
  process.env.FRISTAD_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const postgresReachable = async (): Promise<boolean> => {
  const client = new pg.Client({
    connectionString: postgresAdminUrl,
    connectionTimeoutMillis: 3000,
  });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
};

/** False only when the PostgreSQL suite must be skipped (locally, with no server running). */
export const engineAvailable: boolean = testEngine === 'pglite' ? true : await postgresReachable();

if (!engineAvailable) {
  if (process.env.CI) {
    throw new Error(`CI needs a PostgreSQL server at ${postgresAdminUrl}; none answered.`);
  }
  console.warn(`[fristad] PostgreSQL suite skipped: no server at ${postgresAdminUrl}`);
}

/** The migrated data folder the global setup dumped, if it is there (see migrated-images.ts). */
const migratedPgliteImage = (): Blob | undefined => {
  const path = pgliteImagePath();
  return existsSync(path) ? new Blob([readFileSync(path)]) : undefined;
};

/** The migrated template database the global setup made, if it is there. */
const migratedTemplate = async (admin: pg.Client): Promise<string | null> => {
  const name = templateDatabaseName();
  const found = await admin.query('select 1 from pg_database where datname = $1', [name]);
  return found.rowCount ? name : null;
};

export type TestDatabase = DatabaseHandle & { url: string | undefined };

export const createTestDatabase = async (
  /** migrate: false gives a database with no tables at all (a restore's target). */
  options: { migrate?: boolean } = {},
): Promise<TestDatabase> => {
  const migrate = options.migrate ?? true;
  if (testEngine === 'pglite') {
    const image = migrate ? migratedPgliteImage() : undefined;
    const handle = await openDatabase({ dataDir: 'memory', startImage: image });
    if (migrate && !image) await migrateToLatest(handle.db);
    return { ...handle, url: undefined };
  }
  const name = `fristad_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: postgresAdminUrl });
  await admin.connect();
  const template = migrate ? await migratedTemplate(admin) : null;
  await admin.query(`create database ${name}${template ? ` template ${template}` : ''}`);
  await admin.end();
  const url = new URL(postgresAdminUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString(), poolSize: 5 });
  if (migrate && !template) await migrateToLatest(handle.db);
  return {
    ...handle,
    url: url.toString(),
    close: async () => {
      await handle.close();
      const dropper = new pg.Client({ connectionString: postgresAdminUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
};
