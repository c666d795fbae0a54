import { swedishDate } from '../../domain/calendar';
import { DomainError, ruleViolation, staleVersion } from '../../domain/errors';
import { factorFindings, type RiskLevel } from '../../domain/risk/assessment';
import {
  allowedNext,
  checkFollowThrough,
  isUnderWay,
  planStatusChange,
  type MeasureStatus,
} from '../../domain/risk-management/plan';
import { provisionWarnings, suggestMeasures } from '../../domain/risk-management/suggestions';
import { decryptField, encryptField } from '../crypto/field-encryption';
import type { Tx } from '../db/transaction';
import type { CommandContext } from '../http/context';
import { readContent } from '../presenters/assessment.presenter';
import type { CaseRecord } from '../repositories/case.repository';
import { listAssessmentsForCase } from '../repositories/assessment.repository';
import {
  ensurePlan,
  findPlanForCase,
  findPlanMeasure,
  insertPlanEvent,
  insertPlanMeasure,
  listFollowThroughs,
  listPlanEvents,
  listPlanMeasures,
  updateMeasureStatusIfVersion,
  type PlanMeasureRecord,
} from '../repositories/plan.repository';
import { insertTask } from '../repositories/task.repository';
import { loadCaseFor } from './case-access';
import { loadMeasures } from './organisation-measures';
import { auditPersonEvent, runAudited } from './person-access';

const contexts = {
  strategies: 'safety_plans.victim_strategies',
  outOfHours: 'safety_plans.out_of_hours',
  statusReason: 'plan_measures.status_reason',
  eventReason: 'plan_events.reason',
  noMeasures: 'assessment_follow_throughs.no_measures_reason',
} as const;

type Catalogue = Awaited<ReturnType<typeof loadMeasures>>;

const measureOf = (catalogue: Catalogue, code: string) =>
  catalogue.find((measure) => measure.code === code);

const presentMeasure = (ctx: CommandContext, catalogue: Catalogue, row: PlanMeasureRecord) => {
  const measure = measureOf(catalogue, row.measureCode);
  return {
    id: row.id,
    code: row.measureCode,
    label: measure?.label ?? { sv: row.measureCode, en: row.measureCode },
    strategy: measure?.strategy ?? null,
    ownerOrganisation: row.ownerOrganisation,
    ownerFunction: row.ownerFunction,
    status: row.status,
    statusReason: row.statusReasonEnc
      ? decryptField(ctx.keys, contexts.statusReason, row.statusReasonEnc)
      : null,
    dueOn: row.dueOn,
    reviewOn: row.reviewOn,
    suggestedBy: row.suggestedBy,
    nextStatuses: [...allowedNext(row.status)],
    version: row.version,
  };
};

/** The latest signed assessment of the case: its level and what it found, for the rules. */
const latestSigned = async (ctx: CommandContext, tx: Tx, caseId: string) => {
  const signed = (await listAssessmentsForCase(tx, caseId)).filter((row) => row.signedAt);
  const latest = signed.sort((a, b) => b.signedAt!.getTime() - a.signedAt!.getTime())[0];
  if (!latest || !latest.finalLevel) return { signed, latest: null };
  const definition = ctx.instruments.instruments.get(latest.instrumentId);
  const findings = definition
    ? factorFindings(definition, readContent(ctx.keys, latest))
    : new Map();
  return {
    signed,
    latest: {
      id: latest.id,
      level: latest.finalLevel as RiskLevel,
      findings,
      signedAt: latest.signedAt!,
    },
  };
};

const planView = async (ctx: CommandContext, tx: Tx, record: CaseRecord) => {
  const catalogue = await loadMeasures(ctx, tx);
  const plan = await findPlanForCase(tx, record.id);
  const measures = plan ? await listPlanMeasures(tx, plan.id) : [];
  const events = plan ? await listPlanEvents(tx, plan.id) : [];
  const { signed, latest } = await latestSigned(ctx, tx, record.id);
  const underWay = measures.filter((row) => isUnderWay(row.status));
  // A suggestion rejected since the latest assessment stays rejected until a new one is signed.
  const rejected = new Set(
    events
      .filter(
        (event) =>
          event.kind === 'suggestionRejected' && latest && event.occurredAt >= latest.signedAt,
      )
      .map((event) => event.measureCode!),
  );
  const suggestions = latest
    ? suggestMeasures(
        ctx.riskManagement.rules,
        // Only what the organisation can offer is suggested.
        { version: '', measures: catalogue.filter((measure) => measure.enabled) },
        latest,
        new Set([...underWay.map((row) => row.measureCode), ...rejected]),
      )
    : [];
  const followThroughs = await listFollowThroughs(
    tx,
    signed.map((row) => row.id),
  );
  return {
    caseId: record.id,
    planId: plan?.id ?? null,
    version: plan?.version ?? 0,
    victimStrategies: plan?.victimStrategiesEnc
      ? decryptField(ctx.keys, contexts.strategies, plan.victimStrategiesEnc)
      : null,
    outOfHours: plan?.outOfHoursEnc
      ? decryptField(ctx.keys, contexts.outOfHours, plan.outOfHoursEnc)
      : null,
    reviewOn: plan?.reviewOn ?? null,
    riskLevel: latest?.level ?? null,
    measures: measures.map((row) => presentMeasure(ctx, catalogue, row)),
    suggestions: suggestions.map((suggestion) => ({
      code: suggestion.measure.code,
      label: suggestion.measure.label,
      strategy: suggestion.measure.strategy,
      usualOwner: suggestion.measure.usualOwner,
      needs: suggestion.measure.needs,
      reasons: suggestion.reasons,
    })),
    warnings: latest
      ? provisionWarnings(
          latest.level,
          underWay.flatMap((row) => measureOf(catalogue, row.measureCode) ?? []),
        )
      : [],
    assessmentsToFollowThrough: signed
      .filter((row) => !followThroughs.some((done) => done.assessmentId === row.id))
      .map((row) => ({
        id: row.id,
        instrumentId: row.instrumentId,
        signedAt: row.signedAt!.toISOString(),
      })),
    history: events.map((event) => ({
      kind: event.kind,
      measureCode: event.measureCode,
      toStatus: event.toStatus,
      reason: event.reasonEnc
        ? decryptField(ctx.keys, contexts.eventReason, event.reasonEnc)
        : null,
      actorName: event.actorName,
      occurredAt: event.occurredAt.toISOString(),
    })),
  };
};

export type PlanView = Awaited<ReturnType<typeof planView>>;

/** The plan as the viewer may see it, for documents built in the same transaction. */
export const readPlanView = planView;

export const readSafetyPlan = (ctx: CommandContext, caseId: string) =>
  runAudited(ctx, async (tx) => {
    const { record, decision } = await loadCaseFor(ctx, tx, caseId, 'case.read', {
      audit: 'plan.read',
      reads: 'safetyPlan',
    });
    await auditPersonEvent(ctx, tx, {
      type: 'plan.read',
      personId: record.personId,
      reason: decision.reason,
      breakGlassId: decision.breakGlassId,
      details: { caseId },
    });
    return planView(ctx, tx, record);
  });

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
        fields: [{ path: 'body.measureCode', message: 'Åtgärden finns inte i er katalog.' }],
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
    const plan = await tx
      .selectFrom('safetyPlans')
      .select('caseId')
      .where('id', '=', measure.planId)
      .executeTakeFirstOrThrow();
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
        fields: [{ path: 'body.measureCode', message: 'Åtgärden finns inte i er katalog.' }],
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

/**
 * Saves the victim's own strategies, the evening and weekend contacts and the review date. A new
 * review date puts a review task on the case owner's list.
 */
export const updatePlan = (
  ctx: CommandContext,
  caseId: string,
  input: {
    victimStrategies: string | null;
    outOfHours: string | null;
    reviewOn: string | null;
    version: number;
  },
) =>
  runAudited(ctx, async (tx) => {
    const { record, decision } = await loadCaseFor(ctx, tx, caseId, 'case.write', {
      audit: 'plan.updated',
      reads: 'safetyPlan',
    });
    const now = ctx.now();
    // Version 0 means "there was no plan when I read it".
    const existing = await findPlanForCase(tx, caseId);
    const stale = () => staleVersion('Någon annan har ändrat planen. Läs in den igen.');
    if ((existing?.version ?? 0) !== input.version) throw stale();
    const plan = existing ?? (await ensurePlan(tx, ctx.actor.organisationId, caseId, now));
    // The UPDATE itself checks the version: a plan made just now starts at 1, so a second
    // writer who also read "no plan" finds it changed.
    const expectedVersion = existing ? input.version : 1;
    if (input.reviewOn && input.reviewOn < swedishDate(now))
      throw new DomainError('validation.invalid', {
        fields: [
          {
            path: 'body.reviewOn',
            message: 'Uppföljningsdagen har redan passerat. Välj dagens datum eller senare.',
          },
        ],
      });
    await tx
      .updateTable('safetyPlans')
      .set((eb) => ({
        victimStrategiesEnc: input.victimStrategies
          ? encryptField(ctx.keys, contexts.strategies, input.victimStrategies)
          : null,
        outOfHoursEnc: input.outOfHours
          ? encryptField(ctx.keys, contexts.outOfHours, input.outOfHours)
          : null,
        reviewOn: input.reviewOn,
        updatedAt: now,
        version: eb('version', '+', 1),
      }))
      .where('id', '=', plan.id)
      .where('version', '=', expectedVersion)
      .returning('id')
      .executeTakeFirst()
      .then((updated) => {
        if (!updated) throw stale();
      });
    if (input.reviewOn && input.reviewOn !== plan.reviewOn)
      await insertTask(tx, {
        organisationId: ctx.actor.organisationId,
        caseId,
        kind: 'planReview',
        noteEnc: null,
        assigneeUserId: record.ownerUserId,
        dueOn: input.reviewOn,
        sourceEventId: null,
        createdBy: ctx.actor.userId,
        createdAt: now,
      });
    await insertPlanEvent(tx, {
      organisationId: ctx.actor.organisationId,
      planId: plan.id,
      measureId: null,
      kind: 'planUpdated',
      measureCode: null,
      toStatus: null,
      reasonEnc: null,
      actorUserId: ctx.actor.userId,
      occurredAt: now,
    });
    await auditPersonEvent(ctx, tx, {
      type: 'plan.updated',
      personId: record.personId,
      reason: decision.reason,
      details: { caseId },
    });
    return planView(ctx, tx, record);
  });

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
    const assessment = await tx
      .selectFrom('riskAssessments')
      .select(['caseId', 'signedAt'])
      .where('id', '=', assessmentId)
      .executeTakeFirst();
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
    await tx
      .insertInto('assessmentFollowThroughs')
      .values({
        assessmentId,
        organisationId: ctx.actor.organisationId,
        planId: plan?.id ?? null,
        noMeasuresReasonEnc:
          measures.length === 0 && input.noMeasuresReason
            ? encryptField(ctx.keys, contexts.noMeasures, input.noMeasuresReason)
            : null,
        closedBy: ctx.actor.userId,
        closedAt: now,
      })
      .execute();
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
  const signed = await tx
    .selectFrom('riskAssessments')
    .select('id')
    .where('caseId', '=', caseId)
    .where('signedAt', 'is not', null)
    .execute();
  const done = await listFollowThroughs(
    tx,
    signed.map((row) => row.id),
  );
  return signed.filter((row) => !done.some((entry) => entry.assessmentId === row.id));
};
