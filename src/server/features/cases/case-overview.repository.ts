import type { MeasureStatus } from '../../../domain/risk-management/plan';
import type { Tx } from '../../platform/db/transaction';
import { findPlanForCase } from '../plans/plan.repository';

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
  const plan = await findPlanForCase(tx, caseId);
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
