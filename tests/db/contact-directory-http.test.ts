import { describe, expect, it } from 'vitest';
import { engineAvailable } from '../helpers/test-database';
import { useTestWorld } from '../helpers/test-world';

type Entry = { holderName: string; current: boolean; validTo: string | null; functionCode: string };

describe.runIf(engineAvailable)('the regional contact directory', () => {
  const t = useTestWorld({ county: true });

  const as = (org: 'north' | 'south', role: 'administrator' | 'caseWorker') =>
    t.signedIn({
      organisationId: t.world[org].org.id,
      unitId: t.world[org].adultUnit.id,
      role,
    });
  const contact = (holderName: string, validFrom: string) => ({
    functionCode: 'vinrCoordinator',
    holderName,
    phone: '070-174 06 06',
    hours: 'Vardagar 8–16',
    outOfHours: 'Socialjouren via 112',
    validFrom,
  });

  it('keeps who held a function and when, readable across the county and nowhere else', async () => {
    const { client: admin } = await as('north', 'administrator');
    expect(
      (
        await admin.request('POST', '/api/contact-directory', {
          body: contact('Anna Samordnare', '2026-01-01'),
        })
      ).statusCode,
    ).toBe(201);
    const bad = await admin.request('POST', '/api/contact-directory', {
      body: { ...contact('Berit Samordnare', '2026-11-01'), phone: 'ring växeln', outOfHours: '' },
    });
    expect(bad.statusCode).toBe(400);
    expect(
      (
        await admin.request('POST', '/api/contact-directory', {
          body: contact('Berit Samordnare', '2026-11-01'),
        })
      ).statusCode,
    ).toBe(201);

    const { client: worker } = await as('north', 'caseWorker');
    const listed = (await worker.request('GET', '/api/contact-directory')).json<Entry[]>();
    expect(listed).toEqual([
      expect.objectContaining({ holderName: 'Berit Samordnare', current: true, validTo: null }),
      expect.objectContaining({
        holderName: 'Anna Samordnare',
        current: false,
        validTo: '2026-10-31',
      }),
    ]);
    expect(
      (
        await worker.request('POST', '/api/contact-directory', {
          body: contact('Cilla', '2026-11-02'),
        })
      ).statusCode,
    ).toBe(403);

    const officer = await t.signedIn({
      organisationId: t.county.police.orgId,
      unitId: t.county.police.unitId,
      role: 'police',
    });
    expect((await officer.client.request('GET', '/api/contact-directory')).json()).toContainEqual(
      expect.objectContaining({
        holderName: 'Berit Samordnare',
        organisationName: 'Övningsby kommun',
      }),
    );
    const { client: elsewhere } = await as('south', 'caseWorker');
    expect((await elsewhere.request('GET', '/api/contact-directory')).json()).toEqual([]);
  });
});
