import type { Actor, BreakGlassGrant } from '../../../domain/access/policy';
import type { RoleId } from '../../../domain/access/roles';
import type { Tx } from '../db/transaction';
import { listHeldRoles } from '../../features/organisation/organisation.repository';
import { listLiveBreakGlassGrants } from '../../features/organisation/user.repository';

export type HeldRole = {
  organisationId: string;
  unitId: string;
  role: RoleId;
  secrecyAreaId: string | null;
};

/** Every role the user holds, in every organisation, with each unit's secrecy area. */
export const loadHeldRoles = async (tx: Tx, userId: string): Promise<HeldRole[]> => {
  const rows = await listHeldRoles(tx, userId);
  return rows.map((row) => ({ ...row, role: row.role as RoleId }));
};

/** Live break-glass grants of the user in one organisation. */
export const loadBreakGlass = (
  tx: Tx,
  userId: string,
  organisationId: string,
  now: Date,
): Promise<BreakGlassGrant[]> => listLiveBreakGlassGrants(tx, userId, organisationId, now);

/** The policy's view of a signed-in user in the organisation they work in now. */
export const buildActor = (options: {
  userId: string;
  organisationId: string;
  held: readonly HeldRole[];
  breakGlass: readonly BreakGlassGrant[];
  secondFactorVerified: boolean;
}): Actor => ({
  userId: options.userId,
  organisationId: options.organisationId,
  roles: options.held
    .filter((grant) => grant.organisationId === options.organisationId)
    .map(({ unitId, role, secrecyAreaId }) => ({ unitId, role, secrecyAreaId })),
  secondFactorVerified: options.secondFactorVerified,
  breakGlass: options.breakGlass,
});
