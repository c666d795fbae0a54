import { swedishDate } from '../../../domain/calendar';
import { DomainError, invalidFields, ruleViolation } from '../../../domain/errors';
import {
  acceptsReports,
  checkSurvey,
  compareWithRecords,
  type PrevalenceCategory,
  type SurveyDraft,
} from '../../../domain/prevalence/survey';
import type { Tx } from '../../platform/db/transaction';
import type { CommandContext } from '../../platform/http/context';
import {
  countScreeningsByUnit,
  findSurvey as findSurveyRow,
  insertSurvey,
  listCaseRecords,
  listReportsOfUnits,
  listSurveyReports,
  listSurveyRows,
  listUnitNames,
  listUnitsByName,
  upsertReport,
} from './prevalence.repository';
import { requireOrganisationAction } from '../../platform/runtime/organisation-access';
import {
  AuditedDenial,
  auditOrganisationEvent,
  runAudited,
} from '../../platform/runtime/person-access';

const audit = (
  ctx: CommandContext,
  tx: Tx,
  type: 'prevalence.survey_created' | 'prevalence.reported' | 'prevalence.compared',
  details: Record<string, string | number>,
) => auditOrganisationEvent(ctx, tx, { type, reason: 'prevalence', details });

const findSurvey = async (tx: Tx, surveyId: string) => {
  const survey = await findSurveyRow(tx, surveyId);
  if (!survey) throw new DomainError('not_found', { message: 'Mätningen finns inte.' });
  return survey;
};

/** Starts a survey for the whole organisation: the coordinator's or team leader's decision. */
export const createSurvey = (ctx: CommandContext, draft: SurveyDraft) =>
  runAudited(ctx, async (tx) => {
    requireOrganisationAction(ctx, 'statistics.read');
    const problems = checkSurvey(draft);
    if (problems.length) throw invalidFields(problems);
    const { id } = await insertSurvey(tx, {
      organisationId: ctx.actor.organisationId,
      title: draft.title.trim(),
      opensOn: draft.opensOn,
      closesOn: draft.closesOn,
      createdBy: ctx.actor.userId,
      createdAt: ctx.now(),
    });
    await audit(ctx, tx, 'prevalence.survey_created', { surveyId: id });
    return { id };
  });

/** The organisation's surveys, and for each the units the reader may report for. */
export const listSurveys = (ctx: CommandContext) =>
  runAudited(ctx, async (tx) => {
    const surveys = await listSurveyRows(tx);
    const unitIds = [...new Set(ctx.actor.roles.map((grant) => grant.unitId))];
    const units = await listUnitNames(tx, unitIds);
    const reports = await listReportsOfUnits(tx, unitIds);
    const today = swedishDate(ctx.now());
    return surveys.map((survey) => ({
      ...survey,
      open: acceptsReports(survey, today),
      myUnits: units.map((unit) => ({
        unitId: unit.id,
        name: unit.name,
        reported: reports
          .filter((report) => report.surveyId === survey.id && report.unitId === unit.id)
          .map(({ category, count }) => ({ category, count })),
      })),
    }));
  });

/** A unit's counts: anyone who works in the unit reports for it, while the survey takes reports. */
export const reportCounts = (
  ctx: CommandContext,
  surveyId: string,
  input: { unitId: string; counts: { category: PrevalenceCategory; count: number }[] },
) =>
  runAudited(ctx, async (tx) => {
    const survey = await findSurvey(tx, surveyId);
    // A unit's counts come from those who work in it.
    if (!ctx.actor.roles.some((grant) => grant.unitId === input.unitId))
      throw new AuditedDenial(ctx, {
        personId: null,
        reason: 'access.role_lacks_action',
        details: { unitId: input.unitId, surveyId },
      });
    if (!acceptsReports(survey, swedishDate(ctx.now())))
      throw ruleViolation(
        'prevalence.closed',
        `Mätningen tar emot rapporter ${survey.opensOn} – ${survey.closesOn} och veckan efter.`,
      );
    for (const { category, count } of input.counts)
      await upsertReport(tx, {
        organisationId: ctx.actor.organisationId,
        surveyId,
        unitId: input.unitId,
        category,
        count,
        reportedBy: ctx.actor.userId,
        reportedAt: ctx.now(),
      });
    await audit(ctx, tx, 'prevalence.reported', { surveyId, categories: input.counts.length });
    return { reported: input.counts.length };
  });

/** What the units reported beside what the records hold, unit by unit, inside the organisation. */
export const compareSurvey = (ctx: CommandContext, surveyId: string) =>
  runAudited(ctx, async (tx) => {
    requireOrganisationAction(ctx, 'statistics.read');
    const survey = await findSurvey(tx, surveyId);
    const units = await listUnitsByName(tx, ctx.actor.organisationId);
    const reports = await listSurveyReports(tx, surveyId);
    const records = await listCaseRecords(tx, ctx.actor.organisationId);
    // The routine questions asked in Fristad during the period, beside what units reported: how
    // many were asked and how many said yes. Practice people are never counted.
    const asked = await countScreeningsByUnit(tx, ctx.actor.organisationId, survey);
    await audit(ctx, tx, 'prevalence.compared', { surveyId });
    const rows = compareWithRecords(
      survey,
      units.map((unit) => unit.id),
      reports,
      records,
    );
    return {
      survey,
      units: units
        .map((unit) => {
          const questions = asked.find((row) => row.unitId === unit.id);
          return {
            unitId: unit.id,
            name: unit.name,
            rows: rows.filter((row) => row.unitId === unit.id),
            routineQuestions: {
              asked: questions?.asked ?? 0,
              positive: questions?.positive ?? 0,
            },
          };
        })
        .filter(
          (unit) =>
            unit.routineQuestions.asked > 0 ||
            unit.rows.some((row) => row.reported !== null || row.recorded > 0),
        ),
    };
  });
