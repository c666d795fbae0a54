import { sql, type ExpressionBuilder } from 'kysely';
import type { LogReviewScope } from '../../domain/audit/log-review';
import type { Database } from '../db/schema';
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
    ...(filter.personId ? [eb('e.personId', '=', filter.personId)] : []),
    ...(filter.actorUserId ? [eb('e.actorUserId', '=', filter.actorUserId)] : []),
    ...(filter.caseId ? [sql<boolean>`e.details->>'caseId' = ${filter.caseId}`] : []),
    ...(filter.focus === 'protectedPersons' ? [eb('p.protectionLevel', '<>', 'none')] : []),
    ...(filter.focus === 'breakGlass'
      ? [eb.or([eb('e.breakGlassId', 'is not', null), eb('e.type', '=', 'break_glass.opened')])]
      : []),
  ]);

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
