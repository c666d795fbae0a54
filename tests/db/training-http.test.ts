import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson, buildWorld, type World } from '../factories/world';
import { signedIn } from '../helpers/signed-in';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { createTestDatabase, engineAvailable, type TestDatabase } from '../helpers/test-database';

type Figures = { levels: { unitId: string | null; figures: { id: string; count: number }[] }[] };

/** Training mode over HTTP: a practice case is the worker's own, marked, and never counted. */
describe.runIf(engineAvailable)('practice cases over HTTP', () => {
  let database: TestDatabase;
  let world: World;
  let testApp: TestApp;

  beforeAll(async () => {
    database = await createTestDatabase();
    world = await buildWorld(database);
    testApp = await createTestApp(database);
  });
  afterAll(async () => {
    await testApp?.app.close();
    await database?.close();
  });

  it('opens a marked practice case from a scenario and leaves it out of every figure', async () => {
    const leader = await signedIn(database, testApp, {
      organisationId: world.north.org.id,
      unitId: world.north.adultUnit.id,
      role: 'teamLeader',
    });
    const opened = async () => {
      const response = await leader.client.request(
        'GET',
        '/api/indicators?from=2026-01-01&to=2026-12-31',
      );
      const whole = response.json<Figures>().levels.find((level) => level.unitId === null)!;
      return whole.figures.find((figure) => figure.id === 'actualisedCases')!.count;
    };
    expect(
      (
        await leader.client.request('POST', '/api/training/practice-cases', {
          body: { scenarioId: 'no-such-scenario' },
        })
      ).statusCode,
    ).toBe(400);
    const practice = await leader.client.request('POST', '/api/training/practice-cases', {
      body: { scenarioId: 'police-report-mother' },
    });
    expect(practice.statusCode).toBe(201);
    const detail = await leader.client.request(
      'GET',
      `/api/cases/${practice.json<{ id: string }>().id}`,
    );
    expect(detail.json()).toMatchObject({
      practice: true,
      ownerUserId: leader.user.id,
      childrenAnswer: 'yes',
      person: { givenName: 'Övnings-Maja', personalNumber: null },
    });
    expect(await opened()).toBe(0);

    // A real case in the same unit counts; the practice case still does not.
    const person = await buildPerson(database, testApp.keys, {
      organisationId: world.north.org.id,
      unitId: world.north.adultUnit.id,
    });
    const real = await leader.client.request('POST', '/api/cases', {
      body: { personId: person.id, unitId: world.north.adultUnit.id, type: 'adultVictim' },
    });
    expect(real.json()).toMatchObject({ practice: false });
    expect(await opened()).toBe(1);

    const coordinator = await signedIn(database, testApp, {
      organisationId: world.north.org.id,
      unitId: world.north.adultUnit.id,
      role: 'coordinator',
    });
    expect(
      (
        await coordinator.client.request('POST', '/api/training/practice-cases', {
          body: { scenarioId: 'police-report-mother' },
        })
      ).statusCode,
    ).toBe(403);
  });
});
