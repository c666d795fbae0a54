import { sql } from 'kysely';
import type { CaseType } from '../../../domain/cases/catalogues';
import type { ChildrenAnswer, GoalAttainment, Stage } from '../../../domain/cases/stages';
import type { ViolenceSince } from '../../../domain/follow-up/ratings';
import {
  standardisedKinds,
  type CaseFact,
  type OrganisationFacts,
} from '../../../domain/indicators/facts';
import type { RiskLevel } from '../../../domain/risk/assessment';
import type { InstrumentCatalogue } from '../../../domain/risk/catalogue';
import { defaultReassessmentDays } from '../../../domain/risk/reassessment';
import { dateText, swedishDayText } from '../../platform/db/date-text';
import type { Tx } from '../../platform/db/transaction';

type CaseRow = {
  caseId: string;
  unitId: string;
  type: CaseType;
  hrv: boolean;
  childrenAnswer: ChildrenAnswer | null;
  openedOn: string;
  closedOn: string | null;
  investigationOn: string | null;
  closing: { from: Stage | null; goal: GoalAttainment | null } | null;
  grants: CaseFact['grantedInterventions'] | null;
  placements: { startOn: string; endOn: string | null }[] | null;
  assessments: { instrumentId: string; level: RiskLevel | null; signedOn: string }[] | null;
  childInvestigations: (string | null)[] | null;
  planReviews: string[] | null;
  ratings: CaseFact['ratings'] | null;
};

/**
 * The organisation's cases reduced to indicator facts (see domain/indicators/facts.ts), in one
 * statement: each part is gathered per case from the organisation's own rows (an
 * organisation_id index on every table) and joined to its case, so a municipality costs one
 * round trip whatever its size. The organisation is named as well as enforced by row-level
 * security, so a caller outside a request's scope (the benchmark) cannot mix organisations.
 * Practice cases (training mode) are never counted. Nothing here reads a name, a personnummer
 * or an encrypted field.
 */
const caseRows = (tx: Tx, organisationId: string) =>
  sql<CaseRow>`
    with transitions as (
      select case_id,
        min(decided_at) filter (where to_stage = 'investigation') as investigated_at,
        (array_agg(json_build_object('from', from_stage, 'goal', goal_attainment) order by id desc)
          filter (where to_stage = 'closed'))[1] as closing
      from case_transitions where organisation_id = ${organisationId} group by case_id
    ), first_sessions as (
      select intervention_id, min(held_on) as first_on
      from intervention_sessions
      where organisation_id = ${organisationId} and kind = 'session' and outcome = 'attended'
      group by intervention_id
    ), grants as (
      select g.case_id, json_agg(json_build_object('decidedOn', ${dateText('g.decided_on')},
                                                   'firstSessionOn', ${dateText('f.first_on')})) as list
      from granted_interventions g left join first_sessions f on f.intervention_id = g.id
      where g.organisation_id = ${organisationId} group by g.case_id
    ), placements as (
      select case_id, json_agg(json_build_object('startOn', ${dateText('start_on')},
                                                 'endOn', ${dateText('end_on')})) as list
      from housing_placements where organisation_id = ${organisationId} group by case_id
    ), assessments as (
      select case_id, json_agg(json_build_object('instrumentId', instrument_id,
                                                 'level', final_level,
                                                 'signedOn', ${swedishDayText('signed_at')})) as list
      from risk_assessments
      where organisation_id = ${organisationId} and signed_at is not null group by case_id
    ), plans as (
      select case_id, json_agg(${dateText('review_on')}) as reviews
      from safety_plans
      where organisation_id = ${organisationId} and review_on is not null group by case_id
    ), ratings as (
      select case_id, json_agg(json_build_object('ratedOn', ${dateText('rated_on')},
                                                 'safety', safety, 'wellbeing', wellbeing,
                                                 'violence', violence)) as list
      from client_ratings where organisation_id = ${organisationId} group by case_id
    ), children as (
      select l.case_id, json_agg(${swedishDayText('child.investigated_at')}) as investigations
      from case_links l left join transitions child on child.case_id = l.linked_case_id
      where l.organisation_id = ${organisationId} and l.kind = 'parentChild' group by l.case_id
    )
    select c.id as case_id, c.unit_id, c.type, c.hrv, c.children_answer,
      ${swedishDayText('c.opened_at')} as opened_on, ${swedishDayText('c.closed_at')} as closed_on,
      ${swedishDayText('t.investigated_at')} as investigation_on, t.closing,
      g.list as grants, p.list as placements, a.list as assessments,
      ch.investigations as child_investigations, pl.reviews as plan_reviews, r.list as ratings
    from cases c
      left join transitions t on t.case_id = c.id
      left join grants g on g.case_id = c.id
      left join placements p on p.case_id = c.id
      left join assessments a on a.case_id = c.id
      left join plans pl on pl.case_id = c.id
      left join ratings r on r.case_id = c.id
      left join children ch on ch.case_id = c.id
    where c.organisation_id = ${organisationId} and not c.practice
  `
    .execute(tx)
    .then((result) => result.rows);

export const organisationFacts = async (
  tx: Tx,
  organisationId: string,
  instruments: InstrumentCatalogue,
): Promise<OrganisationFacts> => {
  // The case statement's joins are all left joins on the case id, written in a good order:
  // planning every order of nine relations costs more than running it for a municipality, so
  // the planner keeps the written order (for this statement only; reset right after).
  const organisation = await tx
    .selectFrom('organisations')
    .select(['reassessmentDays', sql`set_config('join_collapse_limit', '1', true)`.as('keepOrder')])
    .where('id', '=', organisationId)
    .executeTakeFirst();
  const cases = await caseRows(tx, organisationId);
  await sql`set local join_collapse_limit to default`.execute(tx);
  // Routine questions put to a practice person are practice too, and never counted.
  const screenings = await tx
    .selectFrom('screenings as s')
    .innerJoin('persons as p', 'p.id', 's.personId')
    .where('s.organisationId', '=', organisationId)
    .where('p.practice', '=', false)
    .select(['s.unitId', swedishDayText('s.askedAt').as('askedOn'), 's.outcome'])
    .execute();
  const unmetNeeds = await tx
    .selectFrom('housingUnmetNeeds')
    .where('organisationId', '=', organisationId)
    .select(['unitId', dateText('recordedOn').as('recordedOn'), 'places'])
    .execute();
  const standardised = (instrumentId: string) =>
    standardisedKinds.has(instruments.instruments.get(instrumentId)?.kind ?? '');

  return {
    reassessmentDays: organisation?.reassessmentDays ?? defaultReassessmentDays,
    cases: cases.map((row): CaseFact => ({
      caseId: row.caseId,
      unitId: row.unitId,
      type: row.type,
      hrv: row.hrv,
      openedOn: row.openedOn,
      closedOn: row.closedOn,
      closedFrom: row.closedOn ? (row.closing?.from ?? null) : null,
      goal: row.closedOn ? (row.closing?.goal ?? null) : null,
      childrenAnswer: row.childrenAnswer,
      investigationOn: row.investigationOn,
      interventionDays: [
        ...(row.grants ?? []).map((granted) => granted.decidedOn),
        ...(row.placements ?? []).map((placement) => placement.startOn),
      ],
      assessments: (row.assessments ?? []).map((done) => ({
        signedOn: done.signedOn,
        level: done.level,
        standardised: standardised(done.instrumentId),
      })),
      childCases: (row.childInvestigations ?? []).map((investigationOn) => ({ investigationOn })),
      planReviews: row.planReviews ?? [],
      ratings: (row.ratings ?? []).map((rating) => ({
        ...rating,
        violence: rating.violence as ViolenceSince,
      })),
      grantedInterventions: row.grants ?? [],
      placements: row.placements ?? [],
    })),
    screenings: screenings.map((row) => ({
      unitId: row.unitId,
      askedOn: row.askedOn,
      asked: row.outcome !== 'notAsked',
    })),
    unmetNeeds,
  };
};
