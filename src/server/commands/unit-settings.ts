import { sql } from 'kysely';
import { can } from '../../domain/access/policy';
import { DomainError } from '../../domain/errors';
import { appendAuditEvent } from '../audit/audit.repository';
import type { CommandContext } from '../http/context';
import { denialMessages, runAudited } from './person-access';

/** Turns routine screening on or off for a unit of the administrator's organisation; logged. */
export const changeUnitSettings = (
  ctx: CommandContext,
  unitId: string,
  input: { routineScreening: boolean; version: number },
) =>
  runAudited(ctx, async (tx) => {
    const decision = can(
      ctx.actor,
      'organisation.administer',
      { kind: 'organisation', organisationId: ctx.actor.organisationId },
      ctx.now(),
    );
    if (!decision.allowed)
      throw new DomainError('access.denied', {
        reason: decision.reason,
        message: denialMessages[decision.reason],
      });
    // Row-level security limits the update to the actor's own organisation.
    const updated = await tx
      .updateTable('units')
      .set({ routineScreening: input.routineScreening, version: sql`version + 1` })
      .where('id', '=', unitId)
      .where('version', '=', input.version)
      .returning(['id', 'name', 'kind', 'routineScreening', 'version'])
      .executeTakeFirst();
    if (!updated) {
      const exists = await tx
        .selectFrom('units')
        .select('id')
        .where('id', '=', unitId)
        .executeTakeFirst();
      throw exists
        ? new DomainError('conflict.stale_version', {
            message: 'Någon annan har ändrat enheten. Läs in sidan igen.',
          })
        : new DomainError('not_found', { message: 'Enheten finns inte i din organisation.' });
    }
    await appendAuditEvent(
      tx,
      {
        type: 'unit.settings_changed',
        organisationId: ctx.actor.organisationId,
        actorUserId: ctx.actor.userId,
        outcome: 'allowed',
        reason: decision.reason,
        requestId: ctx.requestId,
        details: { unitId, routineScreening: input.routineScreening },
      },
      ctx.now(),
    );
    return updated;
  });
