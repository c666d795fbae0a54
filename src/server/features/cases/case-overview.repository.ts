import { sql } from 'kysely';
import type { MeasureStatus } from '../../../domain/risk-management/plan';
import type { Tx } from '../../platform/db/transaction';

/** The case's assessments without their content: enough to say the latest level and the drafts. */
export const listAssessmentHeads = (tx: Tx, caseId: string) =>
  tx
    .selectFrom('riskAssessments')
    .select(['id', 'instrumentId', 'finalLevel', 'signedAt', 'origin'])
    .where('caseId', '=', caseId)
    .orderBy('createdAt')
    .execute();

/** The plan's next review and how many of its measures stand in each status. */
export const findPlanHead = async (tx: Tx, caseId: string) => {
  const plan = await tx
    .selectFrom('safetyPlans')
    .select('id')
    .select(sql<string | null>`to_char(review_on, 'YYYY-MM-DD')`.as('reviewOn'))
    .where('caseId', '=', caseId)
    .executeTakeFirst();
  if (!plan) return null;
  const counts = await tx
    .selectFrom('planMeasures')
    .select(['status', (eb) => eb.fn.countAll<string>().as('count')])
    .where('planId', '=', plan.id)
    .groupBy('status')
    .execute();
  return {
    reviewOn: plan.reviewOn,
    measures: counts.map((row) => ({
      status: row.status as MeasureStatus,
      count: Number(row.count),
    })),
  };
};
