import { sql, type Insertable } from 'kysely';
import type { PrevalenceCategory } from '../../../domain/prevalence/survey';
import { dateText, swedishDayText } from '../../platform/db/date-text';
import type { PrevalenceSurveysTable } from '../../platform/db/schema';
import type { Tx } from '../../platform/db/transaction';

/** A survey's own columns, its days as text. */
const surveyColumns = [
  'id',
  'title',
  dateText('opensOn').as('opensOn'),
  dateText('closesOn').as('closesOn'),
] as const;

export const findSurvey = (tx: Tx, surveyId: string) =>
  tx
    .selectFrom('prevalenceSurveys')
    .select(surveyColumns)
    .where('id', '=', surveyId)
    .executeTakeFirst();

/** The organisation's surveys, the latest opening first. */
export const listSurveyRows = (tx: Tx) =>
  tx.selectFrom('prevalenceSurveys').select(surveyColumns).orderBy('opensOn', 'desc').execute();

export const insertSurvey = (tx: Tx, values: Insertable<PrevalenceSurveysTable>) =>
  tx.insertInto('prevalenceSurveys').values(values).returning('id').executeTakeFirstOrThrow();

/** The names of the given units. */
export const listUnitNames = (tx: Tx, unitIds: readonly string[]) =>
  unitIds.length
    ? tx.selectFrom('units').select(['id', 'name']).where('id', 'in', unitIds).execute()
    : Promise.resolve([]);

/** What the given units have reported, in any survey. */
export const listReportsOfUnits = (tx: Tx, unitIds: readonly string[]) =>
  unitIds.length
    ? tx
        .selectFrom('prevalenceReports')
        .select(['surveyId', 'unitId', 'category', 'count'])
        .where('unitId', 'in', unitIds)
        .execute()
    : Promise.resolve([]);

/** Saves a unit's count in a category, replacing the count it reported before. */
export const upsertReport = (
  tx: Tx,
  report: {
    organisationId: string;
    surveyId: string;
    unitId: string;
    category: PrevalenceCategory;
    count: number;
    reportedBy: string;
    reportedAt: Date;
  },
) =>
  tx
    .insertInto('prevalenceReports')
    .values(report)
    .onConflict((conflict) =>
      conflict.columns(['surveyId', 'unitId', 'category']).doUpdateSet({
        count: report.count,
        reportedBy: report.reportedBy,
        reportedAt: report.reportedAt,
      }),
    )
    .execute();

/** The organisation's units, by name. */
export const listUnitsByName = (tx: Tx, organisationId: string) =>
  tx
    .selectFrom('units')
    .select(['id', 'name'])
    .where('organisationId', '=', organisationId)
    .orderBy('name')
    .execute();

/** Everything reported in a survey. */
export const listSurveyReports = (tx: Tx, surveyId: string) =>
  tx
    .selectFrom('prevalenceReports')
    .select(['unitId', 'category', 'count'])
    .where('surveyId', '=', surveyId)
    .execute();

/** The organisation's real (not practice) cases with their unit, kind and open days. */
export const listCaseRecords = (tx: Tx, organisationId: string) =>
  tx
    .selectFrom('cases')
    .select([
      'unitId',
      'type',
      'hrv',
      swedishDayText('openedAt').as('openedOn'),
      swedishDayText<string | null>('closedAt').as('closedOn'),
    ])
    .where('organisationId', '=', organisationId)
    .where('practice', '=', false)
    .execute();

/**
 * The routine questions asked in the period (Swedish days, inclusive), unit by unit: how many
 * were asked and how many said yes. Practice people are never counted.
 */
export const countScreeningsByUnit = (
  tx: Tx,
  organisationId: string,
  period: { opensOn: string; closesOn: string },
) =>
  tx
    .selectFrom('screenings as s')
    .innerJoin('persons as p', 'p.id', 's.personId')
    .select([
      's.unitId',
      sql<number>`count(*) filter (where s.outcome <> 'notAsked')::int`.as('asked'),
      sql<number>`count(*) filter (where s.outcome = 'positive')::int`.as('positive'),
    ])
    .where('s.organisationId', '=', organisationId)
    .where('p.practice', '=', false)
    .where(swedishDayText('s.askedAt'), '>=', period.opensOn)
    .where(swedishDayText('s.askedAt'), '<=', period.closesOn)
    .groupBy('s.unitId')
    .execute();
