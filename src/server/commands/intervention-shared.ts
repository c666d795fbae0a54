/**
 * What the intervention use cases share: a granted intervention's
 * sessions, extensions and quota, and the decider's roles and delegation.
 */
import { quotaStatus, type SessionOutcome } from '../../domain/interventions/quota';
import type { Tx } from '../db/transaction';
import type { CommandContext } from '../http/context';

export const sessionsOf = (tx: Tx, ids: string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : tx
        .selectFrom('interventionSessions')
        .select(['id', 'interventionId', 'kind', 'mode', 'outcome', 'noteEnc'])
        .select((eb) => eb.fn<string>('to_char', ['heldOn', eb.val('YYYY-MM-DD')]).as('heldOn'))
        .where('interventionId', 'in', ids)
        .orderBy('heldOn')
        .orderBy('recordedAt')
        .execute();

export const extensionsOf = (tx: Tx, ids: string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : tx
        .selectFrom('interventionExtensions')
        .select(['id', 'interventionId', 'sessions', 'reasonEnc', 'decidedByRole'])
        .select((eb) =>
          eb.fn<string>('to_char', ['decidedOn', eb.val('YYYY-MM-DD')]).as('decidedOn'),
        )
        .where('interventionId', 'in', ids)
        .orderBy('decidedOn')
        .execute();

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

export const delegationOf = async (tx: Tx, organisationId: string) =>
  (
    await tx
      .selectFrom('organisations')
      .select('decisionDelegation')
      .where('id', '=', organisationId)
      .executeTakeFirstOrThrow()
  ).decisionDelegation;
