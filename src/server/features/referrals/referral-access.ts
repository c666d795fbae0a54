/**
 * Who may handle a referral, and the helpers the referral use cases share: loading one and the
 * person it concerns.
 */
import { can } from '../../../domain/access/policy';
import { roles, type Action } from '../../../domain/access/roles';
import { caseResource } from '../cases/case.presenter';
import { DomainError } from '../../../domain/errors';
import type { Tx } from '../../platform/db/transaction';
import type { CommandContext } from '../../platform/http/context';
import { findCase } from '../cases/case.repository';
import { findReferral, type ReferralRow } from './referral.repository';
import { AuditedDenial } from '../../platform/runtime/person-access';

export type Handling = {
  /** 'referral.party' for the two sides' own staff; otherwise how the actor reached it. */
  reason: string;
  breakGlassId: string | null;
  /** The sender's person, when the actor reached the referral through the source case. */
  personId: string | null;
};

/**
 * Whether and how the actor may handle a referral: on the receiving side whoever holds a role in
 * the receiving unit that may; on the sending side whoever may read (or write) the source case,
 * but never through a share (a share opens a case's history, not what was sent elsewhere).
 */
export const handlingOf = async (
  ctx: CommandContext,
  tx: Tx,
  row: ReferralRow,
  action: Action,
): Promise<Handling | null> => {
  if (row.toOrganisationId === ctx.actor.organisationId)
    return ctx.actor.roles.some(
      (grant) => grant.unitId === row.toUnitId && roles[grant.role].actions.includes(action),
    )
      ? { reason: 'referral.party', breakGlassId: null, personId: null }
      : null;
  const source = row.sourceCaseId ? await findCase(tx, row.sourceCaseId) : undefined;
  if (!source) return null;
  const decision = can(ctx.actor, action, caseResource(source), ctx.now());
  if (!decision.allowed || decision.shareId) return null;
  return {
    reason: decision.reason === 'access.same_secrecy_area' ? 'referral.party' : decision.reason,
    breakGlassId: decision.breakGlassId,
    personId: source.personId,
  };
};

/**
 * Loads a referral the actor may handle; others are "not found" (its existence is not theirs to
 * know). Writing to the other organisation passes information on: only the sides' own staff.
 */
export const loadReferral = async (
  ctx: CommandContext,
  tx: Tx,
  id: string,
  action: Action,
  passesOn = false,
) => {
  const row = await findReferral(tx, id);
  const handling = row ? await handlingOf(ctx, tx, row, action) : null;
  if (!row || !handling)
    throw new DomainError('not_found', {
      message: 'Överlämningen finns inte eller är inte synlig för dig.',
    });
  if (passesOn && handling.reason !== 'referral.party')
    throw new AuditedDenial(ctx, {
      personId: handling.personId,
      reason: 'access.other_secrecy_area',
      details: { attempted: 'referral.message_posted', referralId: id },
    });
  return { row, handling };
};

/** The person a referral concerns on the actor's side, for the audit log (null before it is opened). */
export const sidePersonId = async (ctx: CommandContext, tx: Tx, row: ReferralRow) => {
  const caseId =
    row.toOrganisationId === ctx.actor.organisationId ? row.receivedCaseId : row.sourceCaseId;
  return caseId ? ((await findCase(tx, caseId))?.personId ?? null) : null;
};
