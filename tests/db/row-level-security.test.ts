import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { inScope, asSystem } from '../../src/server/platform/db/transaction';
import { buildUser } from '../factories/world';
import { engineAvailable } from '../helpers/test-database';
import { useTestWorld } from '../helpers/test-world';

describe.runIf(engineAvailable)('row-level security', () => {
  const t = useTestWorld({ app: false });
  let northUserId: string;

  beforeAll(async () => {
    const user = await buildUser(t.database, {
      organisationId: t.world.north.org.id,
      unitId: t.world.north.adultUnit.id,
      role: 'caseWorker',
    });
    northUserId = user.id;
    await asSystem(t.database.db, async (tx) => {
      for (const side of [t.world.north, t.world.south]) {
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

  it('a query without any organisation filter returns only the request organisation’s rows', async () => {
    const rows = await inScope(
      t.database.db,
      { organisationId: t.world.north.org.id, userId: northUserId },
      (tx) => sql<{ organisationId: string }>`select organisation_id from persons`.execute(tx),
    );
    expect(rows.rows.length).toBe(1);
    expect(rows.rows.every((row) => row.organisationId === t.world.north.org.id)).toBe(true);

    const all = await asSystem(t.database.db, (tx) =>
      sql<{ n: number }>`select count(*)::int as n from persons`.execute(tx),
    );
    expect(all.rows[0]?.n).toBe(2);
  });

  it('refuses to write a row into another organisation', async () => {
    await expect(
      inScope(t.database.db, { organisationId: t.world.north.org.id, userId: northUserId }, (tx) =>
        tx
          .insertInto('persons')
          .values({
            organisationId: t.world.south.org.id,
            unitId: t.world.south.adultUnit.id,
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
    const scope = { organisationId: t.world.north.org.id, userId: northUserId };
    await expect(
      inScope(t.database.db, scope, (tx) => sql`delete from audit_events`.execute(tx)),
    ).rejects.toThrow(/permission denied/);
    await expect(
      inScope(t.database.db, scope, (tx) => sql`update audit_events set reason = 'x'`.execute(tx)),
    ).rejects.toThrow(/permission denied/);
  });
});
