import { can } from '../../domain/access/policy';
import { DomainError } from '../../domain/errors';
import { appendAuditEvent } from '../audit/audit.repository';
import type { CommandContext } from '../http/context';
import { hasTraining, listPermittedInstruments } from '../repositories/assessment.repository';
import { denialMessages, runAudited } from './person-access';

/** The instruments, with whether the organisation has recorded permission and the user training. */
export const listInstruments = (ctx: CommandContext) =>
  runAudited(ctx, async (tx) => {
    const permitted = new Map(
      (await listPermittedInstruments(tx)).map((row) => [row.instrumentId, row.licenceNote]),
    );
    const rows = [];
    for (const definition of ctx.instruments.instruments.values()) {
      rows.push({
        id: definition.id,
        version: definition.version,
        name: definition.name,
        description: definition.description,
        kind: definition.kind,
        subjects: definition.subjects,
        licence: definition.licence,
        permitted: !definition.licence.requiresPermission || permitted.has(definition.id),
        permissionNote: permitted.get(definition.id) ?? null,
        trained:
          !definition.licence.requiresTraining ||
          (await hasTraining(tx, ctx.actor.userId, definition.id)),
      });
    }
    return rows.sort((a, b) => a.name.sv.localeCompare(b.name.sv, 'sv'));
  });

/** An administrator records the organisation's permission or licence for an instrument. */
export const permitInstrument = (
  ctx: CommandContext,
  input: { instrumentId: string; licenceNote: string },
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
    if (!ctx.instruments.instruments.has(input.instrumentId))
      throw new DomainError('validation.invalid', {
        fields: [{ path: 'body.instrumentId', message: 'Instrumentet finns inte.' }],
      });
    await tx
      .insertInto('instrumentPermissions')
      .values({
        organisationId: ctx.actor.organisationId,
        instrumentId: input.instrumentId,
        licenceNote: input.licenceNote,
        recordedBy: ctx.actor.userId,
        recordedAt: ctx.now(),
      })
      .onConflict((conflict) => conflict.columns(['organisationId', 'instrumentId']).doNothing())
      .execute();
    await appendAuditEvent(
      tx,
      {
        type: 'instrument.permitted',
        organisationId: ctx.actor.organisationId,
        actorUserId: ctx.actor.userId,
        outcome: 'allowed',
        reason: decision.reason,
        requestId: ctx.requestId,
        details: { instrument: input.instrumentId },
      },
      ctx.now(),
    );
    return { permitted: true as const };
  });

/** A user records their own training in an instrument. */
export const recordTraining = (
  ctx: CommandContext,
  input: { instrumentId: string; completedOn: string },
) =>
  runAudited(ctx, async (tx) => {
    if (!ctx.instruments.instruments.has(input.instrumentId))
      throw new DomainError('validation.invalid', {
        fields: [{ path: 'body.instrumentId', message: 'Instrumentet finns inte.' }],
      });
    await tx
      .insertInto('userTrainings')
      .values({
        organisationId: ctx.actor.organisationId,
        userId: ctx.actor.userId,
        instrumentId: input.instrumentId,
        completedOn: input.completedOn,
        recordedAt: ctx.now(),
      })
      .execute();
    await appendAuditEvent(
      tx,
      {
        type: 'training.recorded',
        organisationId: ctx.actor.organisationId,
        actorUserId: ctx.actor.userId,
        outcome: 'allowed',
        reason: 'own_training',
        requestId: ctx.requestId,
        details: { instrument: input.instrumentId },
      },
      ctx.now(),
    );
    return { recorded: true as const };
  });
