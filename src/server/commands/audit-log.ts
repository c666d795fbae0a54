import { can } from '../../domain/access/policy';
import { DomainError } from '../../domain/errors';
import { listAuditEvents, type AuditLogFilter } from '../audit/audit-log.repository';
import type { CommandContext } from '../http/context';
import { presentAuditEntry } from '../presenters/audit.presenter';
import { auditPersonEvent, denialMessages, runAudited } from './person-access';

/**
 * The audit log for review (logguppföljning): who did what to whose data. Reading the log is
 * itself logged, so a reviewer's own look at a protected person leaves a trace.
 */
export const readAuditLog = (ctx: CommandContext, filter: AuditLogFilter) =>
  runAudited(ctx, async (tx) => {
    const decision = can(
      ctx.actor,
      'audit.read',
      { kind: 'organisation', organisationId: ctx.actor.organisationId },
      ctx.now(),
    );
    if (!decision.allowed)
      throw new DomainError('access.denied', {
        reason: decision.reason,
        message: denialMessages[decision.reason],
      });
    const rows = await listAuditEvents(tx, filter);
    await auditPersonEvent(ctx, tx, {
      type: 'audit.read',
      personId: filter.personId,
      reason: decision.reason,
      details: { count: rows.length, byUser: filter.actorUserId !== null },
    });
    return rows.map(presentAuditEntry);
  });
