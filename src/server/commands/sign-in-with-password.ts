import { rolesNeedSecondFactor, type RoleId } from '../../domain/access/roles';
import { DomainError } from '../../domain/errors';
import { absoluteExpiry, isLocked, lockAfterFailure } from '../../domain/identity/sign-in-rules';
import { appendAuditEvent } from '../audit/audit.repository';
import { decoyPasswordHash, verifyPassword } from '../auth/passwords';
import { insertSession, newSessionToken } from '../auth/session.repository';
import { asSystem } from '../db/transaction';
import type { AppDeps } from '../http/context';
import {
  clearFailedLogins,
  findUserByUsername,
  lockUser,
  recordFailedLogin,
} from '../repositories/user.repository';
import { listRoleGrants } from '../repositories/organisation.repository';

export type SecondFactorStep = 'none' | 'required' | 'enrol';

const invalid = () =>
  new DomainError('auth.invalid_credentials', { message: 'Fel användarnamn eller lösenord.' });

/**
 * Checks a password. A wrong username costs the same time as a wrong password; a locked
 * account is refused even with the right password; the limit counts in the database so it
 * holds across server nodes.
 */
export const signInWithPassword = async (
  deps: AppDeps,
  input: { username: string; password: string; requestId: string },
): Promise<{ token: string; secondFactor: SecondFactorStep }> => {
  const now = deps.now();
  const user = await asSystem(deps.db, (tx) => findUserByUsername(tx, input.username));

  if (user && isLocked(user.lockedUntil, now)) {
    await asSystem(deps.db, (tx) =>
      appendAuditEvent(
        tx,
        {
          type: 'auth.sign_in_failed',
          organisationId: null,
          actorUserId: user.id,
          outcome: 'denied',
          reason: 'auth.locked',
          requestId: input.requestId,
        },
        now,
      ),
    );
    throw new DomainError('auth.locked', {
      message:
        'Kontot är tillfälligt låst efter flera misslyckade försök. Försök igen senare eller kontakta din systemförvaltare.',
    });
  }

  const passwordOk = await verifyPassword(
    user?.passwordHash ?? (await decoyPasswordHash()),
    input.password,
  );
  if (!user || !passwordOk || user.disabled || !user.passwordHash) {
    if (user) await registerFailure(deps, user.id, input.requestId, now);
    throw invalid();
  }

  return asSystem(deps.db, async (tx) => {
    await clearFailedLogins(tx, user.id);
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

/** Counts a failed password or code and locks the account when the limit is reached. */
export const registerFailure = async (
  deps: AppDeps,
  userId: string,
  requestId: string,
  now: Date,
) =>
  asSystem(deps.db, async (tx) => {
    const { failedLogins } = await recordFailedLogin(tx, userId);
    const lockUntil = lockAfterFailure(failedLogins, now, deps.config.signIn);
    await appendAuditEvent(
      tx,
      {
        type: 'auth.sign_in_failed',
        organisationId: null,
        actorUserId: userId,
        outcome: 'failed',
        reason: 'auth.invalid_credentials',
        requestId,
      },
      now,
    );
    if (lockUntil) {
      await lockUser(tx, userId, lockUntil);
      await appendAuditEvent(
        tx,
        {
          type: 'auth.locked_out',
          organisationId: null,
          actorUserId: userId,
          outcome: 'denied',
          reason: 'auth.too_many_failures',
          requestId,
          details: { failedLogins },
        },
        now,
      );
    }
  });
