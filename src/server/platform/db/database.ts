import { PGlite } from '@electric-sql/pglite';
import { CamelCasePlugin, Kysely, Migrator, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { claimDataFolder } from './data-folder';
import { migrationProvider } from './migrations';
import { PGliteDialect } from './pglite-dialect';
import type { Database } from './schema';

export type Engine = 'pglite' | 'postgres';

export type DatabaseHandle = {
  db: Kysely<Database>;
  engine: Engine;
  close: () => Promise<void>;
};

// bigint columns (audit sequence numbers, counts) come back as strings; keep them exact.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => value);

/**
 * Opens the database: a PostgreSQL server when a URL is given, otherwise embedded PGlite in
 * `dataDir` (or in memory when dataDir is 'memory').
 */
export const openDatabase = async (options: {
  url?: string | undefined;
  dataDir?: string | undefined;
  poolSize?: number;
  /** An embedded database in memory starts from this dump (PGlite's dumpDataDir), not empty. */
  startImage?: Blob | undefined;
}): Promise<DatabaseHandle> => {
  const plugins = [new CamelCasePlugin()];
  if (options.url) {
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
    // A connection that dies while idle (the database restarted) is dropped from the pool and
    // replaced on the next request; unheard, the error would stop the whole server.
    pool.on('error', (error) => {
      process.stderr.write(
        `Databasanslutningen bröts (${error.message}); en ny öppnas vid behov.\n`,
      );
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins });
    return { db, engine: 'postgres', close: () => db.destroy() };
  }
  const dir = options.dataDir ?? 'memory';
  // One server per folder, private to its user (see data-folder.ts).
  const release = dir === 'memory' ? async () => {} : await claimDataFolder(dir);
  try {
    const client =
      dir === 'memory'
        ? new PGlite(options.startImage ? { loadDataDir: options.startImage } : {})
        : new PGlite(dir);
    await client.waitReady;
    const db = new Kysely<Database>({ dialect: new PGliteDialect(client), plugins });
    return {
      db,
      engine: 'pglite',
      close: async () => {
        await db.destroy();
        await release();
      },
    };
  } catch (error) {
    await release();
    throw error;
  }
};

/** Runs all pending migrations; throws with the failing migration's name. */
export const migrateToLatest = async (db: Kysely<Database>): Promise<string[]> => {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((result) => result.status === 'Error');
    throw new Error(`Migration ${failed?.migrationName ?? '?'} failed: ${String(error)}`);
  }
  return (results ?? []).map((result) => result.migrationName);
};

/** Checks the database answers; used by the health route. */
export const ping = async (db: Kysely<Database>): Promise<void> => {
  await sql`select 1`.execute(db);
};
