import { afterAll, beforeAll, expect } from 'vitest';
import type { RoleId } from '../../src/domain/access/roles';
import { buildCounty, buildPerson, buildWorld, type World } from '../factories/world';
import { signedIn } from './signed-in';
import { createTestApp, type TestApp, type TestClient } from './test-app';
import { createTestDatabase, type TestDatabase } from './test-database';

type County = Awaited<ReturnType<typeof buildCounty>>;

/**
 * The setup most database test files share, as one call at the top of a describe: a freshly
 * migrated database (copied from the run's image), the two fictitious municipalities (and, if
 * asked, the county around them), and the app on it (unless `app: false`, for files that only
 * query the database), closed when the file is done. The parts exist from the file's beforeAll
 * on; read them inside tests and hooks.
 */
export const useTestWorld = (
  options: { county?: boolean; app?: boolean; env?: Record<string, string> } = {},
) => {
  let database: TestDatabase | undefined;
  let world: World | undefined;
  let county: County | undefined;
  let testApp: TestApp | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
    world = await buildWorld(database);
    if (options.county) county = await buildCounty(database, world);
    if (options.app ?? true) testApp = await createTestApp(database, undefined, options.env);
  });
  afterAll(async () => {
    await testApp?.app.close();
    await database?.close();
  });
  const ready = <T>(part: T | undefined, name: string): T => {
    if (part === undefined) throw new Error(`useTestWorld: ${name} is read before beforeAll ran`);
    return part;
  };
  const app = () => {
    if (options.app === false) throw new Error('useTestWorld: no testApp with { app: false }');
    return ready(testApp, 'testApp');
  };
  return {
    get database() {
      return ready(database, 'database');
    },
    get world() {
      return ready(world, 'world');
    },
    get county() {
      return ready(county, 'county (ask for it with { county: true })');
    },
    get testApp() {
      return app();
    },
    /** A new user with one role in one unit, signed in with both factors. */
    signedIn: (grant: { organisationId: string; unitId: string; role: RoleId }) =>
      signedIn(ready(database, 'database'), app(), grant),
    /** A fictitious person written directly, for set-up. */
    person: (values: Parameters<typeof buildPerson>[2]) =>
      buildPerson(ready(database, 'database'), app().keys, values),
  };
};

/**
 * A case opened over the API, as a worker would (so its audit events are the real ones): an
 * adult victim's case by default; anything in `values` overrides the defaults.
 */
export const buildCase = async (
  client: TestClient,
  values: { personId: string; unitId: string } & Record<string, unknown>,
) => {
  const response = await client.request('POST', '/api/cases', {
    body: { type: 'adultVictim', ...values },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: string; version: number; stage: string; person: { id: string } }>();
};
