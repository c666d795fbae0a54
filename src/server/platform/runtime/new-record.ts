import type { RecordResource } from '../../../domain/access/policy';
import type { CommandContext } from '../http/context';

/** The policy's view of a record about to be created in a unit (nothing is stored yet). */
export const newRecordIn = (
  ctx: CommandContext,
  kind: RecordResource['kind'],
  unit: { id: string; secrecyAreaId: string | null },
  personId: string,
  assignedUserIds: readonly string[] = [],
): RecordResource => ({
  kind,
  id: 'new',
  personId,
  organisationId: ctx.actor.organisationId,
  unitId: unit.id,
  secrecyAreaId: unit.secrecyAreaId,
  assignedUserIds,
});
