/**
 * The safety plan as the viewer sees it: measures, suggestions from the latest signed assessment,
 * warnings and history.
 */
import { factorFindings, type RiskLevel } from '../../../domain/risk/assessment';
import { isUnderWay } from '../../../domain/risk-management/plan';
import { provisionWarnings, suggestMeasures } from '../../../domain/risk-management/suggestions';
import type { Tx } from '../../platform/db/transaction';
import type { CommandContext } from '../../platform/http/context';
import { readContent } from '../risk/assessment.presenter';
import { presentMeasure, presentPlanEvent, presentPlanTexts } from './plan.presenter';
import type { CaseRecord } from '../cases/case.repository';
import { listAssessmentsForCase } from '../risk/assessment.repository';
import {
  findPlanForCase,
  listFollowThroughs,
  listPlanEvents,
  listPlanMeasures,
} from './plan.repository';
import { loadCaseFor } from '../../platform/runtime/case-access';
import { loadMeasures } from './organisation-measures';
import { auditPersonEvent, runAudited } from '../../platform/runtime/person-access';
import { measureOf } from './safety-plan-shared';

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

export const planView = async (ctx: CommandContext, tx: Tx, record: CaseRecord) => {
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
    ...presentPlanTexts(plan, ctx.keys),
    reviewOn: plan?.reviewOn ?? null,
    riskLevel: latest?.level ?? null,
    measures: measures.map((row) =>
      presentMeasure(row, measureOf(catalogue, row.measureCode), ctx.keys),
    ),
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
    history: events.map((event) => presentPlanEvent(event, ctx.keys)),
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
