/**
 * What the intervention use cases share: a granted intervention's quota and the decider's
 * roles. The sessions, extensions and delegation are read in the intervention repository.
 */
import { quotaStatus, type SessionOutcome } from '../../../domain/interventions/quota';
import type { CommandContext } from '../../platform/http/context';

/** Quota status: sessions (not contacts between them) against what was granted and extended. */
export const statusOf = (
  granted: number,
  extensions: readonly { sessions: number }[],
  sessions: readonly { kind: string; outcome: SessionOutcome }[],
) =>
  quotaStatus(
    granted,
    extensions,
    sessions.filter((session) => session.kind === 'session'),
  );

/** The roles the actor holds where the case is: what the delegation is asked about. */
export const rolesAt = (
  ctx: CommandContext,
  record: { unitId: string; secrecyAreaId: string | null },
) =>
  ctx.actor.roles
    .filter(
      (grant) =>
        grant.unitId === record.unitId ||
        (grant.secrecyAreaId !== null && grant.secrecyAreaId === record.secrecyAreaId),
    )
    .map((grant) => grant.role);
