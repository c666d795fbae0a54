import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import { Migrator, sql, type Kysely } from 'kysely';
import type { KeyRing } from '../crypto/field-encryption';
import { keyIdsInUse, MissingKeys } from '../crypto/keys-in-use';
import { migrateToLatest } from './database';
import { migrationProvider } from './migrations';
import type { Database } from './schema';

/**
 * Backup and restore, the same for both engines (a backup of the embedded database restores on a
 * PostgreSQL server and back). A backup is gzip'd JSON lines: a header (the migration it was taken
 * at, the key ids its encrypted fields need, the row count of each table), then every row of every
 * table as the database gives it. Encrypted fields stay encrypted: the key file is kept apart, and
 * a restore refuses a key ring that lacks a key the backup needs, naming it.
 *
 * Not kept: sessions, sign-in failure counts and OIDC sign-in states (a restored server starts
 * with everyone signed out) and the migration bookkeeping (rebuilt by migrating).
 */
export type BackupHeader = {
  format: 'fristad-backup';
  version: 1;
  migration: string;
  createdAt: string;
  keyIds: string[];
  tables: Record<string, number>;
};

const notKept = new Set([
  'kysely_migration',
  'kysely_migration_lock',
  'sessions',
  'sign_in_failures',
  'oidc_login_states',
]);

const tablesOf = async (db: Kysely<Database>) =>
  (
    await sql<{ tableName: string }>`
      select table_name from information_schema.tables
       where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`.execute(db)
  ).rows
    .map((row) => row.tableName)
    .filter((name) => !notKept.has(name));

const latestApplied = async (db: Kysely<Database>) =>
  (
    await sql<{
      name: string;
    }>`select name from kysely_migration order by name desc limit 1`.execute(db)
  ).rows[0]?.name;

/** Writes the whole database to `file`. Rows are read in one snapshot (repeatable read). */
export const writeBackup = async (db: Kysely<Database>, file: string, now: Date) => {
  const lines = await db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (tx) => {
      const migration = await latestApplied(tx);
      if (!migration)
        throw new Error('Databasen är inte migrerad: det finns inget att säkerhetskopiera.');
      const tables = await tablesOf(tx);
      const rows: string[] = [];
      const counts: Record<string, number> = {};
      for (const table of tables) {
        // As text, so the row's own column names stay as the database spells them.
        const { rows: found } = await sql<{ row: string }>`
          select row_to_json(t)::text as row from ${sql.table(table)} as t`.execute(tx);
        counts[table] = found.length;
        for (const { row } of found) rows.push(`{"t":${JSON.stringify(table)},"r":${row}}`);
      }
      const header: BackupHeader = {
        format: 'fristad-backup',
        version: 1,
        migration,
        createdAt: now.toISOString(),
        keyIds: [...(await keyIdsInUse(tx))].sort(),
        tables: counts,
      };
      return [JSON.stringify(header), ...rows];
    });
  await pipeline(
    Readable.from(lines.map((line) => `${line}\n`)),
    createGzip(),
    createWriteStream(file, { mode: 0o600 }),
  );
  return JSON.parse(lines[0]!) as BackupHeader;
};

const readLines = (file: string) =>
  createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });

/** The header of a backup file, checked to be one. */
export const readBackupHeader = async (file: string): Promise<BackupHeader> => {
  for await (const line of readLines(file)) {
    const header = JSON.parse(line) as Partial<BackupHeader>;
    if (header.format !== 'fristad-backup' || header.version !== 1)
      throw new Error(`${file} är inte en säkerhetskopia från Fristad.`);
    return header as BackupHeader;
  }
  throw new Error(`${file} är tom.`);
};

/**
 * Restores a backup into an empty database (no tables at all): migrates it to the backup's
 * migration, loads every row in one transaction, and migrates on to the latest. Needs the key
 * ring the backup's encrypted fields were sealed with, and a database role that may set
 * `session_replication_role` (the rows go in as they were, references and all).
 */
export const restoreBackup = async (
  db: Kysely<Database>,
  file: string,
  ring: KeyRing,
  where: string,
) => {
  const header = await readBackupHeader(file);
  const missing = header.keyIds.filter((keyId) => !ring.keys.has(keyId));
  if (missing.length > 0) throw new MissingKeys(missing, where);
  const existing = await sql<{ n: number }>`
    select count(*)::int as n from information_schema.tables where table_schema = 'public'`.execute(
    db,
  );
  if (existing.rows[0]!.n > 0)
    throw new Error(
      'Databasen att läsa tillbaka till är inte tom. Använd en ny databas eller datamapp.',
    );
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error } = await migrator.migrateTo(header.migration);
  if (error) throw new Error(`Kunde inte migrera till ${header.migration}: ${String(error)}`);

  await db.transaction().execute(async (tx) => {
    // The rows go in as they were: references between them hold once all are in.
    await sql`set local session_replication_role = replica`.execute(tx);
    const columns = new Map<string, string[]>();
    const batch = new Map<string, string[]>();
    const flush = async (table: string) => {
      const rows = batch.get(table);
      if (!rows?.length) return;
      const names = columns.get(table) ?? (await insertableColumns(tx, table));
      columns.set(table, names);
      const list = sql.join(names.map((name) => sql.id(name)));
      await sql`
        insert into ${sql.table(table)} (${list}) overriding system value
        select ${list} from json_populate_recordset(null::${sql.table(table)}, ${`[${rows.join(',')}]`}::json)`.execute(
        tx,
      );
      batch.set(table, []);
    };
    let first = true;
    for await (const line of readLines(file)) {
      if (first) {
        first = false;
        continue;
      }
      const at = line.indexOf(',"r":');
      const table = JSON.parse(line.slice(5, at)) as string;
      const row = line.slice(at + 5, -1);
      const rows = batch.get(table) ?? [];
      rows.push(row);
      batch.set(table, rows);
      if (rows.length >= 500) await flush(table);
    }
    for (const table of batch.keys()) await flush(table);
    await resetIdentities(tx);
  });
  await migrateToLatest(db);
  return header;
};

/** Columns a row can be given (not generated ones). */
const insertableColumns = async (db: Kysely<Database>, table: string) =>
  (
    await sql<{ columnName: string }>`
      select column_name from information_schema.columns
       where table_schema = 'public' and table_name = ${table} and is_generated = 'NEVER'
       order by ordinal_position`.execute(db)
  ).rows.map((row) => row.columnName);

/** Identity columns continue after the highest restored value. */
const resetIdentities = async (db: Kysely<Database>) => {
  const { rows } = await sql<{ tableName: string; columnName: string }>`
    select table_name, column_name from information_schema.columns
     where table_schema = 'public' and is_identity = 'YES'`.execute(db);
  for (const { tableName, columnName } of rows)
    await sql`
      select setval(pg_get_serial_sequence(${tableName}, ${columnName}),
        coalesce((select max(${sql.ref(columnName)}) from ${sql.table(tableName)}), 0) + 1, false)`.execute(
      db,
    );
};
