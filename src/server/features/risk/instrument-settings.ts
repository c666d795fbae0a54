import { DomainError } from '../../../domain/errors';
import type { CommandContext } from '../../platform/http/context';
import {
  hasTraining,
  insertInstrumentPermission,
  insertUserTraining,
  listPermittedInstruments,
} from './assessment.repository';
import { requireOrganisationAction } from '../../platform/runtime/organisation-access';
import { auditOrganisationEvent, runAudited } from '../../platform/runtime/person-access';

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
    const decision = requireOrganisationAction(ctx, 'organisation.administer');
    if (!ctx.instruments.instruments.has(input.instrumentId))
      throw new DomainError('validation.invalid', {
        fields: [
          { path: 'body.instrumentId', message: 'Instrumentet finns inte.', code: 'notAnId' },
        ],
      });
    await insertInstrumentPermission(tx, {
      organisationId: ctx.actor.organisationId,
      instrumentId: input.instrumentId,
      licenceNote: input.licenceNote,
      recordedBy: ctx.actor.userId,
      recordedAt: ctx.now(),
    });
    await auditOrganisationEvent(ctx, tx, {
      type: 'instrument.permitted',
      reason: decision.reason,
      details: { instrument: input.instrumentId },
    });
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
        fields: [
          { path: 'body.instrumentId', message: 'Instrumentet finns inte.', code: 'notAnId' },
        ],
      });
    await insertUserTraining(tx, {
      organisationId: ctx.actor.organisationId,
      userId: ctx.actor.userId,
      instrumentId: input.instrumentId,
      completedOn: input.completedOn,
      recordedAt: ctx.now(),
    });
    await auditOrganisationEvent(ctx, tx, {
      type: 'training.recorded',
      reason: 'own_training',
      details: { instrument: input.instrumentId },
    });
    return { recorded: true as const };
  });
