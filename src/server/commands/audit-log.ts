import { listAuditEvents, type AuditLogFilter } from '../audit/audit-log.repository';
import type { CommandContext } from '../http/context';
import { presentAuditEntry } from '../presenters/audit.presenter';
import { requireOrganisationAction } from './organisation-access';
import { auditPersonEvent, runAudited } from './person-access';

/**
 * The audit log for review (logguppföljning): who did what to whose data. Reading the log is
 * itself logged, so a reviewer's own look at a protected person leaves a trace.
 */
export const readAuditLog = (ctx: CommandContext, filter: AuditLogFilter) =>
  runAudited(ctx, async (tx) => {
    const decision = requireOrganisationAction(ctx, 'audit.read');
    const rows = await listAuditEvents(tx, filter);
    await auditPersonEvent(ctx, tx, {
      type: 'audit.read',
      personId: filter.personId,
      reason: decision.reason,
      details: { count: rows.length, byUser: filter.actorUserId !== null },
    });
    return rows.map(presentAuditEntry);
  });
