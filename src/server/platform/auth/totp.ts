import { Secret, TOTP } from 'otpauth';

/** TOTP as RFC 6238 with the settings every authenticator app understands. */
const totpFor = (secretBase32: string, label = 'Fristad') =>
  new TOTP({
    issuer: 'Fristad',
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    secret: Secret.fromBase32(secretBase32),
  });

export const newTotpSecret = (): string => new Secret({ size: 20 }).base32;

export const totpUri = (secretBase32: string, username: string): string =>
  totpFor(secretBase32, username).toString();

export const currentTotpCode = (secretBase32: string, now: Date): string =>
  totpFor(secretBase32).generate({ timestamp: now.getTime() });

/**
 * Checks a code, allowing one step of clock drift either way. Returns the time step the code
 * belongs to, so the caller can refuse to accept the same step twice (no replay).
 */
export const matchTotpStep = (secretBase32: string, code: string, now: Date): number | null => {
  const totp = totpFor(secretBase32);
  const delta = totp.validate({
    token: code.replace(/\s/g, ''),
    timestamp: now.getTime(),
    window: 1,
  });
  if (delta === null) return null;
  return totp.counter({ timestamp: now.getTime() }) + delta;
};
