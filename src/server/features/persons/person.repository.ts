import { sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { prefixRange } from '../../../domain/identity/person-search';
import { dateText } from '../../platform/db/date-text';
import type { Tx } from '../../platform/db/transaction';
import type { NewPerson } from '../../platform/db/schema';

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
  'p.duplicateOf',
  'p.protectionFromPersonId',
  'u.secrecyAreaId',
  'u.name as unitName',
] as const;

const birthDate = dateText<string | null>('p.birthDate').as('birthDate');

/**
 * The further units a person is placed in: the units of their cases, and the units where intake
 * registered them again (person_units). Both make the person visible there, nothing more.
 */
const placementsOf = (tx: Tx, personId: string) =>
  tx
    .selectFrom('cases as c')
    .innerJoin('units as cu', 'cu.id', 'c.unitId')
    .select(['c.unitId', 'cu.secrecyAreaId', 'c.ownerUserId'])
    .where('c.personId', '=', personId)
    .unionAll(
      tx
        .selectFrom('personUnits as pu')
        .innerJoin('units as pu_u', 'pu_u.id', 'pu.unitId')
        .select([
          'pu.unitId',
          'pu_u.secrecyAreaId',
          sql<string | null>`null::uuid`.as('ownerUserId'),
        ])
        .where('pu.personId', '=', personId),
    )
    .execute();

export const findPerson = async (tx: Tx, id: string) => {
  const person = await tx
    .selectFrom('persons as p')
    .innerJoin('units as u', 'u.id', 'p.unitId')
    .select(personColumns)
    .select(birthDate)
    .where('p.id', '=', id)
    .executeTakeFirst();
  if (!person) return undefined;
  const assigned = await tx
    .selectFrom('personAssignments')
    .select('userId')
    .where('personId', '=', id)
    .execute();
  const caseUnits = await placementsOf(tx, id);
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
 * Persons registered in the given units, placed there or with a case in them (the units in
 * which the actor may read), each with their further units for the policy's check. Lists and
 * searches build on this one query.
 */
const personsReachableFrom = (tx: Tx, unitIds: readonly string[]) =>
  tx
    .selectFrom('persons as p')
    .innerJoin('units as u', 'u.id', 'p.unitId')
    .select(personColumns)
    .select(birthDate)
    .select((eb) =>
      jsonArrayFrom(
        eb
          .selectFrom('cases as c')
          .innerJoin('units as cu', 'cu.id', 'c.unitId')
          .select(['c.unitId', 'cu.secrecyAreaId'])
          .whereRef('c.personId', '=', 'p.id')
          .unionAll(
            eb
              .selectFrom('personUnits as pu')
              .innerJoin('units as pu_u', 'pu_u.id', 'pu.unitId')
              .select(['pu.unitId', 'pu_u.secrecyAreaId'])
              .whereRef('pu.personId', '=', 'p.id'),
          ),
      ).as('otherPlacements'),
    )
    // A record merged into another is history: the survivor stands for the person.
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('personMerges as pm')
            .select('pm.id')
            .whereRef('pm.mergedId', '=', 'p.id')
            .where('pm.undoneAt', 'is', null),
        ),
      ),
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
        eb.exists(
          eb
            .selectFrom('personUnits as pu')
            .select('pu.personId')
            .whereRef('pu.personId', '=', 'p.id')
            .where('pu.unitId', 'in', unitIds),
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
      | 'protectionFromPersonId'
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

/**
 * Registers a person unless their identity number is already registered in the organisation
 * (the database's unique index decides, so two intakes at once cannot both register her).
 * Returns the new id, or undefined when the number was taken.
 */
export const insertPersonUnlessRegistered = async (tx: Tx, values: NewPerson) =>
  (
    await tx
      .insertInto('persons')
      .values(values)
      .onConflict((conflict) =>
        conflict
          .columns(['organisationId', 'personalNumber'])
          .where('personalNumber', 'is not', null)
          .where('duplicateOf', 'is', null)
          .doNothing(),
      )
      .returning('id')
      .executeTakeFirst()
  )?.id;

/** The person registered with an identity number in the request's organisation. */
export const findPersonByNumber = (tx: Tx, personalNumber: string) =>
  tx
    .selectFrom('persons')
    .select(['id', 'unitId', 'protectionLevel'])
    .where('personalNumber', '=', personalNumber)
    .where('duplicateOf', 'is', null)
    .executeTakeFirst();

/** Places a person in a further unit; returns whether she was not placed there before. */
export const placePersonInUnit = async (
  tx: Tx,
  values: {
    organisationId: string;
    personId: string;
    unitId: string;
    placedBy: string;
    placedAt: Date;
  },
) =>
  (await tx
    .insertInto('personUnits')
    .values(values)
    .onConflict((conflict) => conflict.columns(['personId', 'unitId']).doNothing())
    .returning('personId')
    .executeTakeFirst()) !== undefined;

/**
 * Sets the protection of every record of one identity number (a person and any duplicates not
 * yet merged): protection belongs to the person, not to one record of her.
 */
export const setProtectionOfNumber = (
  tx: Tx,
  personalNumber: string,
  level: NewPerson['protectionLevel'],
  now: Date,
) =>
  tx
    .updateTable('persons')
    .set((eb) => ({ protectionLevel: level, updatedAt: now, version: eb('version', '+', 1) }))
    .where('personalNumber', '=', personalNumber)
    .where('protectionLevel', '<>', level)
    .returning('id')
    .execute();

/**
 * Persons without a number, reachable from the given units, with the same given and family
 * name (and the same birth date when both have one): possibly the person about to be registered.
 */
export const findSimilarPersons = async (
  tx: Tx,
  unitIds: readonly string[],
  person: { givenName: string; familyName: string; birthDate: string | null },
  /** Only persons without a number (intake's warning); a merge looks at everyone of the name. */
  withoutNumber = true,
) => {
  if (unitIds.length === 0) return [];
  let select = personsReachableFrom(tx, unitIds)
    .$if(withoutNumber, (query) => query.where('p.personalNumber', 'is', null))
    .where(sql<boolean>`p.given_name_key = lower(${person.givenName.trim()})`)
    .where(sql<boolean>`p.family_name_key = lower(${person.familyName.trim()})`);
  if (person.birthDate !== null)
    select = select.where((eb) =>
      eb.or([eb('p.birthDate', 'is', null), eb('p.birthDate', '=', person.birthDate)]),
    );
  return select.limit(20).execute();
};

/**
 * The people registered with a person: the children of their cases (a parent's case linked to a
 * child's case) and members of their household. Never the other side of a victim–perpetrator link.
 */
export const householdOf = (tx: Tx, personId: string) =>
  tx
    .selectFrom('cases as own')
    .innerJoin('caseLinks as l', 'l.caseId', 'own.id')
    .innerJoin('cases as other', 'other.id', 'l.linkedCaseId')
    .innerJoin('persons as p', 'p.id', 'other.personId')
    .select(['p.id', 'p.protectionLevel', 'p.personalNumber'])
    .distinct()
    .where('own.personId', '=', personId)
    .where('p.id', '<>', personId)
    .where((eb) =>
      eb.or([
        eb('l.kind', '=', 'household'),
        eb.and([eb('l.kind', '=', 'parentChild'), eb('other.type', '=', 'childExposed')]),
      ]),
    )
    .execute();

/** Gives a person the protection carried from another (a parent), stronger levels kept. */
export const carryProtection = (
  tx: Tx,
  personId: string,
  level: NewPerson['protectionLevel'],
  fromPersonId: string,
  now: Date,
) =>
  tx
    .updateTable('persons')
    .set((eb) => ({
      protectionLevel: level,
      protectionFromPersonId: fromPersonId,
      updatedAt: now,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', personId)
    .execute();
