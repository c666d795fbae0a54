import { sql } from 'kysely';
import type { Stage } from '../../../domain/cases/stages';
import type { PracticeFacts } from '../../../domain/training/feedback';
import type { Tx } from '../../platform/db/transaction';

/**
 * What each practice case holds, as far as training feedback needs it: counts and yes/no only,
 * no content, so the feedback never shows more than the case page already does.
 */
export const practiceFacts = async (
  tx: Tx,
  caseIds: readonly string[],
): Promise<Map<string, PracticeFacts>> => {
  if (caseIds.length === 0) return new Map();
  const rows = await tx
    .selectFrom('cases as c')
    .innerJoin('persons as p', 'p.id', 'c.personId')
    .select((eb) => [
      'c.id',
      eb('c.childrenAnswer', 'is not', null).as('childrenAnswered'),
      eb('p.safeContactEnc', 'is not', null).as('safeContact'),
      sql<boolean>`cardinality(p.vulnerability_markers) > 0 or p.interpreter_language is not null`.as(
        'needsRecorded',
      ),
      eb
        .selectFrom('screenings as s')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('s.personId', '=', 'c.personId')
        .where('s.outcome', '<>', 'notAsked')
        .as('screeningsAsked'),
      eb
        .selectFrom('reportsOfConcern as r')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('r.fromCaseId', '=', 'c.id')
        .as('concernReports'),
      eb
        .selectFrom('riskAssessments as a')
        .select(sql<string[]>`coalesce(array_agg(distinct a.instrument_id), '{}')`.as('ids'))
        .whereRef('a.caseId', '=', 'c.id')
        .where('a.signedAt', 'is not', null)
        .as('signedInstruments'),
      eb
        .exists(
          eb.selectFrom('safetyPlans as sp').select('sp.id').whereRef('sp.caseId', '=', 'c.id'),
        )
        .as('safetyPlan'),
      eb
        .selectFrom('adviceContacts as ac')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('ac.caseId', '=', 'c.id')
        .as('adviceContacts'),
      eb
        .selectFrom('caseTransitions as t')
        .select(sql<Stage[]>`array_agg(distinct t.to_stage)`.as('stages'))
        .whereRef('t.caseId', '=', 'c.id')
        .as('stagesReached'),
    ])
    .where('c.id', 'in', caseIds)
    .execute();
  return new Map(
    rows.map((row) => [
      row.id,
      {
        childrenAnswered: Boolean(row.childrenAnswered),
        safeContact: Boolean(row.safeContact),
        needsRecorded: Boolean(row.needsRecorded),
        screeningsAsked: row.screeningsAsked ?? 0,
        concernReports: row.concernReports ?? 0,
        signedInstruments: row.signedInstruments ?? [],
        safetyPlan: Boolean(row.safetyPlan),
        adviceContacts: row.adviceContacts ?? 0,
        stagesReached: row.stagesReached ?? [],
      },
    ]),
  );
};
