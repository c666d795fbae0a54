import { can } from '../../../domain/access/policy';
import { swedishDate } from '../../../domain/calendar';
import { factorFindings } from '../../../domain/risk/assessment';
import { riskPicture } from '../../../domain/risk/risk-picture';
import type { CommandContext } from '../../platform/http/context';
import { presentAssessmentSummary, readContent } from './assessment.presenter';
import { caseResource, presentCaseSummary } from '../cases/case.presenter';
import { presentTask } from '../cases/task.presenter';
import { listAssessmentsForCase } from './assessment.repository';
import { findCases } from '../cases/case.repository';
import { listOverdueTasksInUnits } from '../cases/task.repository';
import { loadCaseFor } from '../../platform/runtime/case-access';
import { unitsWhereActorMay } from '../../platform/runtime/readable-units';
import {
  auditOrganisationEvent,
  auditPersonEvent,
  runAudited,
} from '../../platform/runtime/person-access';

/**
 * The case's assessments, and the common risk picture of the signed ones: each instrument's
 * findings on the shared factors, side by side and over time, with disagreements marked.
 */
export const caseRiskPicture = (ctx: CommandContext, caseId: string) =>
  runAudited(ctx, async (tx) => {
    const { record, decision } = await loadCaseFor(ctx, tx, caseId, 'case.read', {
      audit: 'assessment.picture_read',
      reads: 'riskAssessments',
    });
    const assessments = await listAssessmentsForCase(tx, caseId);
    const signed = assessments.filter((assessment) => assessment.signedAt);
    const picture = riskPicture(
      ctx.instruments.factors,
      signed.flatMap((assessment) => {
        const definition = ctx.instruments.instruments.get(assessment.instrumentId);
        if (!definition) return [];
        return [
          {
            assessmentId: assessment.id,
            instrumentId: assessment.instrumentId,
            signedAt: assessment.signedAt!.toISOString(),
            origin: assessment.origin,
            findings: factorFindings(definition, readContent(ctx.keys, assessment)),
            finalLevel: assessment.finalLevel,
          },
        ];
      }),
    );
    await auditPersonEvent(ctx, tx, {
      type: 'assessment.picture_read',
      personId: record.personId,
      reason: decision.reason,
      breakGlassId: decision.breakGlassId,
      details: { caseId, assessments: signed.length },
    });
    const factorLabel = new Map(
      ctx.instruments.factors.factors.map((factor) => [factor.code, factor.label]),
    );
    return {
      assessments: assessments.map((assessment) =>
        presentAssessmentSummary(
          assessment,
          ctx.instruments.instruments.get(assessment.instrumentId),
        ),
      ),
      picture: {
        columns: picture.columns.map((column) => ({
          assessmentId: column.assessmentId,
          instrumentId: column.instrumentId,
          instrumentName: ctx.instruments.instruments.get(column.instrumentId)!.name,
          signedAt: column.signedAt,
          origin: column.origin,
          finalLevel: column.finalLevel,
        })),
        rows: picture.rows.map((row) => ({ ...row, label: factorLabel.get(row.factor)! })),
        groups: ctx.instruments.factors.groups,
      },
    };
  });

/** For team leaders: reassessments past their last day in the units they lead, oldest first. */
export const overdueReassessments = (ctx: CommandContext) => overdueTasks(ctx, 'reassessment');

/** For team leaders: tasks of one kind past their last day in the units they lead, oldest first. */
export const overdueTasks = (ctx: CommandContext, kind: 'reassessment' | 'planReview') =>
  runAudited(ctx, async (tx) => {
    const now = ctx.now();
    const today = swedishDate(now);
    const tasks = await listOverdueTasksInUnits(
      tx,
      await unitsWhereActorMay(ctx, tx, 'case.read'),
      kind,
      today,
    );
    const cases = new Map(
      (await findCases(tx, [...new Set(tasks.map((task) => task.caseId))]))
        .filter((record) => can(ctx.actor, 'case.read', caseResource(record), now).allowed)
        .map((record) => [
          record.id,
          presentCaseSummary(record, { actor: ctx.actor, keys: ctx.keys, now }),
        ]),
    );
    const rows = tasks.flatMap((task) => {
      const summary = cases.get(task.caseId);
      return summary ? [{ ...presentTask(task, ctx.keys, today), case: summary }] : [];
    });
    await auditOrganisationEvent(ctx, tx, {
      type: 'work_list.read',
      reason: `work_list.overdue.${kind}`,
      details: { tasks: rows.length },
    });
    return rows;
  });
