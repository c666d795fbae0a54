import { rolesNeedSecondFactor, type RoleId } from '../../../domain/access/roles';
import { DomainError } from '../../../domain/errors';
import { absoluteExpiry, isLocked, lockAfterFailure } from '../../../domain/identity/sign-in-rules';
import { appendAuditEvent } from '../../platform/audit/audit.repository';
import { decoyPasswordHash, verifyPassword } from '../../platform/auth/passwords';
import { insertSession, newSessionToken } from '../../platform/auth/session.repository';
import { asSystem } from '../../platform/db/transaction';
import type { AppDeps } from '../../platform/http/context';
import { findUserByUsername } from '../organisation/user.repository';
import { listRoleGrants } from '../organisation/organisation.repository';
import {
  addSignInFailure,
  clearSignInFailures,
  findSignInWait,
  setSignInWait,
  usernameKey,
} from './sign-in-failure.repository';

export type SecondFactorStep = 'none' | 'required' | 'enrol';

/**
 * The one answer to every refused sign-in: a wrong username, a wrong password, a disabled account
 * and an address that must wait all read the same, so none of them tells anyone which usernames
 * exist or that someone is being kept out.
 */
const invalid = () =>
  new DomainError('auth.invalid_credentials', {
    message:
      'Fel användarnamn eller lösenord. Efter flera fel i rad behöver du vänta en stund innan du försöker igen.',
  });

/**
 * Checks a password. Every attempt costs the same (a wrong username is checked against a decoy
 * hash; a waiting address is checked too). Failures count per username and address: the address
 * that guessed waits, longer each time; the owner signing in from her own address does not.
 */
export const signInWithPassword = async (
  deps: AppDeps,
  input: { username: string; password: string; address: string; requestId: string },
): Promise<{ token: string; secondFactor: SecondFactorStep }> => {
  const now = deps.now();
  const key = usernameKey(input.username);
  const [user, wait] = await asSystem(deps.db, async (tx) => [
    await findUserByUsername(tx, input.username),
    await findSignInWait(tx, key, input.address),
  ]);
  const passwordOk = await verifyPassword(
    user?.passwordHash ?? (await decoyPasswordHash()),
    input.password,
  );
  if (isLocked(wait?.lockedUntil ?? null, now)) {
    if (user) await auditFailure(deps, user.id, 'auth.locked', input.requestId, now);
    throw invalid();
  }
  if (!user || !passwordOk || user.disabled || !user.passwordHash) {
    await registerFailure(
      deps,
      { key, address: input.address, userId: user?.id ?? null },
      input.requestId,
      now,
    );
    throw invalid();
  }

  return asSystem(deps.db, async (tx) => {
    await clearSignInFailures(tx, key, input.address);
    const grants = await listRoleGrants(tx, user.id);
    const needsSecondFactor = rolesNeedSecondFactor(grants.map((grant) => grant.role as RoleId));
    const { token, idHash } = newSessionToken();
    await insertSession(tx, {
      idHash,
      userId: user.id,
      organisationId: grants[0]?.organisationId ?? null,
      unitId: grants[0]?.unitId ?? null,
      authMethod: 'password',
      lastSeenAt: now,
      secondFactorAt: null,
      expiresAt: absoluteExpiry(now, deps.config.signIn),
    });
    await appendAuditEvent(
      tx,
      {
        type: 'auth.signed_in',
        organisationId: null,
        actorUserId: user.id,
        outcome: 'allowed',
        reason: needsSecondFactor ? 'auth.password_then_second_factor' : 'auth.password',
        requestId: input.requestId,
      },
      now,
    );
    const secondFactor: SecondFactorStep = !needsSecondFactor
      ? 'none'
      : user.totpConfirmedAt
        ? 'required'
        : 'enrol';
    return { token, secondFactor };
  });
};

const auditFailure = (
  deps: AppDeps,
  userId: string,
  reason: string,
  requestId: string,
  now: Date,
) =>
  asSystem(deps.db, (tx) =>
    appendAuditEvent(
      tx,
      {
        type: 'auth.sign_in_failed',
        organisationId: null,
        actorUserId: userId,
        outcome: reason === 'auth.locked' ? 'denied' : 'failed',
        reason,
        requestId,
      },
      now,
    ),
  );

/**
 * Counts a failed password or code for the username and address, and makes the address wait when
 * the limit is reached. Audited on the user when there is one (an unknown username is not logged:
 * it may be a password typed in the wrong field).
 */
export const registerFailure = async (
  deps: AppDeps,
  attempt: { key: string; address: string; userId: string | null },
  requestId: string,
  now: Date,
) =>
  asSystem(deps.db, async (tx) => {
    const failures = await addSignInFailure(tx, attempt.key, attempt.address, now);
    const waitUntil = lockAfterFailure(failures, now, deps.config.signIn);
    if (waitUntil) await setSignInWait(tx, attempt.key, attempt.address, waitUntil);
    if (!attempt.userId) return;
    await appendAuditEvent(
      tx,
      {
        type: 'auth.sign_in_failed',
        organisationId: null,
        actorUserId: attempt.userId,
        outcome: 'failed',
        reason: 'auth.invalid_credentials',
        requestId,
      },
      now,
    );
    if (waitUntil)
      await appendAuditEvent(
        tx,
        {
          type: 'auth.locked_out',
          organisationId: null,
          actorUserId: attempt.userId,
          outcome: 'denied',
          reason: 'auth.too_many_failures',
          requestId,
          details: { failures, waitUntil: waitUntil.toISOString() },
        },
        now,
      );
  });
