/**
 * Following a signed assessment through: closing its loop with the plan, and finding the ones still
 * open.
 */
import { DomainError, ruleViolation } from '../../../domain/errors';
import { checkFollowThrough } from '../../../domain/risk-management/plan';
import { encryptField } from '../../platform/crypto/field-encryption';
import type { Tx } from '../../platform/db/transaction';
import type { CommandContext } from '../../platform/http/context';
import {
  findAssessmentCaseAndSigning,
  listSignedAssessmentIds,
} from '../risk/assessment.repository';
import {
  findPlanForCase,
  insertFollowThrough,
  listFollowThroughs,
  listPlanMeasures,
} from './plan.repository';
import { loadCaseFor } from '../../platform/runtime/case-access';
import { auditPersonEvent, runAudited } from '../../platform/runtime/person-access';
import { planView } from './plan-view';
import { planContext as contexts } from './plan.presenter';

/**
 * Closes a signed assessment's loop: only with a plan that has a measure, or a written reason why
 * no measures are needed.
 */
export const followThrough = (
  ctx: CommandContext,
  assessmentId: string,
  input: { noMeasuresReason: string | null },
) =>
  runAudited(ctx, async (tx) => {
    const assessment = await findAssessmentCaseAndSigning(tx, assessmentId);
    if (!assessment) throw new DomainError('not_found', { message: 'Bedömningen finns inte.' });
    const { record, decision } = await loadCaseFor(ctx, tx, assessment.caseId, 'case.write', {
      audit: 'assessment.followed_through',
      reads: 'riskAssessments',
    });
    if (!assessment.signedAt)
      throw ruleViolation(
        'assessment.not_signed',
        'Signera bedömningen innan planen kopplas till den.',
      );
    if ((await listFollowThroughs(tx, [assessmentId])).length)
      throw ruleViolation('assessment.followed_through', 'Bedömningen är redan avslutad med plan.');
    const plan = await findPlanForCase(tx, record.id);
    const measures = plan ? await listPlanMeasures(tx, plan.id) : [];
    const check = checkFollowThrough({ measures, noMeasuresReason: input.noMeasuresReason });
    if (!check.ok) throw ruleViolation(check.code, check.message);
    const now = ctx.now();
    await insertFollowThrough(tx, {
      assessmentId,
      organisationId: ctx.actor.organisationId,
      planId: plan?.id ?? null,
      noMeasuresReasonEnc:
        measures.length === 0 && input.noMeasuresReason
          ? encryptField(ctx.keys, contexts.noMeasures, input.noMeasuresReason)
          : null,
      closedBy: ctx.actor.userId,
      closedAt: now,
    });
    await auditPersonEvent(ctx, tx, {
      type: 'assessment.followed_through',
      personId: record.personId,
      reason: decision.reason,
      details: { caseId: record.id, assessmentId, withPlan: measures.length > 0 },
    });
    return planView(ctx, tx, record);
  });

/** Signed assessments of a case that still lack a plan or a reasoned "no measures". */
export const assessmentsWithoutFollowThrough = async (tx: Tx, caseId: string) => {
  const signed = await listSignedAssessmentIds(tx, caseId);
  const done = await listFollowThroughs(
    tx,
    signed.map((row) => row.id),
  );
  return signed.filter((row) => !done.some((entry) => entry.assessmentId === row.id));
};
