import { loadCatalogues } from '../../src/server/platform/catalogues/load-catalogues';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { currentTotpCode } from '../../src/server/platform/auth/totp';
import { loadConfig } from '../../src/server/config';
import { ephemeralKeyRing } from '../../src/server/platform/crypto/key-ring';
import type { KeyRing } from '../../src/server/platform/crypto/field-encryption';
import { buildApp } from '../../src/server/platform/http/app';
import type { AppDeps } from '../../src/server/platform/http/context';
import type { TestDatabase } from './test-database';

/** A clock the test can move, so timeouts and TOTP steps are tested without waiting. */
export class TestClock {
  constructor(private current = new Date('2026-11-24T09:00:00Z')) {}
  now = () => new Date(this.current);
  advance = (ms: number) => {
    this.current = new Date(this.current.getTime() + ms);
  };
}

export type TestApp = { app: FastifyInstance; deps: AppDeps; clock: TestClock; keys: KeyRing };

export const createTestApp = async (
  database: TestDatabase,
  keys: KeyRing = ephemeralKeyRing(),
  /** Settings as the environment would give them, over the test defaults. */
  env: Record<string, string> = {},
): Promise<TestApp> => {
  const clock = new TestClock();
  const config = {
    ...loadConfig({ FRISTAD_LOGIN_RATE_PER_MINUTE: '1000', ...env }),
    logLevel: 'silent',
  };
  const deps: AppDeps = {
    db: database.db,
    keys,
    now: clock.now,
    config,
    ...loadCatalogues(),
  };
  const app = await buildApp(deps, { webRoot: '/nonexistent' });
  await app.ready();
  return { app, deps, clock, keys };
};

/**
 * A browser-like client on app.inject: keeps cookies, fetches a CSRF token and sends it on
 * every state-changing request unless told not to.
 */
export class TestClient {
  private readonly jar = new Map<string, string>();
  private csrf: string | null = null;

  constructor(
    private readonly app: FastifyInstance,
    /** The address the client connects from (the server's sign-in limits count per address). */
    private readonly address?: string,
  ) {}

  async request(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    options: {
      body?: unknown;
      rawBody?: string;
      withoutCsrf?: boolean;
      headers?: Record<string, string>;
    } = {},
  ): Promise<LightMyRequestResponse> {
    const response = await this.send(method, url, options);
    // As the web app does: a token from before the session changed is fetched anew, once.
    if (
      response.statusCode === 403 &&
      method !== 'GET' &&
      !options.withoutCsrf &&
      response.json<{ code?: string }>().code === 'auth.csrf'
    ) {
      this.csrf = null;
      return this.send(method, url, options);
    }
    return response;
  }

  private async send(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    options: {
      body?: unknown;
      rawBody?: string;
      withoutCsrf?: boolean;
      headers?: Record<string, string>;
    },
  ): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { ...options.headers };
    if (method !== 'GET' && !options.withoutCsrf) headers['x-csrf-token'] = await this.csrfToken();
    if (this.jar.size)
      headers.cookie = [...this.jar].map(([name, value]) => `${name}=${value}`).join('; ');
    const inject: InjectOptions = {
      method,
      url,
      headers,
      ...(this.address ? { remoteAddress: this.address } : {}),
    };
    if (options.rawBody !== undefined) {
      inject.payload = options.rawBody;
      headers['content-type'] = headers['content-type'] ?? 'application/json';
    } else if (options.body !== undefined) {
      inject.payload = options.body as InjectOptions['payload'];
    }
    const response = await this.app.inject(inject);
    for (const cookie of response.cookies as { name: string; value: string; expires?: Date }[]) {
      if (!cookie.value || (cookie.expires && cookie.expires.getTime() < Date.now()))
        this.jar.delete(cookie.name);
      else this.jar.set(cookie.name, cookie.value);
    }
    return response;
  }

  private async csrfToken(): Promise<string> {
    if (!this.csrf) {
      const response = await this.request('GET', '/api/auth/csrf');
      this.csrf = response.json<{ token: string }>().token;
    }
    return this.csrf;
  }

  /** Signs in with password and, when a TOTP secret is given, the current code. */
  async signIn(
    username: string,
    password: string,
    totpSecret: string | null,
    now: Date,
  ): Promise<void> {
    const login = await this.request('POST', '/api/auth/login', { body: { username, password } });
    if (login.statusCode !== 200)
      throw new Error(`login failed: ${login.statusCode} ${login.body}`);
    if (totpSecret) {
      const totp = await this.request('POST', '/api/auth/totp', {
        body: { code: currentTotpCode(totpSecret, now) },
      });
      if (totp.statusCode !== 200) throw new Error(`totp failed: ${totp.statusCode} ${totp.body}`);
    }
  }
}
