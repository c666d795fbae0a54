import type { RoleId } from '../../src/domain/access/roles';
import { buildSignedUpUser } from '../factories/world';
import { TestClient, type TestApp } from './test-app';
import type { TestDatabase } from './test-database';

/** A new user with one role, signed in with both factors at the test clock's time. */
export const signedIn = async (
  database: TestDatabase,
  testApp: TestApp,
  grant: { organisationId: string; unitId: string; role: RoleId },
) => {
  const user = await buildSignedUpUser(database, testApp.keys, grant);
  const client = new TestClient(testApp.app);
  await client.signIn(user.username, user.password, user.totpSecret, testApp.clock.now());
  return { client, user };
};
