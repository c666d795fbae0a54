import type { Tx } from '../db/transaction';

export type AuditLogFilter = {
  personId: string | null;
  actorUserId: string | null;
  from: Date;
  to: Date;
  limit: number;
};

/**
 * Audit events of the organisation for review, newest first, with the actor's name and the
 * person's identity fields (the presenter masks them). Row-level security keeps other
 * organisations' events out.
 */
export const listAuditEvents = (tx: Tx, filter: AuditLogFilter) => {
  let query = tx
    .selectFrom('auditEvents as e')
    .leftJoin('users as a', 'a.id', 'e.actorUserId')
    .leftJoin('persons as p', 'p.id', 'e.personId')
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
    .where('e.occurredAt', '>=', filter.from)
    .where('e.occurredAt', '<', filter.to);
  if (filter.personId) query = query.where('e.personId', '=', filter.personId);
  if (filter.actorUserId) query = query.where('e.actorUserId', '=', filter.actorUserId);
  return query.orderBy('e.occurredAt', 'desc').orderBy('e.id').limit(filter.limit).execute();
};

export type AuditLogRow = Awaited<ReturnType<typeof listAuditEvents>>[number];
