import type { Insertable } from 'kysely';
import type { LinkRequestsTable } from '../../platform/db/schema';
import type { Tx } from '../../platform/db/transaction';

/** Requests to link a perpetrator's case to a victim's. Commands decide; these fetch and store. */

/**
 * A person's open victim cases, found by her number (any record of it, merged or not). Read
 * for the request only: the asker never sees them.
 */
export const openVictimCasesByNumber = (tx: Tx, personalNumber: string) =>
  tx
    .selectFrom('cases as c')
    .innerJoin('persons as p', 'p.id', 'c.personId')
    .select(['c.id', 'c.personId'])
    .where('p.personalNumber', '=', personalNumber)
    .where('c.type', '=', 'adultVictim')
    .where('c.stage', '<>', 'closed')
    .execute();

/** Records a request unless one was made before between the two cases; returns whether new. */
export const insertLinkRequest = async (tx: Tx, values: Insertable<LinkRequestsTable>) =>
  (await tx
    .insertInto('linkRequests')
    .values(values)
    .onConflict((conflict) => conflict.columns(['fromCaseId', 'toCaseId']).doNothing())
    .returning('id')
    .executeTakeFirst()) !== undefined;

export const findLinkRequest = (tx: Tx, id: string) =>
  tx.selectFrom('linkRequests').selectAll().where('id', '=', id).executeTakeFirst();

/** The requests to a victim's case, newest first, with the asking unit's name. */
export const listLinkRequestsTo = (tx: Tx, caseId: string) =>
  tx
    .selectFrom('linkRequests as r')
    .innerJoin('cases as c', 'c.id', 'r.fromCaseId')
    .innerJoin('units as u', 'u.id', 'c.unitId')
    .select([
      'r.id',
      'r.status',
      'r.requestedAt',
      'r.answeredAt',
      'r.version',
      'u.name as fromUnitName',
    ])
    .where('r.toCaseId', '=', caseId)
    .orderBy('r.requestedAt', 'desc')
    .execute();

/** Answers a pending request at the version read; undefined when answered or changed since. */
export const answerLinkRequestIfPending = (
  tx: Tx,
  id: string,
  version: number,
  answer: { status: 'accepted' | 'declined'; answeredBy: string; answeredAt: Date },
) =>
  tx
    .updateTable('linkRequests')
    .set((eb) => ({ ...answer, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', '=', 'pending')
    .returning(['status', 'version'])
    .executeTakeFirst();
