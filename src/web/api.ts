import type { CsrfToken } from '../contract/sign-in';
import type { FieldIssue } from '../domain/field-issues';

/** The web app's only door to the server: same-origin JSON with the CSRF token on every change. */
export type Problem = {
  status: number;
  code: string;
  title: string;
  reason?: string;
  fields?: FieldIssue[];
};

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.title);
  }
}

let csrfToken: string | null = null;

const fetchCsrf = async (): Promise<string> => {
  const response = await fetch('/api/auth/csrf', { credentials: 'same-origin' });
  csrfToken = ((await response.json()) as CsrfToken).token;
  return csrfToken;
};

export const api = async <T>(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH',
  path: string,
  body?: unknown,
): Promise<T> => {
  const send = async (token: string | null) => {
    const headers: Record<string, string> = {};
    if (token) headers['x-csrf-token'] = token;
    if (body !== undefined) headers['content-type'] = 'application/json';
    return fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  };
  let response = await send(method === 'GET' ? null : (csrfToken ?? (await fetchCsrf())));
  // The token belongs to the session it was given in: after signing in (or in, again) it is
  // refused before anything is done, so a new one is fetched and the call made once more.
  if (method !== 'GET' && response.status === 403) {
    const refused = (await response
      .clone()
      .json()
      .catch(() => null)) as Problem | null;
    if (refused?.code === 'auth.csrf') response = await send(await fetchCsrf());
  }
  const data: unknown = await response.json().catch(() => null);
  if (!response.ok)
    throw new ApiError(
      (data as Problem | null) ?? {
        status: response.status,
        code: 'unknown',
        title: response.statusText,
      },
    );
  return data as T;
};

export type { SessionView } from '../contract/session';
