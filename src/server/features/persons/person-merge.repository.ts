import { sql, type Insertable } from 'kysely';
import type { MovedReference, PersonMergesTable } from '../../platform/db/schema';
import type { Tx } from '../../platform/db/transaction';

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

/** The merges not undone that made any of these records history (merged into another). */
export const listActiveMergesOf = (tx: Tx, personIds: readonly string[]) =>
  tx
    .selectFrom('personMerges')
    .select(['id', 'mergedId', 'survivorId'])
    .where('mergedId', 'in', personIds)
    .where('undoneAt', 'is', null)
    .execute();

/** Records marked as duplicates of a person, and the record she is marked as a duplicate of. */
export const listMarkedDuplicates = (tx: Tx, personId: string, duplicateOf: string | null) =>
  tx
    .selectFrom('persons')
    .select('id')
    .where((eb) =>
      eb.or([
        eb('duplicateOf', '=', personId),
        ...(duplicateOf ? [eb('id', '=', duplicateOf)] : []),
      ]),
    )
    .execute();

/** The merges made into a survivor, newest first, undone ones included. */
export const listMergesInto = (tx: Tx, survivorId: string) =>
  tx
    .selectFrom('personMerges')
    .select(['id', 'mergedId', 'reason', 'mergedAt', 'undoneAt'])
    .where('survivorId', '=', survivorId)
    .orderBy('mergedAt', 'desc')
    .execute();

/** Locks the records, in one order, so two merges of the same records wait for each other. */
export const lockPersons = (tx: Tx, ids: readonly string[]) =>
  tx.selectFrom('persons').select('id').where('id', 'in', ids).orderBy('id').forUpdate().execute();

export const insertPersonMerge = (tx: Tx, values: Insertable<PersonMergesTable>) =>
  tx.insertInto('personMerges').values(values).returning('id').executeTakeFirstOrThrow();

/** Records what a merge moved and where it placed the survivor, for its undo. */
export const recordMergeMoves = (
  tx: Tx,
  mergeId: string,
  moved: readonly MovedReference[],
  placedInUnitId: string | null,
) =>
  tx
    .updateTable('personMerges')
    .set({ moved: JSON.stringify(moved), placedInUnitId })
    .where('id', '=', mergeId)
    .execute();

/** Places the survivor in a unit unless already placed there; returns the unit when placed now. */
export const placeSurvivorInUnit = async (
  tx: Tx,
  values: {
    organisationId: string;
    personId: string;
    unitId: string;
    placedBy: string;
    placedAt: Date;
  },
) =>
  (
    await tx
      .insertInto('personUnits')
      .values(values)
      .onConflict((oc) => oc.doNothing())
      .returning('unitId')
      .executeTakeFirst()
  )?.unitId ?? null;

/** Marks a record as a duplicate of another (or of none), as a change of the record. */
export const setDuplicateOf = (tx: Tx, personId: string, duplicateOf: string | null, now: Date) =>
  tx
    .updateTable('persons')
    .set((eb) => ({ duplicateOf, updatedAt: now, version: eb('version', '+', 1) }))
    .where('id', '=', personId)
    .execute();

/** Counts a record as changed (a new version) without changing its fields. */
export const touchPerson = (tx: Tx, personId: string, now: Date) =>
  tx
    .updateTable('persons')
    .set((eb) => ({ updatedAt: now, version: eb('version', '+', 1) }))
    .where('id', '=', personId)
    .execute();

/** A merge, locked for its undo. */
export const findMergeForUpdate = (tx: Tx, mergeId: string) =>
  tx
    .selectFrom('personMerges')
    .selectAll()
    .where('id', '=', mergeId)
    .forUpdate()
    .executeTakeFirstOrThrow();

/** Takes a person out of a further unit. */
export const removePersonFromUnit = (tx: Tx, personId: string, unitId: string) =>
  tx
    .deleteFrom('personUnits')
    .where('personId', '=', personId)
    .where('unitId', '=', unitId)
    .execute();

export const markMergeUndone = (tx: Tx, mergeId: string, undoneBy: string, undoneAt: Date) =>
  tx.updateTable('personMerges').set({ undoneAt, undoneBy }).where('id', '=', mergeId).execute();
