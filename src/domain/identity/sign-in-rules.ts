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

/**
 * After a failed attempt from one address: wait until when, if this failure reached the limit.
 * The wait grows — 1, 2, 4, 8 minutes, then `lockoutMinutes` — so guessing slows to a crawl while
 * a mistyped password costs a minute. It binds the address that failed, never the account: the
 * owner signs in from her own desk however often someone else guesses.
 */
export const lockAfterFailure = (
  failuresIncludingThis: number,
  now: Date,
  policy: SignInPolicy,
): Date | null => {
  if (failuresIncludingThis < policy.maxFailedLogins) return null;
  const minutes = Math.min(
    policy.lockoutMinutes,
    2 ** (failuresIncludingThis - policy.maxFailedLogins),
  );
  return new Date(now.getTime() + minutes * 60_000);
};

/** Failures older than this are forgotten: the count starts again. */
export const failureMemoryMinutes = 24 * 60;

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
