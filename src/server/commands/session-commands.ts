import { DomainError } from '../../domain/errors';
import { appendAuditEvent } from '../audit/audit.repository';
import { endSession, setSessionOrganisation } from '../auth/session.repository';
import { asSystem } from '../db/transaction';
import type { AppDeps, RequestSession } from '../http/context';
import { listRoleGrants } from '../repositories/organisation.repository';

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
    const user = await tx
      .selectFrom('users')
      .select(['id', 'username', 'displayName', 'fictitious'])
      .where('id', '=', session.userId)
      .executeTakeFirstOrThrow();
    const grants = await listRoleGrants(tx, session.userId);
    return { user, grants };
  });

/** Switches the organisation the user works in; only to one where they hold a role. */
export const switchOrganisation = (
  deps: AppDeps,
  session: RequestSession,
  organisationId: string,
  requestId: string,
) =>
  asSystem(deps.db, async (tx) => {
    const grants = await listRoleGrants(tx, session.userId);
    if (!grants.some((grant) => grant.organisationId === organisationId)) {
      throw new DomainError('access.denied', {
        message: 'Du har ingen roll i den organisationen.',
        reason: 'access.other_organisation',
      });
    }
    await setSessionOrganisation(tx, session.idHash, organisationId);
    await appendAuditEvent(
      tx,
      {
        type: 'auth.organisation_switched',
        organisationId,
        actorUserId: session.userId,
        outcome: 'allowed',
        requestId,
      },
      deps.now(),
    );
  });
