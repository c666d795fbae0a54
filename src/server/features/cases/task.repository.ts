import { sql, type Insertable } from 'kysely';
import type { CaseHandoversTable, CaseTasksTable } from '../../platform/db/schema';
import type { TaskKind } from '../../../domain/cases/tasks';
import type { Tx } from '../../platform/db/transaction';

const taskQuery = (tx: Tx) =>
  tx
    .selectFrom('caseTasks as t')
    .leftJoin('users as a', 'a.id', 't.assigneeUserId')
    .select([
      't.id',
      't.caseId',
      't.kind',
      't.noteEnc',
      't.assigneeUserId',
      'a.displayName as assigneeName',
      't.sourceEventId',
      't.doneAt',
      't.version',
    ])
    // A date stays a calendar day: no time zone, on both engines.
    .select(sql<string>`to_char(t.due_on, 'YYYY-MM-DD')`.as('dueOn'));

export type TaskRecord = Awaited<
  ReturnType<ReturnType<typeof taskQuery>['executeTakeFirstOrThrow']>
>;

export const insertTask = (tx: Tx, values: Insertable<CaseTasksTable>) =>
  tx.insertInto('caseTasks').values(values).returning('id').executeTakeFirstOrThrow();

export const findTask = (tx: Tx, id: string) =>
  taskQuery(tx).where('t.id', '=', id).executeTakeFirst();

/** A case's tasks: open ones first by due date, then the done ones. */
export const listTasksForCase = (tx: Tx, caseId: string) =>
  taskQuery(tx)
    .where('t.caseId', '=', caseId)
    .orderBy(sql`t.done_at is not null`)
    .orderBy('t.dueOn')
    .execute();

/** Open tasks assigned to a user, earliest due first (the case ids go through the policy). */
export const listOpenTasksAssignedTo = (tx: Tx, userId: string, limit: number) =>
  taskQuery(tx)
    .where('t.assigneeUserId', '=', userId)
    .where('t.doneAt', 'is', null)
    .orderBy('t.dueOn')
    .limit(limit)
    .execute();

export const markTaskDoneIfVersion = async (
  tx: Tx,
  id: string,
  version: number,
  done: { doneAt: Date; doneBy: string },
) => {
  const result = await tx
    .updateTable('caseTasks')
    .set({ ...done, version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('doneAt', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
};

/** When responsibility moves, the old owner's open tasks on the case move with it. */
export const reassignOpenTasks = (
  tx: Tx,
  caseId: string,
  fromUserId: string | null,
  toUserId: string,
) =>
  tx
    .updateTable('caseTasks')
    .set({ assigneeUserId: toUserId, version: sql`version + 1` })
    .where('caseId', '=', caseId)
    .where('doneAt', 'is', null)
    .where((eb) =>
      fromUserId
        ? eb.or([eb('assigneeUserId', '=', fromUserId), eb('assigneeUserId', 'is', null)])
        : eb('assigneeUserId', 'is', null),
    )
    .execute();

const handoverQuery = (tx: Tx) =>
  tx
    .selectFrom('caseHandovers as h')
    .innerJoin('users as p', 'p.id', 'h.proposedBy')
    .innerJoin('users as r', 'r.id', 'h.toUserId')
    .select([
      'h.id',
      'h.caseId',
      'h.fromUserId',
      'h.toUserId',
      'r.displayName as toName',
      'h.summaryEnc',
      'p.displayName as proposedByName',
      'h.proposedAt',
      'h.acknowledgedAt',
      'h.cancelledAt',
    ]);

export type HandoverRecord = Awaited<
  ReturnType<ReturnType<typeof handoverQuery>['executeTakeFirstOrThrow']>
>;

export const insertHandover = (tx: Tx, values: Insertable<CaseHandoversTable>) =>
  tx.insertInto('caseHandovers').values(values).returning('id').executeTakeFirstOrThrow();

export const findHandover = (tx: Tx, id: string) =>
  handoverQuery(tx).where('h.id', '=', id).executeTakeFirst();

export const findPendingHandover = (tx: Tx, caseId: string) =>
  handoverQuery(tx)
    .where('h.caseId', '=', caseId)
    .where('h.acknowledgedAt', 'is', null)
    .where('h.cancelledAt', 'is', null)
    .executeTakeFirst();

export const listPendingHandoversTo = (tx: Tx, userId: string) =>
  handoverQuery(tx)
    .where('h.toUserId', '=', userId)
    .where('h.acknowledgedAt', 'is', null)
    .where('h.cancelledAt', 'is', null)
    .orderBy('h.proposedAt')
    .execute();

export const closeHandover = (
  tx: Tx,
  id: string,
  change: { acknowledgedAt: Date } | { cancelledAt: Date },
) => tx.updateTable('caseHandovers').set(change).where('id', '=', id).execute();

/** Open tasks of a kind whose last day has passed, in the given units (the team leader's list). */
export const listOverdueTasksInUnits = (
  tx: Tx,
  unitIds: readonly string[],
  kind: string,
  today: string,
) =>
  unitIds.length
    ? taskQuery(tx)
        .innerJoin('cases as c', 'c.id', 't.caseId')
        .where('c.unitId', 'in', unitIds)
        .where('t.kind', '=', kind as TaskKind)
        .where('t.doneAt', 'is', null)
        .where('t.dueOn', '<', today)
        .orderBy('t.dueOn')
        .execute()
    : Promise.resolve([]);

/**
 * Every role held by the users who hold a role in `unitId`, except `exceptUserId`, with each
 * unit's secrecy area: the candidates for taking a case over, by name.
 */
export const listRolesOfUnitColleagues = (tx: Tx, unitId: string, exceptUserId: string) =>
  tx
    .selectFrom('roleAssignments as ra')
    .innerJoin('units as un', 'un.id', 'ra.unitId')
    .innerJoin('users as u', 'u.id', 'ra.userId')
    .select([
      'ra.userId',
      'u.displayName',
      'ra.organisationId',
      'ra.unitId',
      'ra.role',
      'un.secrecyAreaId',
    ])
    .where('ra.userId', 'in', (eb) =>
      eb.selectFrom('roleAssignments').select('userId').where('unitId', '=', unitId),
    )
    .where('ra.userId', '<>', exceptUserId)
    .orderBy('u.displayName')
    .execute();
