import { DomainError } from '../../../domain/errors';
import { appendAuditEvent } from '../../platform/audit/audit.repository';
import { endSession, setSessionOrganisation } from '../../platform/auth/session.repository';
import { asSystem } from '../../platform/db/transaction';
import type { AppDeps, RequestSession } from '../../platform/http/context';
import { listRoleGrants, listUnitsOfOrganisation } from '../organisation/organisation.repository';
import { findUserProfile } from '../organisation/user.repository';

export const signOut = (deps: AppDeps, session: RequestSession, requestId: string) =>
  asSystem(deps.db, async (tx) => {
    const now = deps.now();
    await endSession(tx, session.idHash, now);
    await appendAuditEvent(
      tx,
      {
        type: 'auth.signed_out',
        organisationId: null,
        actorUserId: session.userId,
        outcome: 'allowed',
        requestId,
      },
      now,
    );
  });

/** Who is signed in, the organisations and units they hold roles in, and which one is active. */
export const describeSession = (deps: AppDeps, session: RequestSession) =>
  asSystem(deps.db, async (tx) => {
    const user = await findUserProfile(tx, session.userId);
    const grants = await listRoleGrants(tx, session.userId);
    return { user, grants };
  });

/**
 * Switches where the user works: an organisation and a unit in it where they hold a role.
 * Without a unit, the first unit in the organisation is chosen.
 */
export const switchWorkplace = (
  deps: AppDeps,
  session: RequestSession,
  target: { organisationId: string; unitId?: string | undefined },
  requestId: string,
) =>
  asSystem(deps.db, async (tx) => {
    const grants = (await listRoleGrants(tx, session.userId)).filter(
      (grant) => grant.organisationId === target.organisationId,
    );
    const unit = target.unitId ? grants.find((grant) => grant.unitId === target.unitId) : grants[0];
    if (!unit) {
      throw new DomainError('access.denied', {
        message: 'Du har ingen roll där.',
        reason: grants.length ? 'access.no_role_in_unit' : 'access.other_organisation',
      });
    }
    await setSessionOrganisation(tx, session.idHash, target.organisationId, unit.unitId);
    await appendAuditEvent(
      tx,
      {
        type:
          target.organisationId === session.organisationId
            ? 'auth.unit_switched'
            : 'auth.organisation_switched',
        organisationId: target.organisationId,
        actorUserId: session.userId,
        outcome: 'allowed',
        requestId,
        details: { unitId: unit.unitId },
      },
      deps.now(),
    );
  });

/** The units of the organisation the user works in, for choosing where to refer or register. */
export const listOrganisationUnits = (deps: AppDeps, organisationId: string) =>
  asSystem(deps.db, (tx) => listUnitsOfOrganisation(tx, organisationId));
