import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';

/** Every text column named `…_enc` in the public schema: the columns holding sealed fields. */
export const listEncryptedColumns = async (db: Kysely<Database>) =>
  (
    await sql<{ tableName: string; columnName: string }>`
    select table_name, column_name from information_schema.columns
     where table_schema = 'public' and column_name like '%\\_enc' and data_type = 'text'
     order by 1, 2`.execute(db)
  ).rows;

/** The distinct key ids the values of one encrypted column were sealed with (`fe1.<keyId>.…`). */
export const listKeyIdsInColumn = async (
  db: Kysely<Database>,
  tableName: string,
  columnName: string,
) =>
  (
    await sql<{ keyId: string }>`
      select distinct split_part(${sql.ref(columnName)}, '.', 2) as key_id
        from ${sql.table(tableName)} where ${sql.ref(columnName)} like 'fe1.%'`.execute(db)
  ).rows;
