import { sql } from 'kysely';
import { swedishDate } from '../../domain/calendar';
import { DomainError, invalidFields, ruleViolation } from '../../domain/errors';
import {
  acceptsReports,
  checkSurvey,
  compareWithRecords,
  type PrevalenceCategory,
  type SurveyDraft,
} from '../../domain/prevalence/survey';
import { dateText, swedishDayText } from '../db/date-text';
import type { Tx } from '../db/transaction';
import type { CommandContext } from '../http/context';
import { requireOrganisationAction } from './organisation-access';
import { AuditedDenial, auditOrganisationEvent, runAudited } from './person-access';

const audit = (
  ctx: CommandContext,
  tx: Tx,
  type: 'prevalence.survey_created' | 'prevalence.reported' | 'prevalence.compared',
  details: Record<string, string | number>,
) => auditOrganisationEvent(ctx, tx, { type, reason: 'prevalence', details });

const surveyColumns = [
  'id',
  'title',
  dateText('opensOn').as('opensOn'),
  dateText('closesOn').as('closesOn'),
] as const;

const findSurvey = async (tx: Tx, surveyId: string) => {
  const survey = await tx
    .selectFrom('prevalenceSurveys')
    .select(surveyColumns)
    .where('id', '=', surveyId)
    .executeTakeFirst();
  if (!survey) throw new DomainError('not_found', { message: 'Mätningen finns inte.' });
  return survey;
};

/** Starts a survey for the whole organisation: the coordinator's or team leader's decision. */
export const createSurvey = (ctx: CommandContext, draft: SurveyDraft) =>
  runAudited(ctx, async (tx) => {
    requireOrganisationAction(ctx, 'statistics.read');
    const problems = checkSurvey(draft);
    if (problems.length) throw invalidFields(problems);
    const { id } = await tx
      .insertInto('prevalenceSurveys')
      .values({
        organisationId: ctx.actor.organisationId,
        title: draft.title.trim(),
        opensOn: draft.opensOn,
        closesOn: draft.closesOn,
        createdBy: ctx.actor.userId,
        createdAt: ctx.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(ctx, tx, 'prevalence.survey_created', { surveyId: id });
    return { id };
  });

/** The organisation's surveys, and for each the units the reader may report for. */
export const listSurveys = (ctx: CommandContext) =>
  runAudited(ctx, async (tx) => {
    const surveys = await tx
      .selectFrom('prevalenceSurveys')
      .select(surveyColumns)
      .orderBy('opensOn', 'desc')
      .execute();
    const unitIds = [...new Set(ctx.actor.roles.map((grant) => grant.unitId))];
    const units = unitIds.length
      ? await tx.selectFrom('units').select(['id', 'name']).where('id', 'in', unitIds).execute()
      : [];
    const reports = unitIds.length
      ? await tx
          .selectFrom('prevalenceReports')
          .select(['surveyId', 'unitId', 'category', 'count'])
          .where('unitId', 'in', unitIds)
          .execute()
      : [];
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
      await tx
        .insertInto('prevalenceReports')
        .values({
          organisationId: ctx.actor.organisationId,
          surveyId,
          unitId: input.unitId,
          category,
          count,
          reportedBy: ctx.actor.userId,
          reportedAt: ctx.now(),
        })
        .onConflict((conflict) =>
          conflict
            .columns(['surveyId', 'unitId', 'category'])
            .doUpdateSet({ count, reportedBy: ctx.actor.userId, reportedAt: ctx.now() }),
        )
        .execute();
    await audit(ctx, tx, 'prevalence.reported', { surveyId, categories: input.counts.length });
    return { reported: input.counts.length };
  });

/** What the units reported beside what the records hold, unit by unit, inside the organisation. */
export const compareSurvey = (ctx: CommandContext, surveyId: string) =>
  runAudited(ctx, async (tx) => {
    requireOrganisationAction(ctx, 'statistics.read');
    const survey = await findSurvey(tx, surveyId);
    const units = await tx
      .selectFrom('units')
      .select(['id', 'name'])
      .where('organisationId', '=', ctx.actor.organisationId)
      .orderBy('name')
      .execute();
    const reports = await tx
      .selectFrom('prevalenceReports')
      .select(['unitId', 'category', 'count'])
      .where('surveyId', '=', surveyId)
      .execute();
    const records = await tx
      .selectFrom('cases')
      .select([
        'unitId',
        'type',
        'hrv',
        swedishDayText('openedAt').as('openedOn'),
        swedishDayText<string | null>('closedAt').as('closedOn'),
      ])
      .where('organisationId', '=', ctx.actor.organisationId)
      .where('practice', '=', false)
      .execute();
    // The routine questions asked in Fristad during the period, beside what units reported: how
    // many were asked and how many said yes. Practice people are never counted.
    const asked = await tx
      .selectFrom('screenings as s')
      .innerJoin('persons as p', 'p.id', 's.personId')
      .select([
        's.unitId',
        sql<number>`count(*) filter (where s.outcome <> 'notAsked')::int`.as('asked'),
        sql<number>`count(*) filter (where s.outcome = 'positive')::int`.as('positive'),
      ])
      .where('s.organisationId', '=', ctx.actor.organisationId)
      .where('p.practice', '=', false)
      .where(swedishDayText('s.askedAt'), '>=', survey.opensOn)
      .where(swedishDayText('s.askedAt'), '<=', survey.closesOn)
      .groupBy('s.unitId')
      .execute();
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
