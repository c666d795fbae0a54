import { describe, expect, it } from 'vitest';
import { ephemeralKeyRing } from '../../src/server/platform/crypto/key-ring';
import { loadConfig } from '../../src/server/config';
import { buildApp } from '../../src/server/platform/http/app';
import { engineAvailable } from '../helpers/test-database';
import { useTestWorld } from '../helpers/test-world';

describe.runIf(engineAvailable)('every API route declares who may call it', () => {
  const t = useTestWorld();

  it('refuses to start with a route that does not declare its access', async () => {
    const app = await buildApp(
      { ...t.testApp.deps, keys: ephemeralKeyRing(), config: loadConfig({}) },
      { webRoot: '/nonexistent' },
    );
    expect(() => app.get('/api/forgotten', async () => ({ secret: true }))).toThrow(
      /does not declare its access/,
    );
    await app.close();
  });

  it('lists only public routes as reachable without a session', async () => {
    const spec = (await t.testApp.app.inject({ method: 'GET', url: '/api/docs/json' })).json<{
      paths: Record<string, Record<string, unknown>>;
    }>();
    const routes = Object.entries(spec.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(routes.length).toBeGreaterThan(10);
    const open: string[] = [];
    for (const route of routes) {
      const [method, path] = route.split(' ') as [string, string];
      const url = path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
      if (method !== 'GET') continue;
      const response = await t.testApp.app.inject({ method: 'GET', url });
      if (response.statusCode !== 401) open.push(route);
    }
    expect(open.sort()).toEqual([
      'GET /api/auth/csrf',
      'GET /api/auth/oidc/callback',
      'GET /api/auth/oidc/{providerId}/start',
      'GET /api/auth/providers',
      'GET /api/health',
      'GET /api/session',
    ]);
  });
});
