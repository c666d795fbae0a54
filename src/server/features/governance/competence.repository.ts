import type { Insertable } from 'kysely';
import { dateText } from '../../platform/db/date-text';
import type { CompetenceRecordsTable } from '../../platform/db/schema';
import type { Tx } from '../../platform/db/transaction';

/** The courses the given users (at least one) have completed, with the day. */
export const listCompetenceRecords = (tx: Tx, userIds: readonly string[]) =>
  tx
    .selectFrom('competenceRecords')
    .select(['userId', 'courseCode', dateText('completedOn').as('completedOn')])
    .where('userId', 'in', userIds)
    .execute();

/** The instrument trainings the given users (at least one) have completed, with the day. */
export const listInstrumentTrainings = (tx: Tx, userIds: readonly string[]) =>
  tx
    .selectFrom('userTrainings')
    .select(['userId', 'instrumentId', dateText('completedOn').as('completedOn')])
    .where('userId', 'in', userIds)
    .execute();

/** One of the user's roles in the organisation, if they have any: whether they work there. */
export const findRoleInOrganisation = (tx: Tx, userId: string, organisationId: string) =>
  tx
    .selectFrom('roleAssignments')
    .select('userId')
    .where('userId', '=', userId)
    .where('organisationId', '=', organisationId)
    .executeTakeFirst();

export const insertCompetenceRecord = (tx: Tx, values: Insertable<CompetenceRecordsTable>) =>
  tx.insertInto('competenceRecords').values(values).execute();

/** Every role held in the organisation by an active user, with the unit, by unit and name. */
export const listStaffRoles = (tx: Tx, organisationId: string) =>
  tx
    .selectFrom('roleAssignments as ra')
    .innerJoin('users as u', 'u.id', 'ra.userId')
    .innerJoin('units as un', 'un.id', 'ra.unitId')
    .select(['ra.userId', 'ra.unitId', 'ra.role', 'u.displayName', 'un.name as unitName'])
    .where('ra.organisationId', '=', organisationId)
    .where('u.disabled', '=', false)
    .orderBy('un.name')
    .orderBy('u.displayName')
    .execute();
