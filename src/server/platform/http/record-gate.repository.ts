import type { Tx } from '../db/transaction';

/**
 * The record gate's look-ups: which case, meeting or person a record named in a path belongs
 * to. They fetch only the owning id; the gate asks the policy about the owner.
 */

/** The case of a record that belongs to one case (its `caseId`). */
export const findCaseIdOf = async (
  tx: Tx,
  table: 'riskAssessments' | 'caseTasks' | 'caseHandovers',
  id: string,
) => (await tx.selectFrom(table).select('caseId').where('id', '=', id).executeTakeFirst())?.caseId;

/** The meeting of a record that belongs to one meeting (its `meetingId`). */
export const findMeetingIdOf = (tx: Tx, table: 'meetingItems' | 'meetingActions', id: string) =>
  tx.selectFrom(table).select('meetingId').where('id', '=', id).executeTakeFirst();

/** The case a plan measure belongs to, through its plan. */
export const findCaseIdOfMeasure = async (tx: Tx, measureId: string) =>
  (
    await tx
      .selectFrom('planMeasures as m')
      .innerJoin('safetyPlans as p', 'p.id', 'm.planId')
      .select('p.caseId')
      .where('m.id', '=', measureId)
      .executeTakeFirst()
  )?.caseId;

/** The victim's case a request to link asks. */
export const findCaseIdAskedByLinkRequest = async (tx: Tx, id: string) =>
  (await tx.selectFrom('linkRequests').select('toCaseId').where('id', '=', id).executeTakeFirst())
    ?.toCaseId;

/** The record a merge kept. */
export const findMergeSurvivor = (tx: Tx, mergeId: string) =>
  tx.selectFrom('personMerges').select('survivorId').where('id', '=', mergeId).executeTakeFirst();

/** The case a request for a place was sent from, and the two organisations it is between. */
export const findHousingRequestParties = (tx: Tx, id: string) =>
  tx
    .selectFrom('housingRequests')
    .select(['caseId', 'fromOrganisationId', 'toOrganisationId'])
    .where('id', '=', id)
    .executeTakeFirst();
