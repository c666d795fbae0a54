import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../src/server/platform/db/database';

const adminUrl = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * Runs a measurement on a fresh embedded PGlite (npm start's default) and then, when one
 * answers, on a throwaway database on the PostgreSQL server, dropped afterwards.
 */
export const onEachEngine = async (
  name: string,
  measure: (engine: string, handle: DatabaseHandle) => Promise<void>,
  log: (line: string) => void,
) => {
  const pglite = await openDatabase({
    dataDir: join(mkdtempSync(join(tmpdir(), `fristad-${name}-`)), 'pglite'),
  });
  try {
    await measure('PGlite', pglite);
  } finally {
    await pglite.close();
  }

  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch {
    log(`PostgreSQL: skipped, no server at ${adminUrl}`);
    return;
  }
  const dbName = `fristad_bench_${name}_${Date.now()}`;
  await admin.query(`create database ${dbName}`);
  const url = new URL(adminUrl);
  url.pathname = `/${dbName}`;
  const server = await openDatabase({ url: url.toString() });
  try {
    await measure('PostgreSQL', server);
  } finally {
    await server.close();
    await admin.query(`drop database if exists ${dbName} with (force)`);
    await admin.end();
  }
};

/** Runs a bench's main and turns a failure into a non-zero exit with the stack. */
export const runBench = (main: () => Promise<void>) =>
  main().catch((error: unknown) => {
    process.stderr.write(
      `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  });
