import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { CamelCasePlugin, Kysely } from 'kysely';
import pg from 'pg';
import { migrateToLatest, openDatabase } from '../../src/server/platform/db/database';
import { PGliteDialect } from '../../src/server/platform/db/pglite-dialect';
import type { Database } from '../../src/server/platform/db/schema';
import { pgliteImagePath, templateDatabaseName } from './migrated-images';
import { postgresAdminUrl } from './test-database';

/** Makes the migrated images the database tests copy (see migrated-images.ts), once per run. */
export default async function setup() {
  await writePgliteImage();
  await createPostgresTemplate();
}

const writePgliteImage = async () => {
  const path = pgliteImagePath();
  if (existsSync(path)) return;
  const client = new PGlite();
  const db = new Kysely<Database>({
    dialect: new PGliteDialect(client),
    plugins: [new CamelCasePlugin()],
  });
  await migrateToLatest(db);
  const image = await client.dumpDataDir('none');
  await db.destroy();
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(`${path}.part`, Buffer.from(await image.arrayBuffer()));
  renameSync(`${path}.part`, path);
};

const createPostgresTemplate = async () => {
  const admin = new pg.Client({
    connectionString: postgresAdminUrl,
    connectionTimeoutMillis: 3000,
  });
  try {
    await admin.connect();
  } catch {
    return; // No server here: the PostgreSQL suite is skipped (or fails loudly on CI) as before.
  }
  try {
    const name = templateDatabaseName();
    const existing = await admin.query<{ datname: string }>(
      "select datname from pg_database where datname like 'fristad_template_%'",
    );
    for (const { datname } of existing.rows)
      if (datname !== name) await admin.query(`drop database if exists ${datname} with (force)`);
    if (existing.rows.some((row) => row.datname === name)) return;
    // Built under a temporary name and renamed when complete: a run stopped half-way leaves
    // no half-migrated template behind.
    const building = `${name}_building`;
    await admin.query(`drop database if exists ${building} with (force)`);
    await admin.query(`create database ${building}`);
    const url = new URL(postgresAdminUrl);
    url.pathname = `/${building}`;
    const handle = await openDatabase({ url: url.toString(), poolSize: 1 });
    await migrateToLatest(handle.db);
    await handle.close();
    await admin.query(`alter database ${building} rename to ${name}`);
  } finally {
    await admin.end();
  }
};
