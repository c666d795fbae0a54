import { can, type Decision } from '../../domain/access/policy';
import type { Action } from '../../domain/access/roles';
import { DomainError } from '../../domain/errors';
import type { CommandContext } from '../http/context';
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
