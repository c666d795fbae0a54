import { sql, type RawBuilder } from 'kysely';
import type { CaseType } from '../../domain/cases/catalogues';
import type { ChildrenAnswer, GoalAttainment, Stage } from '../../domain/cases/stages';
import {
  standardisedKinds,
  type CaseFact,
  type OrganisationFacts,
} from '../../domain/indicators/facts';
import type { RiskLevel } from '../../domain/risk/assessment';
import type { InstrumentCatalogue } from '../../domain/risk/catalogue';
import { defaultReassessmentDays } from '../../domain/risk/reassessment';
import type { Tx } from '../db/transaction';

/** A timestamp as its Swedish calendar day, the way case work counts days. */
const swedishDay = (column: string): RawBuilder<string> =>
  sql<string>`to_char(${sql.ref(column)} at time zone 'Europe/Stockholm', 'YYYY-MM-DD')`;
const isoDay = (column: string): RawBuilder<string> =>
  sql<string>`to_char(${sql.ref(column)}, 'YYYY-MM-DD')`;

const groupBy = <T extends { caseId: string }>(rows: readonly T[]) => {
  const byCase = new Map<string, T[]>();
  for (const row of rows) byCase.set(row.caseId, [...(byCase.get(row.caseId) ?? []), row]);
  return (caseId: string) => byCase.get(caseId) ?? [];
};

/**
 * The request's organisation's records reduced to indicator facts (see domain/indicators/
 * facts.ts). Row-level security keeps every query inside the organisation; nothing here
 * reads a name, a personnummer or an encrypted field.
 */
export const organisationFacts = async (
  tx: Tx,
  organisationId: string,
  instruments: InstrumentCatalogue,
): Promise<OrganisationFacts> => {
  const [organisation, cases, transitions, grants, placements, assessments, links, plans, ratings] =
    await Promise.all([
      tx
        .selectFrom('organisations')
        .select('reassessmentDays')
        .where('id', '=', organisationId)
        .executeTakeFirst(),
      tx
        .selectFrom('cases')
        .select([
          'id as caseId',
          'unitId',
          'type',
          'hrv',
          'childrenAnswer',
          swedishDay('openedAt').as('openedOn'),
          sql<
            string | null
          >`case when closed_at is null then null else ${swedishDay('closedAt')} end`.as(
            'closedOn',
          ),
        ])
        .execute(),
      tx
        .selectFrom('caseTransitions')
        .select([
          'caseId',
          'fromStage',
          'toStage',
          'goalAttainment',
          swedishDay('decidedAt').as('decidedOn'),
        ])
        .where('toStage', 'in', ['investigation', 'closed'])
        .orderBy('decidedAt')
        .execute(),
      tx
        .selectFrom('grantedInterventions')
        .select(['caseId', isoDay('decidedOn').as('day')])
        .execute(),
      tx
        .selectFrom('housingPlacements')
        .select([
          'caseId',
          isoDay('startOn').as('startOn'),
          sql<string | null>`to_char(end_on, 'YYYY-MM-DD')`.as('endOn'),
        ])
        .execute(),
      tx
        .selectFrom('riskAssessments')
        .select(['caseId', 'instrumentId', 'finalLevel', swedishDay('signedAt').as('signedOn')])
        .where('signedAt', 'is not', null)
        .execute(),
      tx
        .selectFrom('caseLinks')
        .select(['caseId', 'linkedCaseId'])
        .where('kind', '=', 'parentChild')
        .execute(),
      tx
        .selectFrom('safetyPlans')
        .select(['caseId', sql<string>`to_char(review_on, 'YYYY-MM-DD')`.as('reviewOn')])
        .where('reviewOn', 'is not', null)
        .execute(),
      tx
        .selectFrom('clientRatings')
        .select(['caseId', isoDay('ratedOn').as('ratedOn'), 'safety', 'wellbeing', 'violence'])
        .execute(),
    ]);
  const [screenings, unmetNeeds] = await Promise.all([
    tx
      .selectFrom('screenings')
      .select(['unitId', swedishDay('askedAt').as('askedOn'), 'outcome'])
      .execute(),
    tx
      .selectFrom('housingUnmetNeeds')
      .select(['unitId', isoDay('recordedOn').as('recordedOn'), 'places'])
      .execute(),
  ]);

  const transitionsOf = groupBy(transitions);
  const investigationOn = (caseId: string) =>
    transitionsOf(caseId).find((row) => row.toStage === 'investigation')?.decidedOn ?? null;
  const grantsOf = groupBy(grants);
  const placementsOf = groupBy(placements);
  const assessmentsOf = groupBy(assessments);
  const linksOf = groupBy(links);
  const plansOf = groupBy(plans);
  const ratingsOf = groupBy(ratings);

  return {
    reassessmentDays: organisation?.reassessmentDays ?? defaultReassessmentDays,
    cases: cases.map((row): CaseFact => {
      const closing = row.closedOn
        ? transitionsOf(row.caseId).findLast((transition) => transition.toStage === 'closed')
        : undefined;
      return {
        caseId: row.caseId,
        unitId: row.unitId,
        type: row.type as CaseType,
        hrv: row.hrv,
        openedOn: row.openedOn,
        closedOn: row.closedOn,
        closedFrom: (closing?.fromStage as Stage | null | undefined) ?? null,
        goal: (closing?.goalAttainment as GoalAttainment | null | undefined) ?? null,
        childrenAnswer: row.childrenAnswer as ChildrenAnswer | null,
        investigationOn: investigationOn(row.caseId),
        interventionDays: [
          ...grantsOf(row.caseId).map((grant) => grant.day),
          ...placementsOf(row.caseId).map((placement) => placement.startOn),
        ],
        assessments: assessmentsOf(row.caseId).map((done) => ({
          signedOn: done.signedOn,
          level: done.finalLevel as RiskLevel | null,
          standardised: standardisedKinds.has(
            instruments.instruments.get(done.instrumentId)?.kind ?? '',
          ),
        })),
        childCases: linksOf(row.caseId).map((link) => ({
          investigationOn: investigationOn(link.linkedCaseId),
        })),
        planReviews: plansOf(row.caseId).map((plan) => plan.reviewOn),
        ratings: ratingsOf(row.caseId).map(({ ratedOn, safety, wellbeing, violence }) => ({
          ratedOn,
          safety,
          wellbeing,
          violence,
        })),
        placements: placementsOf(row.caseId).map(({ startOn, endOn }) => ({ startOn, endOn })),
      };
    }),
    screenings: screenings.map((row) => ({
      unitId: row.unitId,
      askedOn: row.askedOn,
      asked: row.outcome !== 'notAsked',
    })),
    unmetNeeds: unmetNeeds.map((row) => ({ ...row })),
  };
};
