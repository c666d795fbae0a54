import { can, ownAreaOnly, type Decision } from '../../../domain/access/policy';
import { dataCategories, type DataCategory } from '../../../domain/collaboration/consent';
import type { Action } from '../../../domain/access/roles';
import type { AuditEventType } from '../../../domain/audit/events';
import { DomainError } from '../../../domain/errors';
import type { Tx } from '../db/transaction';
import type { CommandContext } from '../http/context';
import { caseResource } from '../../features/cases/case.presenter';
import { findCase, type CaseRecord } from '../../features/cases/case.repository';
import { AuditedDenial } from './person-access';

/**
 * What a command reads of a case, said by the command itself: a share opens only the categories
 * that were disclosed, so each use case names its category. 'notShared' is information that
 * never travels with a share: what left the case and concerns raised in it (the disclosing
 * area's own records), and where a person in protected housing lives now.
 */
export type CaseReads = DataCategory | 'notShared';

export type CaseAccess = {
  /** The audit event a denial names as attempted. */
  audit: AuditEventType;
  reads: CaseReads;
  /** The command passes the case's information on: only from the case's own area. */
  passesOn?: boolean;
};

/** Loads a case and asks the policy; the same rules as for persons (404 if invisible, 403 with reason). */
export const loadCaseFor = async (
  ctx: CommandContext,
  tx: Tx,
  caseId: string,
  action: Action,
  { audit: auditType, reads, passesOn = false }: CaseAccess,
) => {
  const record = await findCase(tx, caseId);
  if (!record)
    throw new DomainError('not_found', {
      message: 'Ärendet finns inte eller är inte synligt för dig.',
    });
  const asked = shareCovers(
    can(ctx.actor, action, caseResource(record), ctx.now()),
    record,
    reads === 'notShared' ? null : reads,
  );
  const decision = passesOn ? ownAreaOnly(asked) : asked;
  if (!decision.allowed) {
    throw new AuditedDenial(ctx, {
      personId: record.personId,
      reason: decision.reason,
      details: { attempted: auditType, caseId },
    });
  }
  return { record, decision };
};

/**
 * A share opens only the categories that were disclosed: a case shared for its history does not
 * open the victim's safety plan. Anything else the policy decided stands.
 */
const shareCovers = (
  decision: Decision,
  record: CaseRecord,
  category: DataCategory | null,
): Decision => {
  if (!decision.allowed || !decision.shareId) return decision;
  return category !== null && openCategories(decision, record).includes(category)
    ? decision
    : { allowed: false, reason: 'access.other_secrecy_area' };
};

/**
 * The categories a reader of a case may see: all of them in the case's own area (or under
 * break-glass), only those disclosed under a share. `shareCovers` asks it for one category; a
 * read that shows several at once (the case overview) asks for them all.
 */
export const openCategories = (decision: Decision, record: CaseRecord): readonly DataCategory[] => {
  if (!decision.allowed) return [];
  if (!decision.shareId) return dataCategories;
  const shared = record.shares.find((entry) => entry.id === decision.shareId)?.categories ?? [];
  return dataCategories.filter((category) => shared.includes(category));
};
