import { sql, type ExpressionBuilder, type Insertable } from 'kysely';
import type { LogReviewScope } from '../../../domain/audit/log-review';
import type { Database, LogReviewsTable } from '../db/schema';
import type { Tx } from '../db/transaction';

export type AuditLogFilter = {
  personId: string | null;
  actorUserId: string | null;
  /** One record: the events that name this case. */
  caseId: string | null;
  /** A targeted review: accesses to protected persons, or break-glass openings and their use. */
  focus: Extract<LogReviewScope, 'protectedPersons' | 'breakGlass'> | null;
  from: Date;
  to: Date;
  limit: number;
  /**
   * The units whose persons the reviewer may see: internal secrecy holds in the log too. Events
   * about a person placed elsewhere (registered or with a case) are left out.
   */
  reviewableUnitIds: readonly string[];
};

type EventsWithPersons = ExpressionBuilder<
  Database & { e: Database['auditEvents']; p: Database['persons'] },
  'e' | 'p'
>;

/** The filter as one condition, shared by the listing and the count. */
const matching = (filter: AuditLogFilter) => (eb: EventsWithPersons) =>
  eb.and([
    eb('e.occurredAt', '>=', filter.from),
    eb('e.occurredAt', '<', filter.to),
    reviewable(eb, filter.reviewableUnitIds),
    ...(filter.personId ? [eb('e.personId', '=', filter.personId)] : []),
    ...(filter.actorUserId ? [eb('e.actorUserId', '=', filter.actorUserId)] : []),
    ...(filter.caseId ? [sql<boolean>`e.details->>'caseId' = ${filter.caseId}`] : []),
    ...(filter.focus === 'protectedPersons' ? [eb('p.protectionLevel', '<>', 'none')] : []),
    ...(filter.focus === 'breakGlass'
      ? [eb.or([eb('e.breakGlassId', 'is not', null), eb('e.type', '=', 'break_glass.opened')])]
      : []),
  ]);

/**
 * Internal secrecy in the log: an event about a case is shown when the case is in a reviewable
 * unit; an event about a person without a case, when the person is placed in one; an event about
 * nobody (sign-ins, settings) always.
 */
const reviewable = (eb: EventsWithPersons, unitIds: readonly string[]) => {
  const caseId = sql<string | null>`e.details->>'caseId'`;
  if (unitIds.length === 0) return eb.and([eb('e.personId', 'is', null), eb(caseId, 'is', null)]);
  return eb.or([
    eb.and([
      eb(caseId, 'is not', null),
      eb.exists(
        eb
          .selectFrom('cases as c')
          .select('c.id')
          .where(sql<boolean>`c.id::text = e.details->>'caseId'`)
          .where('c.unitId', 'in', unitIds),
      ),
    ]),
    eb.and([
      eb(caseId, 'is', null),
      eb.or([
        eb('e.personId', 'is', null),
        eb('p.unitId', 'in', unitIds),
        eb.exists(
          eb
            .selectFrom('cases as c')
            .select('c.id')
            .whereRef('c.personId', '=', 'e.personId')
            .where('c.unitId', 'in', unitIds),
        ),
      ]),
    ]),
  ]);
};

const events = (tx: Tx) =>
  tx.selectFrom('auditEvents as e').leftJoin('persons as p', 'p.id', 'e.personId');

/**
 * Audit events of the organisation for review, newest first, with the actor's name and the
 * person's identity fields (the presenter masks them). Row-level security keeps other
 * organisations' events out.
 */
export const listAuditEvents = (tx: Tx, filter: AuditLogFilter) =>
  events(tx)
    .leftJoin('users as a', 'a.id', 'e.actorUserId')
    .select([
      'e.id',
      'e.occurredAt',
      'e.type',
      'e.outcome',
      'e.reason',
      'e.breakGlassId',
      'e.details',
      'e.actorUserId',
      'a.displayName as actorName',
      'e.personId',
      'p.givenName',
      'p.familyName',
      'p.personalNumber',
      'p.protectionLevel',
    ])
    .where(matching(filter))
    .orderBy('e.occurredAt', 'desc')
    .orderBy('e.id')
    .limit(filter.limit)
    .execute();

export type AuditLogRow = Awaited<ReturnType<typeof listAuditEvents>>[number];

/** How many events a review covers: all of them, not only the page shown. */
export const countAuditEvents = async (tx: Tx, filter: AuditLogFilter) => {
  const row = await events(tx)
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where(matching(filter))
    .executeTakeFirstOrThrow();
  return Number(row.count);
};

/** Records a signed log review. */
export const insertLogReview = (tx: Tx, values: Insertable<LogReviewsTable>) =>
  tx.insertInto('logReviews').values(values).returning('id').executeTakeFirstOrThrow();

/** The latest signed reviews (at most 100), newest first, with the reviewer's name. */
export const listLogReviews = (tx: Tx) =>
  tx
    .selectFrom('logReviews as r')
    .innerJoin('users as u', 'u.id', 'r.reviewedBy')
    .select([
      'r.id',
      'r.scope',
      'r.subjectId',
      'r.eventsReviewed',
      'r.findingsEnc',
      'r.deviations',
      'r.signedAt',
      'u.displayName as reviewedByName',
    ])
    .select((eb) => [
      eb.fn<string>('to_char', ['r.periodFrom', eb.val('YYYY-MM-DD')]).as('periodFrom'),
      eb.fn<string>('to_char', ['r.periodTo', eb.val('YYYY-MM-DD')]).as('periodTo'),
    ])
    .orderBy('r.signedAt', 'desc')
    .limit(100)
    .execute();
