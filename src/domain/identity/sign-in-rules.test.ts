import { describe, expect, it } from 'vitest';
import {
  defaultSignInPolicy as policy,
  isLocked,
  lockAfterFailure,
  sessionExpiry,
} from './sign-in-rules';

const at = (iso: string) => new Date(iso);

describe('sign-in rules', () => {
  it('makes the address wait only when the failure reaches the limit, longer each time', () => {
    const now = at('2026-11-24T10:00:00Z');
    expect(lockAfterFailure(policy.maxFailedLogins - 1, now, policy)).toBeNull();
    const until = lockAfterFailure(policy.maxFailedLogins, now, policy);
    expect(until?.toISOString()).toBe('2026-11-24T10:01:00.000Z');
    expect(isLocked(until, at('2026-11-24T10:00:59Z'))).toBe(true);
    expect(isLocked(until, at('2026-11-24T10:01:01Z'))).toBe(false);
    const waits = [1, 2, 3, 4, 5, 6].map(
      (extra) =>
        (lockAfterFailure(policy.maxFailedLogins + extra, now, policy)!.getTime() - now.getTime()) /
        60_000,
    );
    expect(waits).toEqual([2, 4, 8, 15, 15, 15]);
  });

  it('ends an idle session and a session past its absolute limit', () => {
    const createdAt = at('2026-11-24T08:00:00Z');
    const session = {
      createdAt,
      lastSeenAt: at('2026-11-24T09:00:00Z'),
      expiresAt: at('2026-11-24T18:00:00Z'),
    };
    expect(sessionExpiry(session, at('2026-11-24T09:29:00Z'), policy)).toBeNull();
    expect(sessionExpiry(session, at('2026-11-24T09:30:00Z'), policy)).toBe('idle');
    expect(
      sessionExpiry(
        { ...session, lastSeenAt: at('2026-11-24T17:59:00Z') },
        at('2026-11-24T18:00:00Z'),
        policy,
      ),
    ).toBe('absolute');
  });
});
