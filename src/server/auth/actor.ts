import type { Actor } from '../../domain/access/policy';
import type { RoleId } from '../../domain/access/roles';
import type { Tx } from '../db/transaction';

/** Builds the policy's view of a signed-in user in the organisation they work in now. */
export const loadActor = async (
  tx: Tx,
  options: { userId: string; organisationId: string; secondFactorVerified: boolean; now: Date },
): Promise<Actor> => {
  const grants = await tx
    .selectFrom('roleAssignments as ra')
    .innerJoin('units as u', 'u.id', 'ra.unitId')
    .select(['ra.unitId', 'ra.role', 'u.secrecyAreaId'])
    .where('ra.userId', '=', options.userId)
    .where('ra.organisationId', '=', options.organisationId)
    .execute();
  const glass = await tx
    .selectFrom('breakGlassGrants')
    .select(['id', 'personId', 'reason', 'expiresAt'])
    .where('userId', '=', options.userId)
    .where('organisationId', '=', options.organisationId)
    .where('expiresAt', '>', options.now)
    .execute();
  return {
    userId: options.userId,
    organisationId: options.organisationId,
    roles: grants.map((grant) => ({ ...grant, role: grant.role as RoleId })),
    secondFactorVerified: options.secondFactorVerified,
    breakGlass: glass,
  };
};
