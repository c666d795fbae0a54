import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inScope, asSystem } from '../../src/server/platform/db/transaction';
import { buildUser, buildWorld, type World } from '../factories/world';
import { createTestDatabase, engineAvailable, type TestDatabase } from '../helpers/test-database';

describe.runIf(engineAvailable)('row-level security', () => {
  let database: TestDatabase;
  let world: World;
  let northUserId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    world = await buildWorld(database);
    const user = await buildUser(database, {
      organisationId: world.north.org.id,
      unitId: world.north.adultUnit.id,
      role: 'caseWorker',
    });
    northUserId = user.id;
    await asSystem(database.db, async (tx) => {
      for (const side of [world.north, world.south]) {
        await tx
          .insertInto('persons')
          .values({
            organisationId: side.org.id,
            unitId: side.adultUnit.id,
            givenName: 'Övning',
            familyName: `Person ${side.org.name}`,
            protectionLevel: 'none',
            fictitious: true,
            updatedAt: new Date(),
          })
          .execute();
      }
    });
  });
  afterAll(() => database?.close());

  it('a query without any organisation filter returns only the request organisation’s rows', async () => {
    const rows = await inScope(
      database.db,
      { organisationId: world.north.org.id, userId: northUserId },
      (tx) => sql<{ organisationId: string }>`select organisation_id from persons`.execute(tx),
    );
    expect(rows.rows.length).toBe(1);
    expect(rows.rows.every((row) => row.organisationId === world.north.org.id)).toBe(true);

    const all = await asSystem(database.db, (tx) =>
      sql<{ n: number }>`select count(*)::int as n from persons`.execute(tx),
    );
    expect(all.rows[0]?.n).toBe(2);
  });

  it('refuses to write a row into another organisation', async () => {
    await expect(
      inScope(database.db, { organisationId: world.north.org.id, userId: northUserId }, (tx) =>
        tx
          .insertInto('persons')
          .values({
            organisationId: world.south.org.id,
            unitId: world.south.adultUnit.id,
            givenName: 'Övning',
            familyName: 'Intrång',
            protectionLevel: 'none',
            updatedAt: new Date(),
          })
          .execute(),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('the application role cannot update or delete audit events', async () => {
    const scope = { organisationId: world.north.org.id, userId: northUserId };
    await expect(
      inScope(database.db, scope, (tx) => sql`delete from audit_events`.execute(tx)),
    ).rejects.toThrow(/permission denied/);
    await expect(
      inScope(database.db, scope, (tx) => sql`update audit_events set reason = 'x'`.execute(tx)),
    ).rejects.toThrow(/permission denied/);
  });
});
