import { invalidFields, staleVersion } from '../../../domain/errors';
import { checkNewPassword } from '../../../domain/identity/password-policy';
import { isLocked } from '../../../domain/identity/sign-in-rules';
import { ruleViolation } from '../../../domain/errors';
import { appendAuditEvent } from '../../platform/audit/audit.repository';
import { loadCommonPasswords } from '../../platform/catalogues/common-passwords';
import { hashPassword, verifyPassword } from '../../platform/auth/passwords';
import { endOtherSessions } from '../../platform/auth/session.repository';
import { asSystem } from '../../platform/db/transaction';
import type { AppDeps, RequestSession } from '../../platform/http/context';
import { findSignInWait, usernameKey } from './sign-in-failure.repository';
import { findUserById, setPasswordIfVersion } from '../organisation/user.repository';
import { registerFailure } from './sign-in-with-password';

/**
 * A worker changes her own password: the current one first (a wrong one counts like a wrong
 * sign-in), then a new one that holds to the policy. Her other sessions end — someone who knew
 * the old password is signed out — and the change is in the audit log.
 */
export const changeOwnPassword = async (
  deps: AppDeps,
  session: RequestSession,
  input: { currentPassword: string; newPassword: string; address: string; requestId: string },
) => {
  const now = deps.now();
  const user = await asSystem(deps.db, (tx) => findUserById(tx, session.userId));
  if (!user?.passwordHash)
    throw ruleViolation(
      'password.none',
      'Kontot loggar in med e-legitimation och har inget lösenord i Fristad.',
    );
  const attempt = { key: usernameKey(user.username), address: input.address, userId: user.id };
  const wait = await asSystem(deps.db, (tx) => findSignInWait(tx, attempt.key, attempt.address));
  const currentOk = await verifyPassword(user.passwordHash, input.currentPassword);
  if (isLocked(wait?.lockedUntil ?? null, now) || !currentOk) {
    if (!isLocked(wait?.lockedUntil ?? null, now))
      await registerFailure(deps, attempt, input.requestId, now);
    throw invalidFields([
      {
        field: 'currentPassword',
        message:
          'Det nuvarande lösenordet stämmer inte. Efter flera fel i rad behöver du vänta en stund.',
        code: 'passwordMismatch',
      },
    ]);
  }
  const problems = checkNewPassword(input.newPassword, {
    username: user.username,
    common: loadCommonPasswords(),
  });
  if (problems.length)
    throw invalidFields(problems.map((problem) => ({ field: 'newPassword', ...problem })));
  const passwordHash = await hashPassword(input.newPassword);
  await asSystem(deps.db, async (tx) => {
    const changed = await setPasswordIfVersion(tx, user.id, user.version, passwordHash);
    if (!changed) throw staleVersion('Kontot ändrades samtidigt. Försök igen.');
    const ended = await endOtherSessions(tx, user.id, session.idHash, now);
    await appendAuditEvent(
      tx,
      {
        type: 'auth.password_changed',
        organisationId: null,
        actorUserId: user.id,
        outcome: 'allowed',
        reason: 'auth.own_password',
        requestId: input.requestId,
        details: { otherSessionsEnded: ended.length },
      },
      now,
    );
  });
  return { ok: true as const };
};
