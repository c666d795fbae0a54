import { describe, expect, it } from 'vitest';
import { asSystem } from '../../src/server/platform/db/transaction';
import { engineAvailable } from '../helpers/test-database';
import { useTestWorld } from '../helpers/test-world';

type UnitRow = { id: string; routineScreening: boolean; version: number };
type CoverageRow = { unitId: string; topic: string; asked: number; coverage: number | null };

describe.runIf(engineAvailable)('routine screening per unit', () => {
  const t = useTestWorld();

  const as = (unitId: string, role: 'administrator' | 'teamLeader' | 'caseWorker') =>
    t.signedIn({ organisationId: t.world.north.org.id, unitId, role });

  it('is on in every unit until an administrator turns it off, and the change is logged', async () => {
    const admin = await as(t.world.north.adultUnit.id, 'administrator');
    const units = (await admin.client.request('GET', '/api/units')).json<UnitRow[]>();
    expect(units.length).toBeGreaterThan(0);
    expect(units.every((unit) => unit.routineScreening)).toBe(true);

    const child = units.find((unit) => unit.id === t.world.north.childUnit.id)!;
    const off = await admin.client.request('PATCH', `/api/units/${child.id}`, {
      body: { routineScreening: false, version: child.version },
    });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json()).toMatchObject({ routineScreening: false, version: child.version + 1 });

    const stale = await admin.client.request('PATCH', `/api/units/${child.id}`, {
      body: { routineScreening: true, version: child.version },
    });
    expect(stale.statusCode).toBe(409);

    const logged = await asSystem(t.database.db, (tx) =>
      tx
        .selectFrom('auditEvents')
        .select(['actorUserId', 'details'])
        .where('type', '=', 'unit.settings_changed')
        .execute(),
    );
    expect(logged).toEqual([
      { actorUserId: admin.user.id, details: { unitId: child.id, routineScreening: false } },
    ]);
  });

  it('cannot be changed by a case worker, nor in another organisation', async () => {
    const worker = await as(t.world.north.adultUnit.id, 'caseWorker');
    const refused = await worker.client.request(
      'PATCH',
      `/api/units/${t.world.north.adultUnit.id}`,
      {
        body: { routineScreening: false, version: 1 },
      },
    );
    expect(refused.statusCode).toBe(403);

    const admin = await as(t.world.north.adultUnit.id, 'administrator');
    const foreign = await admin.client.request(
      'PATCH',
      `/api/units/${t.world.south.adultUnit.id}`,
      {
        body: { routineScreening: false, version: 1 },
      },
    );
    expect(foreign.statusCode).toBe(404);
    const south = await asSystem(t.database.db, (tx) =>
      tx
        .selectFrom('units')
        .select('routineScreening')
        .where('id', '=', t.world.south.adultUnit.id)
        .executeTakeFirstOrThrow(),
    );
    expect(south.routineScreening).toBe(true);
  });

  it('lets an administrator set how soon each risk level is reassessed, higher risk never later', async () => {
    const admin = await as(t.world.north.adultUnit.id, 'administrator');
    const current = (await admin.client.request('GET', '/api/organisation/settings')).json<{
      reassessmentDays: Record<string, number>;
      version: number;
    }>();
    expect(current.reassessmentDays).toEqual({ low: 90, medium: 30, high: 14 });
    const upsideDown = await admin.client.request('PATCH', '/api/organisation/settings', {
      body: { reassessmentDays: { low: 7, medium: 30, high: 60 }, version: current.version },
    });
    expect(upsideDown.statusCode).toBe(400);
    expect(upsideDown.json().fields[0].message).toContain('hög ≤ medel ≤ låg');
    const changed = await admin.client.request('PATCH', '/api/organisation/settings', {
      body: { reassessmentDays: { low: 60, medium: 21, high: 7 }, version: current.version },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().reassessmentDays).toEqual({ low: 60, medium: 21, high: 7 });

    const worker = await as(t.world.north.adultUnit.id, 'caseWorker');
    const refused = await worker.client.request('PATCH', '/api/organisation/settings', {
      body: {
        reassessmentDays: { low: 90, medium: 30, high: 14 },
        version: changed.json().version,
      },
    });
    expect(refused.statusCode).toBe(403);
  });

  it('coverage lists every screening unit, one with nothing recorded as no data, and leaves out units that do not screen', async () => {
    const leader = await as(t.world.north.adultUnit.id, 'teamLeader');
    const person = await t.person({
      organisationId: t.world.north.org.id,
      unitId: t.world.north.adultUnit.id,
    });
    const recorded = await leader.client.request('POST', '/api/screenings', {
      body: {
        personId: person.id,
        unitId: t.world.north.adultUnit.id,
        answers: [{ topic: 'exposure', outcome: 'negative' }],
      },
    });
    expect(recorded.statusCode, recorded.body).toBe(201);
    const rows = (
      await leader.client.request('GET', '/api/screenings/coverage?from=2026-01-01&to=2027-01-01')
    ).json<CoverageRow[]>();
    const adult = rows.filter((row) => row.unitId === t.world.north.adultUnit.id);
    expect(adult).toEqual([
      expect.objectContaining({ topic: 'exposure', asked: 1, coverage: 1 }),
      expect.objectContaining({ topic: 'perpetration', asked: 0, coverage: null }),
    ]);
    // Barn och unga turned routine screening off in the first test and asked nobody.
    expect(rows.some((row) => row.unitId === t.world.north.childUnit.id)).toBe(false);
  });
});
