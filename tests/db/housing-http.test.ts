import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { asSystem } from '../../src/server/platform/db/transaction';
import { buildHousingProvider } from '../factories/world';
import { engineAvailable, testEngine } from '../helpers/test-database';
import { buildCase, useTestWorld } from '../helpers/test-world';

type Unit = {
  id: string;
  name: string;
  address: string | null;
  freePlaces: number;
  occupied: number;
  missingNeeds: string[];
  own: boolean;
  version: number;
};
type Request = {
  id: string;
  status: string;
  answer: string | null;
  version: number;
  incoming: boolean;
};

const unitBody = {
  name: 'Skyddat boende Grannby',
  providerKind: 'municipal',
  ivoPermit: 'IVO 3.5.1-00000/2026 (övning)',
  specialisations: ['sonsAnyAge', 'pets'],
  areaDescription: 'Södra Övningslän',
  address: 'Övningsvägen 1, 999 99 Grannby',
  phone: '070-174 06 10',
  capacity: 3,
  occupied: 1,
};

describe.runIf(engineAvailable)('protected housing across the county', () => {
  const t = useTestWorld({ county: true });
  let provider: Awaited<ReturnType<typeof buildHousingProvider>>;

  beforeAll(async () => {
    provider = await buildHousingProvider(t.database);
  });

  const keeper = () =>
    t.signedIn({
      organisationId: provider.org.id,
      unitId: provider.unit.id,
      role: 'teamLeader',
    });
  const providersCaseWorker = () =>
    t.signedIn({
      organisationId: provider.org.id,
      unitId: provider.unit.id,
      role: 'caseWorker',
    });
  const placingWorker = () =>
    t.signedIn({
      organisationId: t.world.north.org.id,
      unitId: t.world.north.adultUnit.id,
      role: 'caseWorker',
    });
  const openCase = async (client: Awaited<ReturnType<typeof placingWorker>>) => {
    const person = await t.person({
      organisationId: t.world.north.org.id,
      unitId: t.world.north.adultUnit.id,
    });
    const opened = await buildCase(client.client, {
      personId: person.id,
      unitId: t.world.north.adultUnit.id,
      ownerUserId: client.user.id,
    });
    return opened.id;
  };
  const occupiedOf = (id: string) =>
    asSystem(t.database.db, (tx) =>
      tx
        .selectFrom('housingUnits')
        .select(['occupied', 'capacity'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow(),
    );

  it('finds a place through the directory, places a mother and her son, and gives the place back at the move-out', async () => {
    const { client: provider } = await keeper();
    const created = await provider.request('POST', '/api/housing/units', { body: unitBody });
    expect(created.statusCode).toBe(201);
    const unitId = created.json<{ id: string }>().id;

    const worker = await placingWorker();
    const found = (
      await worker.client.request('GET', '/api/housing/units?needs=sonsAnyAge,disability')
    ).json<Unit[]>();
    const grannby = found.find((unit) => unit.id === unitId)!;
    // Location secrecy: the area, never the address, outside the provider.
    expect(grannby).toMatchObject({
      address: null,
      freePlaces: 2,
      missingNeeds: ['disability'],
      own: false,
    });
    expect(JSON.stringify(found)).not.toContain('Övningsvägen');
    const own = (await provider.request('GET', '/api/housing/units')).json<Unit[]>();
    expect(own.find((unit) => unit.id === unitId)).toMatchObject({
      own: true,
      address: unitBody.address,
    });
    // Nor does a case worker in the provider's own municipality: the address is the keepers'.
    const colleague = await providersCaseWorker();
    expect(
      (await colleague.client.request('GET', '/api/housing/units'))
        .json<Unit[]>()
        .find((unit) => unit.id === unitId),
    ).toMatchObject({ own: true, address: null });
    // Another county does not see the unit.
    const stranger = await t.signedIn({
      organisationId: t.world.south.org.id,
      unitId: t.world.south.adultUnit.id,
      role: 'caseWorker',
    });
    expect(
      (await stranger.client.request('GET', '/api/housing/units'))
        .json<Unit[]>()
        .map((unit) => unit.id),
    ).not.toContain(unitId);

    const caseId = await openCase(worker);
    const request = {
      housingUnitId: unitId,
      places: 2,
      children: 1,
      needs: ['sonsAnyAge'],
      wantedFrom: '2026-11-24',
      note: 'Mamma med son 15 år',
    };
    const named = await worker.client.request('POST', `/api/cases/${caseId}/housing-requests`, {
      body: { ...request, note: 'Gäller 19821105-9954' },
    });
    expect(named.statusCode).toBe(400);
    expect(named.body).toContain('personnummer');
    const sent = await worker.client.request('POST', `/api/cases/${caseId}/housing-requests`, {
      body: request,
    });
    expect(sent.statusCode).toBe(201);
    const requestId = sent.json<{ id: string }>().id;

    const incoming = (await provider.request('GET', '/api/housing/requests')).json<Request[]>();
    expect(incoming).toEqual([
      expect.objectContaining({ id: requestId, incoming: true, status: 'sent' }),
    ]);
    // The placing side cannot answer its own request; a role without housing.keep is stopped.
    expect(
      (
        await worker.client.request('POST', `/api/housing/requests/${requestId}/answer`, {
          body: { offer: true, message: '', version: 1 },
        })
      ).statusCode,
    ).toBe(403);
    const declineWithoutWords = await provider.request(
      'POST',
      `/api/housing/requests/${requestId}/answer`,
      {
        body: { offer: false, message: '', version: 1 },
      },
    );
    expect(declineWithoutWords.statusCode).toBe(400);
    const offered = await provider.request('POST', `/api/housing/requests/${requestId}/answer`, {
      body: {
        offer: true,
        message: 'Välkomna i dag kl. 15. Ring 070-174 06 10 från stationen.',
        version: 1,
      },
    });
    expect(offered.json()).toEqual({ status: 'offered' });
    expect(await occupiedOf(unitId)).toEqual({ occupied: 3, capacity: 3 });

    const placed = await worker.client.request('POST', `/api/cases/${caseId}/placements`, {
      body: { requestId, startOn: '2026-11-24', plannedEndOn: '2027-02-24', costPerDay: 1850 },
    });
    expect(placed.statusCode).toBe(201);
    const again = await worker.client.request('POST', `/api/cases/${caseId}/placements`, {
      body: { providerName: 'Annat boende', startOn: '2026-11-24' },
    });
    expect(again.statusCode).toBe(422);
    expect(
      (
        await worker.client.request('POST', `/api/cases/${caseId}/placement/children`, {
          body: {
            firstName: 'Elias',
            bornYear: 2011,
            decisionOn: '2026-11-24',
            school: 'notYetArranged',
          },
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await worker.client.request('POST', `/api/cases/${caseId}/placement/children`, {
          body: {
            firstName: 'Elias',
            bornYear: 2011,
            decisionOn: '2026-11-24',
            school: 'distanceTeaching',
            schoolNote: 'Fjärrundervisning från hemskolan tills skolplacering i Grannby är klar.',
          },
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await worker.client.request('POST', `/api/cases/${caseId}/placement/visits`, {
          body: {
            visitedOn: '2026-11-24',
            mode: 'digital',
            note: 'Videosamtal: de har kommit fram.',
          },
        })
      ).statusCode,
    ).toBe(201);
    let [stay] = (await worker.client.request('GET', `/api/cases/${caseId}/placements`)).json<
      {
        version: number;
        arrival: string;
        providerName: string;
        exitPlanOpenItems: string[];
        children: { school: string }[];
      }[]
    >();
    expect(stay).toMatchObject({
      providerName: 'Skyddat boende Grannby (Grannby kommun)',
      arrival: expect.stringContaining('kl. 15'),
      children: [expect.objectContaining({ school: 'distanceTeaching' })],
    });
    expect(stay!.exitPlanOpenItems.length).toBeGreaterThan(0);
    const planned = await worker.client.request('PUT', `/api/cases/${caseId}/placement/exit-plan`, {
      body: {
        debts: 'none',
        rentalContract: 'has',
        housingCompanyContacted: true,
        version: stay!.version,
      },
    });
    expect(planned.json()).toMatchObject({ openItems: [] });
    const stale = await worker.client.request('POST', `/api/cases/${caseId}/placement/exit`, {
      body: { endOn: '2026-11-24', destination: 'ownHousing', version: stay!.version },
    });
    expect(stale.statusCode).toBe(409);
    [stay] = (await worker.client.request('GET', `/api/cases/${caseId}/placements`)).json<
      {
        version: number;
        arrival: string;
        providerName: string;
        exitPlanOpenItems: string[];
        children: { school: string }[];
      }[]
    >();
    const exit = await worker.client.request('POST', `/api/cases/${caseId}/placement/exit`, {
      body: { endOn: '2026-11-24', destination: 'ownHousing', version: stay!.version },
    });
    expect(exit.json()).toEqual({ released: true });
    expect(await occupiedOf(unitId)).toEqual({ occupied: 1, capacity: 3 });

    // The reads and writes of the stay are in the person's log.
    const logged = await asSystem(t.database.db, (tx) =>
      tx
        .selectFrom('auditEvents')
        .select('type')
        .where('type', 'like', 'housing.%')
        .where('actorUserId', '=', worker.user.id)
        .execute(),
    );
    expect(new Set(logged.map((row) => row.type))).toEqual(
      new Set([
        'housing.request_sent',
        'housing.placement_saved',
        'housing.child_recorded',
        'housing.visit_recorded',
        'housing.placement_read',
        'housing.exit_planned',
        'housing.exit_recorded',
      ]),
    );
  });

  it('lets only one of two answers take the last place, and the database refuses overbooking', async () => {
    const { client: provider } = await keeper();
    const { client: colleague } = await keeper();
    const unitId = (
      await provider.request('POST', '/api/housing/units', {
        body: { ...unitBody, name: 'Sista platsen', capacity: 2, occupied: 1 },
      })
    ).json<{ id: string }>().id;
    const worker = await placingWorker();
    const requestIds: string[] = [];
    for (const caseId of [await openCase(worker), await openCase(worker)]) {
      const sent = await worker.client.request('POST', `/api/cases/${caseId}/housing-requests`, {
        body: { housingUnitId: unitId, places: 1, children: 0, wantedFrom: '2026-11-24' },
      });
      requestIds.push(sent.json<{ id: string }>().id);
    }
    const answers = await Promise.all(
      requestIds.map((id, index) =>
        (index === 0 ? provider : colleague).request('POST', `/api/housing/requests/${id}/answer`, {
          body: { offer: true, message: 'Välkommen', version: 1 },
        }),
      ),
    );
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([200, 422]);
    expect(answers.find((answer) => answer.statusCode === 422)!.body).toContain(
      'ingen ledig plats',
    );
    expect(await occupiedOf(unitId)).toEqual({ occupied: 2, capacity: 2 });
    const statuses = await asSystem(t.database.db, (tx) =>
      tx.selectFrom('housingRequests').select('status').where('id', 'in', requestIds).execute(),
    );
    expect(statuses.map((row) => row.status).sort()).toEqual(['offered', 'sent']);

    // Whatever the application does, the table holds the bound.
    await expect(
      asSystem(t.database.db, (tx) =>
        sql`update housing_units set occupied = capacity + 1 where id = ${unitId}`.execute(tx),
      ),
    ).rejects.toThrow(/housing_units_places_within_capacity/);
    const lower = await provider.request('PUT', `/api/housing/units/${unitId}`, {
      body: { ...unitBody, name: 'Sista platsen', capacity: 1, occupied: 2, version: 2 },
    });
    expect(lower.statusCode).toBe(400);
  });

  // Two connections at once: only a server has them (PGlite is one connection, serial by nature).
  it.runIf(testEngine === 'postgres')(
    'makes the second of two simultaneous bookings wait for the first and then find no place',
    async () => {
      const unitId = await asSystem(
        t.database.db,
        async (tx) =>
          (
            await tx
              .insertInto('housingUnits')
              .values({
                organisationId: provider.org.id,
                name: 'En plats kvar',
                providerKind: 'womensShelter',
                areaDescription: 'Norra Övningslän',
                phone: '070-174 06 11',
                capacity: 1,
                occupied: 0,
                availabilityUpdatedAt: new Date(),
                availabilityUpdatedByName: 'Test',
              })
              .returning('id')
              .executeTakeFirstOrThrow()
          ).id,
      );
      // The same statement the answer runs: book one place if one is free.
      const book = (tx: Parameters<Parameters<typeof asSystem>[1]>[0]) =>
        sql<{ occupied: number }>`update housing_units set occupied = occupied + 1
          where id = ${unitId} and occupied + 1 <= capacity returning occupied`.execute(tx);
      let releaseFirst!: () => void;
      const firstMayCommit = new Promise<void>((resolve) => (releaseFirst = resolve));
      let firstBooked!: () => void;
      const firstHasBooked = new Promise<void>((resolve) => (firstBooked = resolve));
      const first = asSystem(t.database.db, async (tx) => {
        const rows = (await book(tx)).rows;
        firstBooked();
        await firstMayCommit;
        return rows.length;
      });
      await firstHasBooked;
      // The second booking blocks on the first's row lock until the first commits, then sees
      // the place taken and books nothing.
      const second = asSystem(t.database.db, async (tx) => (await book(tx)).rows.length);
      await new Promise((resolve) => setTimeout(resolve, 200));
      releaseFirst();
      expect([await first, await second]).toEqual([1, 0]);
      expect(await occupiedOf(unitId)).toEqual({ occupied: 1, capacity: 1 });
    },
  );

  it('gives an offer’s places back when the placing side withdraws or the provider frees them', async () => {
    const { client: provider } = await keeper();
    const created = await provider.request('POST', '/api/housing/units', {
      body: { ...unitBody, name: 'Skyddat boende Återbud', capacity: 2, occupied: 0 },
    });
    const unitId = created.json<{ id: string }>().id;
    const worker = await placingWorker();
    const caseOf = new Map<string, string>();
    const ask = async () => {
      const caseId = await openCase(worker);
      const sent = await worker.client.request('POST', `/api/cases/${caseId}/housing-requests`, {
        body: {
          housingUnitId: unitId,
          places: 1,
          children: 0,
          needs: [],
          wantedFrom: '2026-11-24',
          note: 'Kvinna utan barn',
        },
      });
      caseOf.set(sent.json<{ id: string }>().id, caseId);
      return sent.json<{ id: string }>().id;
    };
    const offer = (requestId: string) =>
      provider.request('POST', `/api/housing/requests/${requestId}/answer`, {
        body: { offer: true, message: 'Välkommen i kväll.', version: 1 },
      });
    const versionOf = async (requestId: string) =>
      (await worker.client.request('GET', '/api/housing/requests'))
        .json<Request[]>()
        .find((request) => request.id === requestId)!.version;
    const withdraw = async (requestId: string, version?: number) =>
      worker.client.request('POST', `/api/housing/requests/${requestId}/withdraw`, {
        body: { version: version ?? (await versionOf(requestId)) },
      });

    // An unanswered request is simply withdrawn; nothing was booked.
    const unanswered = await ask();
    const first = await withdraw(unanswered);
    expect(first.json()).toEqual({ status: 'withdrawn', placesReleased: false });
    expect((await withdraw(unanswered)).statusCode).toBe(422);
    expect((await occupiedOf(unitId)).occupied).toBe(0);

    // An offer she will not move into: the place is free again at once.
    const offered = await ask();
    expect((await offer(offered)).statusCode).toBe(200);
    expect((await occupiedOf(unitId)).occupied).toBe(1);
    expect((await withdraw(offered, 1)).statusCode).toBe(409);
    // The provider cannot withdraw the municipality's request.
    expect(
      (
        await provider.request('POST', `/api/housing/requests/${offered}/withdraw`, {
          body: { version: 2 },
        })
      ).statusCode,
    ).toBe(404);
    const second = await withdraw(offered);
    expect(second.json()).toEqual({ status: 'withdrawn', placesReleased: true });
    expect((await occupiedOf(unitId)).occupied).toBe(0);

    // The provider frees an offer nobody came for; the placing side cannot.
    const neverCame = await ask();
    await offer(neverCame);
    expect((await occupiedOf(unitId)).occupied).toBe(1);
    const version = await versionOf(neverCame);
    expect(
      (
        await worker.client.request('POST', `/api/housing/requests/${neverCame}/release`, {
          body: { version },
        })
      ).statusCode,
    ).toBe(403);
    const freed = await provider.request('POST', `/api/housing/requests/${neverCame}/release`, {
      body: { version },
    });
    expect(freed.statusCode).toBe(200);
    // The case page asks for its own case's requests only.
    const forCase = await worker.client.request(
      'GET',
      `/api/housing/requests?caseId=${caseOf.get(neverCame)}`,
    );
    expect(forCase.json<Request[]>().map((request) => request.id)).toEqual([neverCame]);
    expect((await occupiedOf(unitId)).occupied).toBe(0);
    const twice = await provider.request('POST', `/api/housing/requests/${neverCame}/release`, {
      body: { version: await versionOf(neverCame) },
    });
    expect(twice.statusCode).toBe(422);
    expect((await occupiedOf(unitId)).occupied).toBe(0);
  });

  it('counts a need nobody could meet, without saying who', async () => {
    const worker = await placingWorker();
    const recorded = await worker.client.request('POST', '/api/housing/unmet-needs', {
      body: {
        unitId: t.world.north.adultUnit.id,
        places: 3,
        children: 2,
        needs: ['sonsAnyAge', 'disability'],
        note: 'Rullstol; son 16 år',
      },
    });
    expect(recorded.statusCode).toBe(201);
    expect(
      (
        await worker.client.request('POST', '/api/housing/unmet-needs', {
          body: { unitId: t.world.north.childUnit.id, places: 1, children: 0 },
        })
      ).statusCode,
    ).toBe(400);
    const listed = (await worker.client.request('GET', '/api/housing/unmet-needs')).json();
    expect(listed).toEqual([
      expect.objectContaining({ places: 3, children: 2, needs: ['sonsAnyAge', 'disability'] }),
    ]);
  });
});
