import { sql, type Insertable } from 'kysely';
import type { Stage } from '../../domain/cases/stages';
import type { CaseLinksTable, CasesTable, ScreeningsTable } from '../db/schema';
import type { Tx } from '../db/transaction';

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
      'c.stage',
      'c.ownerUserId',
      'o.displayName as ownerName',
      'c.detectionSource',
      'c.violenceForms',
      'c.perpetratorRelation',
      'c.openedAt',
      'c.closedAt',
      'c.version',
    ]);

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

export const insertCase = (tx: Tx, values: Insertable<CasesTable>) =>
  tx.insertInto('cases').values(values).returning('id').executeTakeFirstOrThrow();

/** Moves a case if nobody changed it since `version`; undefined on a stale version. */
export const updateCaseIfVersion = (
  tx: Tx,
  id: string,
  version: number,
  changes: { stage?: Stage; ownerUserId?: string | null; closedAt?: Date | null },
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

/** Screening answers per unit and topic in a period: asked (any answer) versus not asked. */
export const screeningCounts = (tx: Tx, from: Date, to: Date) =>
  tx
    .selectFrom('screenings as s')
    .innerJoin('units as u', 'u.id', 's.unitId')
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
