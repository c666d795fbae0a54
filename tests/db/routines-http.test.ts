import { describe, expect, it } from 'vitest';
import { engineAvailable } from '../helpers/test-database';
import { useTestWorld } from '../helpers/test-world';

type Routine = {
  id: string;
  title: string;
  version: { versionNo: number; body: string };
  readByMe: boolean;
  readers: { read: number; staff: number } | null;
};

/** The routine library over HTTP (the clock: 24 Nov 2026). */
describe.runIf(engineAvailable)('routines over HTTP', () => {
  const t = useTestWorld();

  it('shows the version in force at its step, asks everyone to read it, and asks again for a new one', async () => {
    const grant = (role: 'caseWorker' | 'coordinator') => ({
      organisationId: t.world.north.org.id,
      unitId: t.world.north.adultUnit.id,
      role,
    });
    const coordinator = await t.signedIn(grant('coordinator'));
    const worker = await t.signedIn(grant('caseWorker'));
    const routine = {
      title: 'Riskbedömning i utredning',
      step: 'investigation',
      body: 'Gör en strukturerad riskbedömning inom tre dagar från att utredningen inleds.',
      approvedBy: 'Socialnämnden 2026-03-12',
      validFrom: '2026-04-01',
    };
    const save = (client: typeof worker.client, body: object) =>
      client.request('POST', '/api/routines', { body });
    expect((await save(worker.client, routine)).statusCode).toBe(403);
    expect((await save(coordinator.client, { ...routine, approvedBy: '' })).statusCode).toBe(400);
    const created = await save(coordinator.client, routine);
    expect(created.statusCode).toBe(201);
    const { id } = created.json<{ id: string }>();

    const atStep = async (client: typeof worker.client, step: string) =>
      (await client.request('GET', `/api/routines?step=${step}`)).json<Routine[]>();
    expect(await atStep(worker.client, 'closed')).toEqual([]);
    expect(await atStep(worker.client, 'investigation')).toEqual([
      expect.objectContaining({
        id,
        readByMe: false,
        readers: null,
        version: expect.objectContaining({ versionNo: 1 }),
      }),
    ]);
    const acknowledge = (versionNo: number) =>
      worker.client.request('POST', `/api/routines/${id}/acknowledgements`, {
        body: { versionNo },
      });
    expect((await acknowledge(1)).statusCode).toBe(200);
    expect((await atStep(worker.client, 'investigation'))[0]!.readByMe).toBe(true);

    // Version 2 is in force today; version 3 is decided for next year and not shown yet.
    expect(
      (
        await save(coordinator.client, {
          ...routine,
          routineId: id,
          body: `${routine.body} Dokumentera i ärendet.`,
          validFrom: '2026-11-24',
        })
      ).json<{ versionNo: number }>().versionNo,
    ).toBe(2);
    await save(coordinator.client, { ...routine, routineId: id, validFrom: '2027-01-01' });
    const current = (await atStep(worker.client, 'investigation'))[0]!;
    expect([current.version.versionNo, current.readByMe]).toEqual([2, false]);
    const stale = await acknowledge(1);
    expect(stale.statusCode).toBe(422);
    expect(stale.json<{ reason: string }>().reason).toBe('routine.not_current');
    expect((await acknowledge(2)).statusCode).toBe(200);
    const kept = (await atStep(coordinator.client, 'investigation'))[0]!;
    expect(kept.readers).toEqual({ read: 1, staff: 2 });
  });
});
