import type { Insertable, Updateable } from 'kysely';
import type { SipCommitmentsTable, SipPlansTable } from '../../platform/db/schema';
import type { Tx } from '../../platform/db/transaction';

/** A case's coordinated individual plan (SIP), with its follow-up day as text. */
export const findSipPlan = (tx: Tx, caseId: string) =>
  tx
    .selectFrom('sipPlans')
    .selectAll()
    .select((eb) =>
      eb.fn<string>('to_char', ['followUpOn', eb.val('YYYY-MM-DD')]).as('followUpOnText'),
    )
    .where('caseId', '=', caseId)
    .executeTakeFirst();

export type SipPlanRecord = NonNullable<Awaited<ReturnType<typeof findSipPlan>>>;

export const insertSipPlan = (tx: Tx, values: Insertable<SipPlansTable>) =>
  tx.insertInto('sipPlans').values(values).execute();

/** Changes the plan if nobody changed it since `version`; false when stale. */
export const updateSipPlanIfVersion = async (
  tx: Tx,
  id: string,
  version: number,
  values: Updateable<SipPlansTable>,
) => {
  const done = await tx
    .updateTable('sipPlans')
    .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst();
  return done !== undefined;
};

/** The agencies' commitments in a plan, earliest last day first. */
export const listSipCommitments = (tx: Tx, planId: string) =>
  tx
    .selectFrom('sipCommitments')
    .selectAll()
    .select((eb) => eb.fn<string>('to_char', ['dueOn', eb.val('YYYY-MM-DD')]).as('dueOnText'))
    .where('planId', '=', planId)
    .orderBy('dueOn')
    .execute();

export const insertSipCommitment = (tx: Tx, values: Insertable<SipCommitmentsTable>) =>
  tx.insertInto('sipCommitments').values(values).execute();
