import type { Insertable } from 'kysely';
import type { RoutineStep } from '../../../domain/governance/routines';
import { dateText } from '../../platform/db/date-text';
import type { RoutineVersionsTable, RoutinesTable } from '../../platform/db/schema';
import type { Tx } from '../../platform/db/transaction';

/** The organisation's routines by title, optionally only one step's. */
export const listRoutineRows = (tx: Tx, step: RoutineStep | null) => {
  let query = tx.selectFrom('routines').select(['id', 'title', 'step']).orderBy('title');
  if (step) query = query.where('step', '=', step);
  return query.execute();
};

/** Every version of the given routines (at least one), with its day of entry into force. */
export const listRoutineVersions = (tx: Tx, routineIds: readonly string[]) =>
  tx
    .selectFrom('routineVersions')
    .select([
      'id',
      'routineId',
      'versionNo',
      'body',
      'approvedBy',
      dateText('validFrom').as('validFrom'),
    ])
    .where('routineId', 'in', routineIds)
    .execute();

/** Who has read the given versions (at least one). */
export const listAcknowledgements = (tx: Tx, versionIds: readonly string[]) =>
  tx
    .selectFrom('routineAcknowledgements')
    .select(['versionId', 'userId'])
    .where('versionId', 'in', versionIds)
    .execute();

/** The users who hold any role in the organisation: its staff, each once. */
export const listStaffUserIds = (tx: Tx, organisationId: string) =>
  tx
    .selectFrom('roleAssignments')
    .select('userId')
    .distinct()
    .where('organisationId', '=', organisationId)
    .execute();

/** The routine with exactly this title, if any. */
export const findRoutineByTitle = (tx: Tx, title: string) =>
  tx.selectFrom('routines').select('id').where('title', '=', title).executeTakeFirst();

export const findRoutine = (tx: Tx, routineId: string) =>
  tx.selectFrom('routines').select('id').where('id', '=', routineId).executeTakeFirst();

export const insertRoutine = (tx: Tx, values: Insertable<RoutinesTable>) =>
  tx.insertInto('routines').values(values).returning('id').executeTakeFirstOrThrow();

/** The routine's highest version number so far (null when it has none). */
export const findLatestVersionNo = (tx: Tx, routineId: string) =>
  tx
    .selectFrom('routineVersions')
    .select((eb) => eb.fn.max('versionNo').as('versionNo'))
    .where('routineId', '=', routineId)
    .executeTakeFirst();

export const insertRoutineVersion = (tx: Tx, values: Insertable<RoutineVersionsTable>) =>
  tx.insertInto('routineVersions').values(values).execute();

/** The routine's versions with their number and day of entry into force. */
export const listVersionsOfRoutine = (tx: Tx, routineId: string) =>
  tx
    .selectFrom('routineVersions')
    .select(['id', 'versionNo', dateText('validFrom').as('validFrom')])
    .where('routineId', '=', routineId)
    .execute();

/** Records that the user has read the version; reading it again changes nothing. */
export const insertAcknowledgement = (
  tx: Tx,
  values: { organisationId: string; versionId: string; userId: string; acknowledgedAt: Date },
) =>
  tx
    .insertInto('routineAcknowledgements')
    .values(values)
    .onConflict((conflict) => conflict.columns(['versionId', 'userId']).doNothing())
    .execute();
