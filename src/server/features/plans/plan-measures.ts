/**
 * The measures of a safety plan: adding one, moving it along its lifecycle, rejecting a suggestion.
 */
import { DomainError, ruleViolation, staleVersion } from '../../../domain/errors';
import { planStatusChange, type MeasureStatus } from '../../../domain/risk-management/plan';
import { encryptField } from '../../platform/crypto/field-encryption';
import type { CommandContext } from '../../platform/http/context';
import {
  ensurePlan,
  findPlanCaseId,
  findPlanMeasure,
  insertPlanEvent,
  insertPlanMeasure,
  updateMeasureStatusIfVersion,
} from './plan.repository';
import { loadCaseFor } from '../../platform/runtime/case-access';
import { loadMeasures } from './organisation-measures';
import { auditPersonEvent, runAudited } from '../../platform/runtime/person-access';
import { planView } from './plan-view';
import { measureOf } from './safety-plan-shared';
import { planContext as contexts } from './plan.presenter';

/** Adds a measure (a suggestion accepted, or the worker's own) with its owner and dates. */
export const addMeasure = (
  ctx: CommandContext,
  caseId: string,
  input: {
    measureCode: string;
    ownerOrganisation: string;
    ownerFunction: string | null;
    dueOn: string | null;
    reviewOn: string | null;
    suggestedBy: string[];
  },
) =>
  runAudited(ctx, async (tx) => {
    if (!measureOf(await loadMeasures(ctx, tx), input.measureCode)?.enabled)
      throw new DomainError('validation.invalid', {
        fields: [
          {
            path: 'body.measureCode',
            message: 'Åtgärden finns inte i er katalog.',
            code: 'notAnId',
          },
        ],
      });
    const { record, decision } = await loadCaseFor(ctx, tx, caseId, 'case.write', {
      audit: 'plan.measure_added',
      reads: 'safetyPlan',
    });
    const now = ctx.now();
    const plan = await ensurePlan(tx, ctx.actor.organisationId, caseId, now);
    const { id } = await insertPlanMeasure(tx, {
      organisationId: ctx.actor.organisationId,
      planId: plan.id,
      measureCode: input.measureCode,
      ownerOrganisation: input.ownerOrganisation,
      ownerFunction: input.ownerFunction,
      status: 'proposed',
      statusReasonEnc: null,
      dueOn: input.dueOn,
      reviewOn: input.reviewOn,
      suggestedBy: input.suggestedBy,
      createdBy: ctx.actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    await insertPlanEvent(tx, {
      organisationId: ctx.actor.organisationId,
      planId: plan.id,
      measureId: id,
      kind: 'measureAdded',
      measureCode: input.measureCode,
      toStatus: 'proposed',
      reasonEnc: null,
      actorUserId: ctx.actor.userId,
      occurredAt: now,
    });
    await auditPersonEvent(ctx, tx, {
      type: 'plan.measure_added',
      personId: record.personId,
      reason: decision.reason,
      details: { caseId, measure: input.measureCode },
    });
    return planView(ctx, tx, record);
  });

/** Moves a measure along its lifecycle; declining and ending need a reason. */
export const changeMeasureStatus = (
  ctx: CommandContext,
  measureId: string,
  input: { to: MeasureStatus; reason: string | null; version: number },
) =>
  runAudited(ctx, async (tx) => {
    const measure = await findPlanMeasure(tx, measureId);
    if (!measure) throw new DomainError('not_found', { message: 'Åtgärden finns inte.' });
    const plan = await findPlanCaseId(tx, measure.planId);
    const { record, decision } = await loadCaseFor(ctx, tx, plan.caseId, 'case.write', {
      audit: 'plan.measure_status_changed',
      reads: 'safetyPlan',
    });
    const change = planStatusChange(measure.status, input.to, input.reason);
    if (!change.ok) throw ruleViolation(change.code, change.message);
    const now = ctx.now();
    const reasonEnc = input.reason
      ? encryptField(ctx.keys, contexts.statusReason, input.reason)
      : null;
    if (
      !(await updateMeasureStatusIfVersion(tx, measureId, input.version, {
        status: input.to,
        statusReasonEnc: reasonEnc,
        updatedAt: now,
      }))
    )
      throw staleVersion('Någon annan har ändrat åtgärden. Läs in planen igen.');
    await insertPlanEvent(tx, {
      organisationId: ctx.actor.organisationId,
      planId: measure.planId,
      measureId,
      kind: 'statusChanged',
      measureCode: measure.measureCode,
      toStatus: input.to,
      reasonEnc: input.reason ? encryptField(ctx.keys, contexts.eventReason, input.reason) : null,
      actorUserId: ctx.actor.userId,
      occurredAt: now,
    });
    await auditPersonEvent(ctx, tx, {
      type: 'plan.measure_status_changed',
      personId: record.personId,
      reason: decision.reason,
      details: { caseId: record.id, measure: measure.measureCode, to: input.to },
    });
    return planView(ctx, tx, record);
  });

/** Rejects a suggested measure with a reason, kept in the plan's history. */
export const rejectSuggestion = (
  ctx: CommandContext,
  caseId: string,
  input: { measureCode: string; reason: string },
) =>
  runAudited(ctx, async (tx) => {
    const { record, decision } = await loadCaseFor(ctx, tx, caseId, 'case.write', {
      audit: 'plan.suggestion_rejected',
      reads: 'safetyPlan',
    });
    if (!measureOf(await loadMeasures(ctx, tx), input.measureCode))
      throw new DomainError('validation.invalid', {
        fields: [
          {
            path: 'body.measureCode',
            message: 'Åtgärden finns inte i er katalog.',
            code: 'notAnId',
          },
        ],
      });
    const now = ctx.now();
    const plan = await ensurePlan(tx, ctx.actor.organisationId, caseId, now);
    await insertPlanEvent(tx, {
      organisationId: ctx.actor.organisationId,
      planId: plan.id,
      measureId: null,
      kind: 'suggestionRejected',
      measureCode: input.measureCode,
      toStatus: null,
      reasonEnc: encryptField(ctx.keys, contexts.eventReason, input.reason),
      actorUserId: ctx.actor.userId,
      occurredAt: now,
    });
    await auditPersonEvent(ctx, tx, {
      type: 'plan.suggestion_rejected',
      personId: record.personId,
      reason: decision.reason,
      details: { caseId, measure: input.measureCode },
    });
    return planView(ctx, tx, record);
  });
