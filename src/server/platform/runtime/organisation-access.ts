import type { RuleReason } from '../../../domain/refusals';
import { can, type Decision } from '../../../domain/access/policy';
import type { Action } from '../../../domain/access/roles';
import { DomainError, ruleViolation } from '../../../domain/errors';
import type { Tx } from '../db/transaction';
import type { CommandContext } from '../http/context';
import { findOrganisationCounty } from '../../features/organisation/organisation.repository';
import { denialMessages } from './person-access';

/**
 * Asks the policy about an action on the actor's organisation as a whole (settings, the audit
 * log): allowed, or a 403 with the policy's reason in plain Swedish.
 */
export const requireOrganisationAction = (
  ctx: CommandContext,
  action: Action,
): Extract<Decision, { allowed: true }> => {
  const decision = can(
    ctx.actor,
    action,
    { kind: 'organisation', organisationId: ctx.actor.organisationId },
    ctx.now(),
  );
  if (!decision.allowed)
    throw new DomainError('access.denied', {
      reason: decision.reason,
      message: denialMessages[decision.reason],
    });
  return decision;
};

/**
 * The actor's organisation when it is a county board (länsstyrelse or kommunförbund) with its
 * county; any other organisation is refused with the caller's rule code and message.
 */
export const requireCountyBoard = async (
  ctx: CommandContext,
  tx: Tx,
  refusal: { reason: RuleReason; message: string },
) => {
  const board = await findOrganisationCounty(tx, ctx.actor.organisationId);
  if (board.kind !== 'countyBoard' || !board.countyCode)
    throw ruleViolation(refusal.reason, refusal.message);
  return { ...board, countyCode: board.countyCode };
};
