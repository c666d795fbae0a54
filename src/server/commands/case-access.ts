import { can } from '../../domain/access/policy';
import type { Action } from '../../domain/access/roles';
import type { AuditEventType } from '../../domain/audit/events';
import { DomainError } from '../../domain/errors';
import type { Tx } from '../db/transaction';
import type { CommandContext } from '../http/context';
import { caseResource } from '../presenters/case.presenter';
import { findCase } from '../repositories/case.repository';
import { AuditedDenial } from './person-access';

/** Loads a case and asks the policy; the same rules as for persons (404 if invisible, 403 with reason). */
export const loadCaseFor = async (
  ctx: CommandContext,
  tx: Tx,
  caseId: string,
  action: Action,
  auditType: AuditEventType,
) => {
  const record = await findCase(tx, caseId);
  if (!record)
    throw new DomainError('not_found', {
      message: 'Ärendet finns inte eller är inte synligt för dig.',
    });
  const decision = can(ctx.actor, action, caseResource(record), ctx.now());
  if (!decision.allowed) {
    throw new AuditedDenial(ctx, {
      personId: record.personId,
      reason: decision.reason,
      details: { attempted: auditType, caseId },
    });
  }
  return { record, decision };
};
