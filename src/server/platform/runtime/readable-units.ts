import { roles, type Action } from '../../../domain/access/roles';
import type { Tx } from '../db/transaction';
import type { CommandContext } from '../http/context';
import { listUnitsSharingArea } from '../../features/organisation/organisation.repository';

/**
 * The units whose records the actor may reach with the action: their own units plus every
 * unit in the same secrecy areas. Lists and searches filter on these in SQL; the policy then
 * confirms each row, so the two must agree.
 */
export const unitsWhereActorMay = (
  ctx: CommandContext,
  tx: Tx,
  action: Action,
): Promise<string[]> => {
  const grants = ctx.actor.roles.filter((grant) => roles[grant.role].actions.includes(action));
  return listUnitsSharingArea(
    tx,
    grants.map((grant) => grant.unitId),
    grants.flatMap((grant) => (grant.secrecyAreaId ? [grant.secrecyAreaId] : [])),
  );
};
