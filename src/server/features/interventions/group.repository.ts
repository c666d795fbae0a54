import type { Insertable } from 'kysely';
import type { InterventionGroupsTable } from '../../platform/db/schema';
import type { Tx } from '../../platform/db/transaction';

/** The places (queued, admitted or left) in the given groups, in order of joining. */
export const listGroupPlaces = (tx: Tx, groupIds: readonly string[]) =>
  groupIds.length === 0
    ? Promise.resolve([])
    : tx
        .selectFrom('groupPlaces')
        .select(['id', 'groupId', 'caseId', 'version'])
        .select((eb) => [
          eb.fn<string>('to_char', ['addedOn', eb.val('YYYY-MM-DD')]).as('addedOn'),
          eb.fn<string | null>('to_char', ['admittedOn', eb.val('YYYY-MM-DD')]).as('admittedOn'),
          eb.fn<string | null>('to_char', ['leftOn', eb.val('YYYY-MM-DD')]).as('leftOn'),
        ])
        .where('groupId', 'in', groupIds)
        .orderBy('addedOn')
        .execute();

/** The organisation's groups with their intervention's name, by start. */
export const listGroupRows = (tx: Tx) =>
  tx
    .selectFrom('interventionGroups as g')
    .innerJoin('interventionTypes as t', 't.id', 'g.typeId')
    .select(['g.id', 'g.theme', 'g.capacity', 't.name as typeName'])
    .select((eb) => eb.fn<string>('to_char', ['g.startsOn', eb.val('YYYY-MM-DD')]).as('startsOn'))
    .orderBy('g.startsOn')
    .execute();

export const insertGroup = (tx: Tx, values: Insertable<InterventionGroupsTable>) =>
  tx.insertInto('interventionGroups').values(values).returning('id').executeTakeFirstOrThrow();

/** The group, its row locked so two admissions cannot both take the last place. */
export const findGroupForUpdate = (tx: Tx, groupId: string) =>
  tx
    .selectFrom('interventionGroups')
    .select(['id', 'capacity'])
    .where('id', '=', groupId)
    .forUpdate()
    .executeTakeFirst();

/** Puts someone who had left back in the queue from the given day. */
export const requeueGroupPlace = (tx: Tx, placeId: string, addedOn: string) =>
  tx
    .updateTable('groupPlaces')
    .set((eb) => ({
      addedOn,
      admittedOn: null,
      leftOn: null,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', placeId)
    .execute();

export const insertGroupPlace = (
  tx: Tx,
  values: { organisationId: string; groupId: string; caseId: string; addedOn: string },
) => tx.insertInto('groupPlaces').values(values).execute();

/** Admits to the group, or records leaving it, on the given day. */
export const updateGroupPlace = (
  tx: Tx,
  placeId: string,
  change: { admittedOn: string } | { leftOn: string },
) =>
  tx
    .updateTable('groupPlaces')
    .set((eb) => ({ ...change, version: eb('version', '+', 1) }))
    .where('id', '=', placeId)
    .execute();
