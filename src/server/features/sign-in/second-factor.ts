import QRCode from 'qrcode';
import { DomainError } from '../../../domain/errors';
import { isLocked } from '../../../domain/identity/sign-in-rules';
import { appendAuditEvent } from '../../platform/audit/audit.repository';
import { matchTotpStep, newTotpSecret, totpUri } from '../../platform/auth/totp';
import { newSessionToken, rotateSession } from '../../platform/auth/session.repository';
import { encryptField } from '../../platform/crypto/field-encryption';
import { asSystem } from '../../platform/db/transaction';
import type { AppDeps, RequestSession } from '../../platform/http/context';
import { totpContext, totpSecretOf } from './account.presenter';
import { findUserById, recordTotpStep, setTotpSecret } from '../organisation/user.repository';
import { registerFailure } from './sign-in-with-password';
import { findSignInWait, usernameKey } from './sign-in-failure.repository';

/**
 * Checks the code from the user's authenticator app. A code is accepted once; wrong codes
 * count towards the same lockout as wrong passwords (six digits are guessable otherwise).
 * On success the session token is replaced, so a token seen before this step is worthless.
 */
export const verifySecondFactor = async (
  deps: AppDeps,
  session: RequestSession,
  input: { code: string; address: string; requestId: string; confirmEnrolment: boolean },
): Promise<{ token: string }> => {
  const now = deps.now();
  const user = await asSystem(deps.db, (tx) => findUserById(tx, session.userId));
  if (!user?.totpSecretEnc) {
    throw new DomainError('rule.violation', {
      message: 'Ingen app för engångskoder är kopplad.',
      reason: 'totp.not_enrolled',
    });
  }
  // Wrong codes count with wrong passwords, for this user from this address.
  const attempt = { key: usernameKey(user.username), address: input.address, userId: user.id };
  const wait = await asSystem(deps.db, (tx) => findSignInWait(tx, attempt.key, attempt.address));
  if (isLocked(wait?.lockedUntil ?? null, now)) {
    throw new DomainError('auth.locked', {
      message: 'Du behöver vänta en stund efter flera fel i rad. Försök igen om några minuter.',
    });
  }
  if (input.confirmEnrolment !== (user.totpConfirmedAt === null)) {
    throw new DomainError('rule.violation', {
      message: 'Steget passar inte kontots läge.',
      reason: 'totp.wrong_step',
    });
  }
  const secret = totpSecretOf(deps.keys, { totpSecretEnc: user.totpSecretEnc });
  const step = matchTotpStep(secret, input.code, now);
  const replayed = step !== null && user.totpLastStep !== null && step <= Number(user.totpLastStep);
  if (step === null || replayed) {
    await registerFailure(deps, attempt, input.requestId, now);
    throw new DomainError('auth.second_factor_invalid', {
      message: 'Koden stämmer inte. Vänta på nästa kod och försök igen.',
    });
  }
  return asSystem(deps.db, async (tx) => {
    await recordTotpStep(tx, user.id, step, input.confirmEnrolment ? now : undefined);
    const { token, idHash } = newSessionToken();
    await rotateSession(tx, session.idHash, idHash, { secondFactorAt: now, lastSeenAt: now });
    await appendAuditEvent(
      tx,
      {
        type: 'auth.signed_in',
        organisationId: null,
        actorUserId: user.id,
        outcome: 'allowed',
        reason: input.confirmEnrolment ? 'auth.totp_enrolled' : 'auth.totp',
        requestId: input.requestId,
      },
      now,
    );
    return { token };
  });
};

/** Starts linking an authenticator app: a new secret, shown once as text and QR code. */
export const startTotpEnrolment = async (deps: AppDeps, session: RequestSession) => {
  return asSystem(deps.db, async (tx) => {
    const user = await findUserById(tx, session.userId);
    if (!user) throw new DomainError('auth.required');
    if (user.totpConfirmedAt) {
      throw new DomainError('rule.violation', {
        message: 'En app är redan kopplad. Kontakta systemförvaltaren för att byta.',
        reason: 'totp.already_enrolled',
      });
    }
    const secret = newTotpSecret();
    await setTotpSecret(tx, user.id, encryptField(deps.keys, totpContext, secret));
    const uri = totpUri(secret, user.username);
    return { secret, uri, qrSvg: await QRCode.toString(uri, { type: 'svg', margin: 1 }) };
  });
};

export const sealTotpSecret = (deps: Pick<AppDeps, 'keys'>, secret: string) =>
  encryptField(deps.keys, totpContext, secret);
