import { sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { prefixRange } from '../../domain/identity/person-search';
import type { Tx } from '../db/transaction';
import type { NewPerson } from '../db/schema';

/**
 * Person records. Every function takes a transaction opened by inScope(), so row-level
 * security holds beneath the access policy; commands decide, these only fetch and store.
 */
const personColumns = [
  'p.id',
  'p.organisationId',
  'p.unitId',
  'p.givenName',
  'p.familyName',
  'p.personalNumber',
  'p.protectionLevel',
  'p.addressEnc',
  'p.fictitious',
  'p.practice',
  'p.createdAt',
  'p.updatedAt',
  'p.version',
  'p.identityKind',
  'p.vulnerabilityMarkers',
  'p.interpreterLanguage',
  'p.safeContactEnc',
  'u.secrecyAreaId',
  'u.name as unitName',
] as const;

export const findPerson = async (tx: Tx, id: string) => {
  const person = await tx
    .selectFrom('persons as p')
    .innerJoin('units as u', 'u.id', 'p.unitId')
    .select(personColumns)
    .where('p.id', '=', id)
    .executeTakeFirst();
  if (!person) return undefined;
  const assigned = await tx
    .selectFrom('personAssignments')
    .select('userId')
    .where('personId', '=', id)
    .execute();
  const caseUnits = await tx
    .selectFrom('cases as c')
    .innerJoin('units as cu', 'cu.id', 'c.unitId')
    .select(['c.unitId', 'cu.secrecyAreaId', 'c.ownerUserId'])
    .where('c.personId', '=', id)
    .execute();
  return {
    ...person,
    assignedUserIds: [
      ...assigned.map((row) => row.userId),
      ...caseUnits.flatMap((row) => (row.ownerUserId ? [row.ownerUserId] : [])),
    ],
    otherPlacements: caseUnits.map(({ unitId, secrecyAreaId }) => ({ unitId, secrecyAreaId })),
  };
};

export type PersonRecord = NonNullable<Awaited<ReturnType<typeof findPerson>>>;

/**
 * Persons registered in the given units or with a case in them (the units in which the actor
 * may read), each with the units of their cases for the policy's check. Lists and searches
 * build on this one query.
 */
const personsReachableFrom = (tx: Tx, unitIds: readonly string[]) =>
  tx
    .selectFrom('persons as p')
    .innerJoin('units as u', 'u.id', 'p.unitId')
    .select(personColumns)
    .select((eb) =>
      jsonArrayFrom(
        eb
          .selectFrom('cases as c')
          .innerJoin('units as cu', 'cu.id', 'c.unitId')
          .select(['c.unitId', 'cu.secrecyAreaId'])
          .whereRef('c.personId', '=', 'p.id'),
      ).as('otherPlacements'),
    )
    .where((eb) =>
      eb.or([
        eb('p.unitId', 'in', unitIds),
        eb.exists(
          eb
            .selectFrom('cases as c')
            .select('c.id')
            .whereRef('c.personId', '=', 'p.id')
            .where('c.unitId', 'in', unitIds),
        ),
      ]),
    );

/** Persons the actor may reach in the given units, newest first. */
export const listPersonsInUnits = async (tx: Tx, unitIds: readonly string[], limit: number) => {
  if (unitIds.length === 0) return [];
  return personsReachableFrom(tx, unitIds).orderBy('p.updatedAt', 'desc').limit(limit).execute();
};

export const insertPerson = async (tx: Tx, values: NewPerson) =>
  tx.insertInto('persons').values(values).returning('id').executeTakeFirstOrThrow();

export const assignPerson = async (
  tx: Tx,
  values: { personId: string; userId: string; organisationId: string },
) =>
  tx
    .insertInto('personAssignments')
    .values(values)
    .onConflict((c) => c.doNothing())
    .execute();

/** Updates only when the stored version matches; returns undefined on a stale version. */
export const updatePersonIfVersion = async (
  tx: Tx,
  id: string,
  expectedVersion: number,
  changes: Partial<
    Pick<
      NewPerson,
      | 'givenName'
      | 'familyName'
      | 'addressEnc'
      | 'protectionLevel'
      | 'vulnerabilityMarkers'
      | 'interpreterLanguage'
      | 'safeContactEnc'
    >
  >,
  now: Date,
) =>
  tx
    .updateTable('persons')
    .set((eb) => ({ ...changes, updatedAt: now, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returning(['id', 'version'])
    .executeTakeFirst();

/**
 * Persons matching a search, among those registered in or with a case in the given units.
 * Each name word must start a given or family name; numbers match by prefix.
 */
export const searchPersonsInUnits = async (
  tx: Tx,
  unitIds: readonly string[],
  query: { kind: 'number'; prefix: string } | { kind: 'name'; words: string[] },
  limit: number,
) => {
  if (unitIds.length === 0) return [];
  let select = personsReachableFrom(tx, unitIds);
  // Prefix ranges with ~>=~ / ~<~ (see prefixRange): indexable under row-level security.
  const startsWith = (
    column: 'personal_number' | 'given_name_key' | 'family_name_key',
    prefix: string,
  ) => {
    const { from, to } = prefixRange(prefix);
    return sql<boolean>`(${sql.ref(`p.${column}`)} ~>=~ ${from} and ${sql.ref(`p.${column}`)} ~<~ ${to})`;
  };
  if (query.kind === 'number') {
    select = select.where(startsWith('personal_number', query.prefix));
  } else {
    for (const word of query.words) {
      select = select.where(
        sql<boolean>`(${startsWith('given_name_key', word)} or ${startsWith('family_name_key', word)})`,
      );
    }
  }
  return select.orderBy('p.familyName').orderBy('p.givenName').limit(limit).execute();
};
