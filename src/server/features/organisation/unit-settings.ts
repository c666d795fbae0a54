import { DomainError, staleVersion } from '../../../domain/errors';
import type { CommandContext } from '../../platform/http/context';
import { unitExists, updateUnitScreeningIfVersion } from './settings.repository';
import { requireOrganisationAction } from '../../platform/runtime/organisation-access';
import { auditOrganisationEvent, runAudited } from '../../platform/runtime/person-access';

/** Turns routine screening on or off for a unit of the administrator's organisation; logged. */
export const changeUnitSettings = (
  ctx: CommandContext,
  unitId: string,
  input: { routineScreening: boolean; version: number },
) =>
  runAudited(ctx, async (tx) => {
    const decision = requireOrganisationAction(ctx, 'organisation.administer');
    // Row-level security limits the update to the actor's own organisation.
    const updated = await updateUnitScreeningIfVersion(
      tx,
      unitId,
      input.version,
      input.routineScreening,
    );
    if (!updated) {
      throw (await unitExists(tx, unitId))
        ? staleVersion('Någon annan har ändrat enheten. Läs in sidan igen.')
        : new DomainError('not_found', { message: 'Enheten finns inte i din organisation.' });
    }
    await auditOrganisationEvent(ctx, tx, {
      type: 'unit.settings_changed',
      reason: decision.reason,
      details: { unitId, routineScreening: input.routineScreening },
    });
    return updated;
  });
