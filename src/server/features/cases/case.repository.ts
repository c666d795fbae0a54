import { sql, type Insertable } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { ChildrenAnswer, GoalAttainment, Stage } from '../../../domain/cases/stages';
import type {
  CaseEventsTable,
  CaseLinksTable,
  CasesTable,
  ReportsOfConcernTable,
  ScreeningsTable,
} from '../../platform/db/schema';
import type { Tx } from '../../platform/db/transaction';

/** Cases with what the policy and the presenter need: unit, secrecy area, person. */
const caseQuery = (tx: Tx) =>
  tx
    .selectFrom('cases as c')
    .innerJoin('units as u', 'u.id', 'c.unitId')
    .innerJoin('persons as p', 'p.id', 'c.personId')
    .leftJoin('users as o', 'o.id', 'c.ownerUserId')
    .select([
      'c.id',
      'c.organisationId',
      'c.unitId',
      'u.name as unitName',
      'u.secrecyAreaId',
      'c.personId',
      'p.givenName',
      'p.familyName',
      'p.personalNumber',
      'p.protectionLevel',
      'p.fictitious',
      'c.type',
      'c.hrv',
      'c.practice',
      'c.practiceScenarioId',
      'c.stage',
      'c.ownerUserId',
      'o.displayName as ownerName',
      'c.detectionSource',
      'c.violenceForms',
      'c.perpetratorRelation',
      'c.childrenAnswer',
      'c.referredFromUnitId',
      'c.referralConsent',
      'c.openedAt',
      'c.closedAt',
      'c.version',
    ])
    // Units outside the case's secrecy area that may read it on a consent or a disclosure.
    .select((eb) =>
      jsonArrayFrom(
        eb
          .selectFrom('disclosures as d')
          .select([
            'd.id',
            'd.recipientUnitId as unitId',
            'd.groundCode',
            'd.categories',
            'd.shareEndsAt as endsAt',
          ])
          .whereRef('d.caseId', '=', 'c.id')
          .where('d.sharesCase', '=', true)
          .where('d.shareEndedAt', 'is', null),
      ).as('shares'),
    );

export const findCase = (tx: Tx, id: string) =>
  caseQuery(tx).where('c.id', '=', id).executeTakeFirst();

export type CaseRecord = NonNullable<Awaited<ReturnType<typeof findCase>>>;

export const findCases = (tx: Tx, ids: readonly string[]) =>
  ids.length ? caseQuery(tx).where('c.id', 'in', ids).execute() : Promise.resolve([]);

/** Open cases in the given units, oldest first: the intake list for the morning meeting. */
export const listOpenCasesInUnits = (tx: Tx, unitIds: readonly string[], limit: number) =>
  unitIds.length
    ? caseQuery(tx)
        .where('c.unitId', 'in', unitIds)
        .where('c.stage', '<>', 'closed')
        .orderBy('c.openedAt')
        .limit(limit)
        .execute()
    : Promise.resolve([]);

export const listCasesOwnedBy = (tx: Tx, userId: string, limit: number) =>
  caseQuery(tx)
    .where('c.ownerUserId', '=', userId)
    .where('c.stage', '<>', 'closed')
    .orderBy('c.openedAt')
    .limit(limit)
    .execute();

/** The worker's own practice cases (training mode), open and ended, newest first. */
export const listPracticeCasesOwnedBy = (tx: Tx, userId: string, limit: number) =>
  caseQuery(tx)
    .where('c.ownerUserId', '=', userId)
    .where('c.practice', '=', true)
    .orderBy('c.openedAt', 'desc')
    .limit(limit)
    .execute();

export const insertCase = (tx: Tx, values: Insertable<CasesTable>) =>
  tx.insertInto('cases').values(values).returning('id').executeTakeFirstOrThrow();

/** Opens a case at its first stage, with the transition that says who opened it and when. */
export const insertOpenedCase = async (
  tx: Tx,
  values: Insertable<CasesTable> & { stage: Stage; openedAt: Date; createdBy: string },
) => {
  const { id } = await insertCase(tx, values);
  await insertTransition(tx, {
    organisationId: values.organisationId,
    caseId: id,
    fromStage: null,
    toStage: values.stage,
    reasonEnc: null,
    decidedBy: values.createdBy,
    decidedAt: values.openedAt,
  });
  return { id };
};

/** Moves a case if nobody changed it since `version`; undefined on a stale version. */
export const updateCaseIfVersion = (
  tx: Tx,
  id: string,
  version: number,
  changes: {
    stage?: Stage;
    ownerUserId?: string | null;
    closedAt?: Date | null;
    childrenAnswer?: ChildrenAnswer;
  },
) =>
  tx
    .updateTable('cases')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .returning(['id', 'version'])
    .executeTakeFirst();

export const insertTransition = (
  tx: Tx,
  values: {
    organisationId: string;
    caseId: string;
    fromStage: Stage | null;
    toStage: Stage;
    reasonEnc: string | null;
    decidedBy: string;
    decidedAt: Date;
    goalAttainment?: GoalAttainment | null;
  },
) => tx.insertInto('caseTransitions').values(values).execute();

export const listTransitions = (tx: Tx, caseId: string) =>
  tx
    .selectFrom('caseTransitions as t')
    .innerJoin('users as u', 'u.id', 't.decidedBy')
    .select([
      't.fromStage',
      't.toStage',
      't.reasonEnc',
      't.decidedAt',
      'u.displayName as decidedByName',
    ])
    .where('t.caseId', '=', caseId)
    .orderBy('t.id')
    .execute();

/** Writes a link in both directions, so each case finds the other with one index lookup. */
export const insertLink = async (tx: Tx, link: Insertable<CaseLinksTable>) => {
  await tx
    .insertInto('caseLinks')
    .values([link, { ...link, caseId: link.linkedCaseId, linkedCaseId: link.caseId }])
    .execute();
};

export const listLinks = (tx: Tx, caseId: string) =>
  tx
    .selectFrom('caseLinks')
    .select(['linkedCaseId', 'kind'])
    .where('caseId', '=', caseId)
    .execute();

export const insertScreening = (tx: Tx, values: Insertable<ScreeningsTable>) =>
  tx.insertInto('screenings').values(values).returning('id').executeTakeFirstOrThrow();

/** Screening answers per unit and topic in a period: asked (any answer) versus not asked; practice left out. */
export const screeningCounts = (tx: Tx, from: Date, to: Date) =>
  tx
    .selectFrom('screenings as s')
    .innerJoin('units as u', 'u.id', 's.unitId')
    .innerJoin('persons as p', 'p.id', 's.personId')
    .where('p.practice', '=', false)
    .select([
      's.unitId',
      'u.name as unitName',
      's.topic',
      sql<number>`count(*) filter (where s.outcome <> 'notAsked')::int`.as('asked'),
      sql<number>`count(*) filter (where s.outcome = 'notAsked')::int`.as('notAsked'),
      sql<number>`count(*) filter (where s.outcome = 'positive')::int`.as('positive'),
    ])
    .where('s.askedAt', '>=', from)
    .where('s.askedAt', '<', to)
    .groupBy(['s.unitId', 'u.name', 's.topic'])
    .orderBy('u.name')
    .orderBy('s.topic')
    .execute();

export const insertReportOfConcern = (tx: Tx, values: Insertable<ReportsOfConcernTable>) =>
  tx.insertInto('reportsOfConcern').values(values).returning('id').executeTakeFirstOrThrow();

/** Reports made from a case, with how far each child's case has come (the outcome). */
export const listReportsFrom = (tx: Tx, caseId: string) =>
  tx
    .selectFrom('reportsOfConcern as r')
    .innerJoin('cases as c', 'c.id', 'r.childCaseId')
    .innerJoin('persons as p', 'p.id', 'c.personId')
    .select([
      'r.id',
      'r.reportedAt',
      'r.childCaseId',
      'c.stage as childStage',
      'c.closedAt as childClosedAt',
      'p.givenName',
      'p.familyName',
      'p.protectionLevel',
    ])
    .where('r.fromCaseId', '=', caseId)
    .orderBy('r.reportedAt')
    .execute();

/**
 * Adult cases in the given units where children are in the household, with each linked child
 * case's stage, or none: the basis for "children in VINR cases without investigation".
 */
export const listAdultCasesWithChildren = (tx: Tx, unitIds: readonly string[]) =>
  unitIds.length
    ? tx
        .selectFrom('cases as a')
        .leftJoin('caseLinks as l', (join) =>
          join.onRef('l.caseId', '=', 'a.id').on('l.kind', '=', 'parentChild'),
        )
        .leftJoin('cases as ch', (join) =>
          join.onRef('ch.id', '=', 'l.linkedCaseId').on('ch.type', '=', 'childExposed'),
        )
        .select([
          'a.id as adultCaseId',
          'a.unitId',
          'a.childrenAnswer',
          'ch.id as childCaseId',
          'ch.stage as childStage',
        ])
        .where('a.unitId', 'in', unitIds)
        .where('a.type', 'in', ['adultVictim', 'perpetrator'])
        .where('a.stage', '<>', 'closed')
        // A practice family is nobody's gap: training feedback shows the step instead.
        .where('a.practice', '=', false)
        .where((eb) => eb.or([eb('a.childrenAnswer', '=', 'yes'), eb('ch.id', 'is not', null)]))
        .execute()
    : Promise.resolve([]);

export const insertCaseEvent = (tx: Tx, values: Insertable<CaseEventsTable>) =>
  tx.insertInto('caseEvents').values(values).returning('id').executeTakeFirstOrThrow();

/** A case's timeline, oldest first. */
export const listCaseEvents = (tx: Tx, caseId: string) =>
  tx
    .selectFrom('caseEvents as e')
    .innerJoin('users as u', 'u.id', 'e.recordedBy')
    .select(['e.id', 'e.kind', 'e.source', 'e.descriptionEnc', 'u.displayName as recordedByName'])
    // A date stays a calendar day: no time zone, on both engines.
    .select(sql<string>`to_char(e.occurred_on, 'YYYY-MM-DD')`.as('occurredOn'))
    .where('e.caseId', '=', caseId)
    .orderBy('e.occurredOn')
    .orderBy('e.recordedAt')
    .execute();
