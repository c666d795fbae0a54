import { currentTotpCode } from '../src/server/platform/auth/totp';

/** Signs in over real HTTP (CSRF, password, TOTP) and returns the cookie header to reuse. */
export const signIn = async (
  base: string,
  username: string,
  password: string,
  totpSecret: string,
): Promise<string> => {
  const jar = new Map<string, string>();
  const call = async (method: string, path: string, body?: unknown, csrf?: string) => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: {
        cookie: [...jar].map(([key, value]) => `${key}=${value}`).join('; '),
        ...(body ? { 'content-type': 'application/json' } : {}),
        ...(csrf ? { 'x-csrf-token': csrf } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const [key, value] = pair!.split('=');
      jar.set(key!, value!);
    }
    if (!response.ok) throw new Error(`${path}: ${response.status}`);
    return response.json() as Promise<Record<string, string>>;
  };
  const { token } = await call('GET', '/api/auth/csrf');
  await call('POST', '/api/auth/login', { username, password }, token);
  await call('POST', '/api/auth/totp', { code: currentTotpCode(totpSecret, new Date()) }, token);
  return [...jar].map(([key, value]) => `${key}=${value}`).join('; ');
};
