import { sql, type Insertable } from 'kysely';
import type {
  ClientRatingsTable,
  FollowUpPlansTable,
  SatisfactionAnswersTable,
} from '../../platform/db/schema';
import type { Tx } from '../../platform/db/transaction';

/** The plan's follow-up dates as YYYY-MM-DD, as every other date leaves the database here. */
const planDates = sql<
  string[]
>`array(select to_char(d, 'YYYY-MM-DD') from unnest(follow_up_dates) d)`.as('dates');

/** The person's own ratings on the case, oldest first. */
export const listRatings = (tx: Tx, caseId: string) =>
  tx
    .selectFrom('clientRatings')
    .select(['id', 'phase', 'wellbeing', 'safety', 'violence', 'commentEnc'])
    .select((eb) => eb.fn<string>('to_char', ['ratedOn', eb.val('YYYY-MM-DD')]).as('ratedOn'))
    .where('caseId', '=', caseId)
    .orderBy('ratedOn')
    .orderBy('recordedAt')
    .execute();

/** The case's satisfaction answers, with the intervention's name where there is one. */
export const listSatisfactionAnswers = (tx: Tx, caseId: string) =>
  tx
    .selectFrom('satisfactionAnswers as a')
    .leftJoin('interventionTypes as t', 't.id', 'a.interventionTypeId')
    .select(['a.id', 'a.subject', 'a.score', 'a.commentEnc', 'a.housingProvider', 't.name'])
    .select((eb) =>
      eb.fn<string>('to_char', ['a.answeredOn', eb.val('YYYY-MM-DD')]).as('answeredOn'),
    )
    .where('a.caseId', '=', caseId)
    .orderBy('a.answeredOn')
    .execute();

/** The case's follow-up plan as the page shows it. */
export const findFollowUpPlan = (tx: Tx, caseId: string) =>
  tx
    .selectFrom('followUpPlans')
    .select(['consent', 'version'])
    .select((eb) => [
      eb.fn<string>('to_char', ['closedOn', eb.val('YYYY-MM-DD')]).as('closedOn'),
      planDates,
    ])
    .where('caseId', '=', caseId)
    .executeTakeFirst();

/** The case's follow-up plan as a change to it needs it: its id, consent and dates. */
export const findFollowUpPlanForChange = (tx: Tx, caseId: string) =>
  tx
    .selectFrom('followUpPlans')
    .select(['id', 'consent'])
    .select(planDates)
    .where('caseId', '=', caseId)
    .executeTakeFirst();

export const insertRating = (tx: Tx, values: Insertable<ClientRatingsTable>) =>
  tx.insertInto('clientRatings').values(values).returning('id').executeTakeFirstOrThrow();

export const insertSatisfactionAnswer = (tx: Tx, values: Insertable<SatisfactionAnswersTable>) =>
  tx.insertInto('satisfactionAnswers').values(values).returning('id').executeTakeFirstOrThrow();

type PlanChanges = {
  consent: boolean;
  closedOn: string;
  followUpDates: string[];
  recordedBy: string;
  recordedAt: Date;
};

/** Saves the plan at the version read; false when someone changed it since. */
export const updateFollowUpPlanIfVersion = async (
  tx: Tx,
  planId: string,
  version: number,
  changes: PlanChanges,
) =>
  (await tx
    .updateTable('followUpPlans')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('id', '=', planId)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst()) !== undefined;

/** The case's first plan; false when another one got there first (one plan per case). */
export const insertFollowUpPlanIfNone = async (tx: Tx, values: Insertable<FollowUpPlansTable>) =>
  (await tx
    .insertInto('followUpPlans')
    .values(values)
    .onConflict((conflict) => conflict.column('caseId').doNothing())
    .returning('id')
    .executeTakeFirst()) !== undefined;

/** Marks the case's open follow-up tasks due on the given days (YYYY-MM-DD) as done. */
export const closeFollowUpTasks = (
  tx: Tx,
  caseId: string,
  dates: readonly string[],
  done: { doneAt: Date; doneBy: string },
) =>
  tx
    .updateTable('caseTasks')
    .set((eb) => ({ ...done, version: eb('version', '+', 1) }))
    .where('caseId', '=', caseId)
    .where('kind', '=', 'followUp')
    .where('doneAt', 'is', null)
    .where(sql<boolean>`to_char(due_on, 'YYYY-MM-DD') = any(${dates})`)
    .execute();
