import { sql } from 'kysely';
import type { MovedReference } from '../db/schema';
import type { Tx } from '../db/transaction';

/**
 * Moving the references to a person from one record to another. Which columns reference a
 * person is read from the database's own foreign keys, so a table added later is moved without
 * anyone remembering to list it here. The merge history itself is not moved.
 */
type PersonReference = { table: string; column: string; keyColumns: string[] };

const notMoved = new Set(['person_merges']);

/** Every column with a foreign key to persons, with the primary key of its table. */
export const personReferences = async (tx: Tx): Promise<PersonReference[]> => {
  const { rows } = await sql<{ tableName: string; columnName: string; keyColumns: string[] }>`
    select c.conrelid::regclass::text as table_name,
           a.attname::text as column_name,
           (select array_agg(k.attname::text order by k.attnum)
              from pg_index i
              join pg_attribute k on k.attrelid = i.indrelid and k.attnum = any (i.indkey)
             where i.indrelid = c.conrelid and i.indisprimary) as key_columns
      from pg_constraint c
      join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any (c.conkey)
     where c.contype = 'f' and c.confrelid = 'persons'::regclass
     order by 1, 2
  `.execute(tx);
  return rows
    .filter((row) => !notMoved.has(row.tableName))
    .map((row) => ({ table: row.tableName, column: row.columnName, keyColumns: row.keyColumns }));
};

/**
 * Re-points every reference from `fromId` to `toId` and says which rows moved (by their key after
 * the move). A row whose key includes the person (an assignment, a placement) is left where it is
 * when the other record already has the same one: the two say the same thing.
 */
export const moveReferences = async (
  tx: Tx,
  fromId: string,
  toId: string,
): Promise<MovedReference[]> => {
  const moved: MovedReference[] = [];
  for (const ref of await personReferences(tx)) {
    const table = sql.table(ref.table);
    const column = sql.ref(`t.${ref.column}`);
    const keyOf = sql.join(ref.keyColumns.map((key) => sql`${sql.ref(`t.${key}`)}::text`));
    const otherKeys = ref.keyColumns.filter((key) => key !== ref.column);
    const sameKeyTaken =
      otherKeys.length < ref.keyColumns.length
        ? sql`and not exists (select 1 from ${table} as other
                where ${sql.ref(`other.${ref.column}`)} = ${toId}
                ${sql.join(
                  otherKeys.map(
                    (key) => sql`and ${sql.ref(`other.${key}`)} = ${sql.ref(`t.${key}`)}`,
                  ),
                  sql` `,
                )})`
        : sql``;
    // A record never comes to point at itself (the survivor's own row in persons).
    const notSelf = ref.table === 'persons' ? sql`and t.id <> ${toId}` : sql``;
    const { rows } = await sql<{ key: string[] }>`
      update ${table} as t set ${sql.id(ref.column)} = ${toId}
       where ${column} = ${fromId} ${sameKeyTaken} ${notSelf}
       returning array[${keyOf}] as key
    `.execute(tx);
    if (rows.length > 0)
      moved.push({
        table: ref.table,
        column: ref.column,
        keyColumns: ref.keyColumns,
        keys: rows.map((row) => row.key),
      });
  }
  return moved;
};

/** Puts the moved rows back on `toId` (the undo of a merge), each found by its recorded key. */
export const moveBack = async (tx: Tx, moved: readonly MovedReference[], toId: string) => {
  for (const ref of moved)
    for (const key of ref.keys)
      await sql`
        update ${sql.table(ref.table)} as t set ${sql.id(ref.column)} = ${toId}
         where ${sql.join(
           ref.keyColumns.map(
             (column, index) => sql`${sql.ref(`t.${column}`)}::text = ${key[index]}`,
           ),
           sql` and `,
         )}
      `.execute(tx);
};
