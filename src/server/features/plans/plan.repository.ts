import { sql, type Insertable } from 'kysely';
import type {
  AssessmentFollowThroughsTable,
  PlanEventsTable,
  PlanMeasuresTable,
} from '../../platform/db/schema';
import type { Tx } from '../../platform/db/transaction';

export const findPlanForCase = (tx: Tx, caseId: string) =>
  tx
    .selectFrom('safetyPlans')
    .select(['id', 'caseId', 'victimStrategiesEnc', 'outOfHoursEnc', 'version', 'updatedAt'])
    .select(sql<string | null>`to_char(review_on, 'YYYY-MM-DD')`.as('reviewOn'))
    .where('caseId', '=', caseId)
    .executeTakeFirst();

export type PlanRecord = NonNullable<Awaited<ReturnType<typeof findPlanForCase>>>;

/** The case's plan, created empty on first use (one living plan per case). */
export const ensurePlan = async (tx: Tx, organisationId: string, caseId: string, now: Date) => {
  await tx
    .insertInto('safetyPlans')
    .values({ organisationId, caseId, createdAt: now, updatedAt: now })
    .onConflict((conflict) => conflict.column('caseId').doNothing())
    .execute();
  return (await findPlanForCase(tx, caseId))!;
};

/** The case a plan belongs to. */
export const findPlanCaseId = (tx: Tx, planId: string) =>
  tx.selectFrom('safetyPlans').select('caseId').where('id', '=', planId).executeTakeFirstOrThrow();

/**
 * Saves the plan's own fields at the version read (sealed by the caller); false when someone
 * changed the plan since.
 */
export const updatePlanIfVersion = async (
  tx: Tx,
  planId: string,
  version: number,
  changes: {
    victimStrategiesEnc: string | null;
    outOfHoursEnc: string | null;
    reviewOn: string | null;
    updatedAt: Date;
  },
) =>
  (await tx
    .updateTable('safetyPlans')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('id', '=', planId)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst()) !== undefined;

const measureQuery = (tx: Tx) =>
  tx
    .selectFrom('planMeasures')
    .select([
      'id',
      'planId',
      'measureCode',
      'ownerOrganisation',
      'ownerFunction',
      'status',
      'statusReasonEnc',
      'suggestedBy',
      'version',
    ])
    .select(sql<string | null>`to_char(due_on, 'YYYY-MM-DD')`.as('dueOn'))
    .select(sql<string | null>`to_char(review_on, 'YYYY-MM-DD')`.as('reviewOn'));

export type PlanMeasureRecord = Awaited<
  ReturnType<ReturnType<typeof measureQuery>['execute']>
>[number];

export const listPlanMeasures = (tx: Tx, planId: string) =>
  measureQuery(tx).where('planId', '=', planId).orderBy('createdAt').execute();

export const findPlanMeasure = (tx: Tx, id: string) =>
  measureQuery(tx).where('id', '=', id).executeTakeFirst();

export const insertPlanMeasure = (tx: Tx, values: Insertable<PlanMeasuresTable>) =>
  tx.insertInto('planMeasures').values(values).returning('id').executeTakeFirstOrThrow();

export const updateMeasureStatusIfVersion = async (
  tx: Tx,
  id: string,
  version: number,
  change: { status: PlanMeasureRecord['status']; statusReasonEnc: string | null; updatedAt: Date },
) => {
  const result = await tx
    .updateTable('planMeasures')
    .set({ ...change, version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
};

export const insertPlanEvent = (tx: Tx, values: Insertable<PlanEventsTable>) =>
  tx.insertInto('planEvents').values(values).execute();

export const listPlanEvents = (tx: Tx, planId: string) =>
  tx
    .selectFrom('planEvents as e')
    .innerJoin('users as u', 'u.id', 'e.actorUserId')
    .select(['e.id', 'e.kind', 'e.measureCode', 'e.toStatus', 'e.reasonEnc', 'e.occurredAt'])
    .select('u.displayName as actorName')
    .where('e.planId', '=', planId)
    .orderBy('e.occurredAt')
    .execute();

export const listFollowThroughs = (tx: Tx, assessmentIds: readonly string[]) =>
  assessmentIds.length
    ? tx
        .selectFrom('assessmentFollowThroughs')
        .select(['assessmentId', 'planId', 'noMeasuresReasonEnc', 'closedAt'])
        .where('assessmentId', 'in', assessmentIds)
        .execute()
    : Promise.resolve([]);

/** Closes a signed assessment's loop, with a plan or a (sealed) reason why no measures. */
export const insertFollowThrough = (tx: Tx, values: Insertable<AssessmentFollowThroughsTable>) =>
  tx.insertInto('assessmentFollowThroughs').values(values).execute();
