/** The safety plan as the viewer sees it: its measures, the victim's own texts and its history. */
import type { Measure } from '../../../domain/risk-management/measures';
import { allowedNext } from '../../../domain/risk-management/plan';
import { decryptField, type KeyRing } from '../../platform/crypto/field-encryption';
import type { listPlanEvents, PlanMeasureRecord, PlanRecord } from './plan.repository';

export const planContext = {
  strategies: 'safety_plans.victim_strategies',
  outOfHours: 'safety_plans.out_of_hours',
  statusReason: 'plan_measures.status_reason',
  eventReason: 'plan_events.reason',
  noMeasures: 'assessment_follow_throughs.no_measures_reason',
} as const;

/** A measure in the plan, labelled from the organisation's catalogue (`measure`, when found there). */
export const presentMeasure = (
  row: PlanMeasureRecord,
  measure: Measure | undefined,
  keys: KeyRing,
) => ({
  id: row.id,
  code: row.measureCode,
  label: measure?.label ?? { sv: row.measureCode, en: row.measureCode },
  strategy: measure?.strategy ?? null,
  ownerOrganisation: row.ownerOrganisation,
  ownerFunction: row.ownerFunction,
  status: row.status,
  statusReason: row.statusReasonEnc
    ? decryptField(keys, planContext.statusReason, row.statusReasonEnc)
    : null,
  dueOn: row.dueOn,
  reviewOn: row.reviewOn,
  suggestedBy: row.suggestedBy,
  nextStatuses: [...allowedNext(row.status)],
  version: row.version,
});

/** The victim's own strategies and whom to call out of hours; none before there is a plan. */
export const presentPlanTexts = (
  plan: Pick<PlanRecord, 'victimStrategiesEnc' | 'outOfHoursEnc'> | undefined,
  keys: KeyRing,
) => ({
  victimStrategies: plan?.victimStrategiesEnc
    ? decryptField(keys, planContext.strategies, plan.victimStrategiesEnc)
    : null,
  outOfHours: plan?.outOfHoursEnc
    ? decryptField(keys, planContext.outOfHours, plan.outOfHoursEnc)
    : null,
});

/** One entry in the plan's history. */
export const presentPlanEvent = (
  event: Awaited<ReturnType<typeof listPlanEvents>>[number],
  keys: KeyRing,
) => ({
  kind: event.kind,
  measureCode: event.measureCode,
  toStatus: event.toStatus,
  reason: event.reasonEnc ? decryptField(keys, planContext.eventReason, event.reasonEnc) : null,
  actorName: event.actorName,
  occurredAt: event.occurredAt.toISOString(),
});
