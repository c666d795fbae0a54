/**
 * Rules for signing in and staying signed in. Numbers follow common practice for Swedish
 * social services systems; an installation may change them through configuration.
 */
export type SignInPolicy = {
  /** Failed passwords in a row before the account locks. */
  maxFailedLogins: number;
  lockoutMinutes: number;
  /** A session ends after this long without a request. */
  idleMinutes: number;
  /** A session ends this long after sign-in, however active. */
  absoluteHours: number;
  /** Minutes allowed between password and second factor. */
  secondFactorWindowMinutes: number;
};

export const defaultSignInPolicy: SignInPolicy = {
  maxFailedLogins: 5,
  lockoutMinutes: 15,
  idleMinutes: 30,
  absoluteHours: 10,
  secondFactorWindowMinutes: 5,
};

/** After a failed attempt: lock until when, if this failure reached the limit. */
export const lockAfterFailure = (
  failuresIncludingThis: number,
  now: Date,
  policy: SignInPolicy,
): Date | null =>
  failuresIncludingThis >= policy.maxFailedLogins
    ? new Date(now.getTime() + policy.lockoutMinutes * 60_000)
    : null;

export const isLocked = (lockedUntil: Date | null, now: Date): boolean =>
  lockedUntil !== null && lockedUntil.getTime() > now.getTime();

export type SessionTimes = { createdAt: Date; lastSeenAt: Date; expiresAt: Date };

/** Why a session can no longer be used, or null while it is alive. */
export const sessionExpiry = (
  session: SessionTimes,
  now: Date,
  policy: SignInPolicy,
): 'idle' | 'absolute' | null => {
  if (now.getTime() >= session.expiresAt.getTime()) return 'absolute';
  if (now.getTime() - session.lastSeenAt.getTime() >= policy.idleMinutes * 60_000) return 'idle';
  return null;
};

export const absoluteExpiry = (now: Date, policy: SignInPolicy): Date =>
  new Date(now.getTime() + policy.absoluteHours * 3_600_000);

/** Touching the session on every request would write on every read; once a minute is enough. */
export const shouldTouchSession = (lastSeenAt: Date, now: Date): boolean =>
  now.getTime() - lastSeenAt.getTime() > 60_000;
