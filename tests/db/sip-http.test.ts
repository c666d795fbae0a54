import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson, buildWorld, type World } from '../factories/world';
import { signedIn } from '../helpers/signed-in';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { createTestDatabase, engineAvailable, type TestDatabase } from '../helpers/test-database';

describe.runIf(engineAvailable)('SIP, the coordinated individual plan', () => {
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

  it('rests on consent for every agency, sets a follow-up task and collects commitments', async () => {
    const { client, user } = await signedIn(database, testApp, {
      organisationId: world.north.org.id,
      unitId: world.north.adultUnit.id,
      role: 'caseWorker',
    });
    const person = await buildPerson(database, testApp.keys, {
      organisationId: world.north.org.id,
      unitId: world.north.adultUnit.id,
    });
    const opened = await client.request('POST', '/api/cases', {
      body: {
        personId: person.id,
        unitId: world.north.adultUnit.id,
        type: 'adultVictim',
        ownerUserId: user.id,
      },
    });
    const caseId = opened.json<{ id: string }>().id;
    const participants = [
      { kind: 'other', label: 'Vuxenenheten' },
      { kind: 'healthCare', label: 'Vårdcentralen Övningsby' },
    ];
    const plan = {
      participants,
      coordinatorAgency: 'Vuxenenheten',
      goal: 'Att hon ska känna sig trygg och få vård för sömnen.',
      followUpOn: '2026-12-15',
    };
    expect((await client.request('GET', `/api/cases/${caseId}/sip`)).json()).toBeNull();
    const withoutConsent = await client.request('PUT', `/api/cases/${caseId}/sip`, { body: plan });
    expect(withoutConsent.statusCode).toBe(400);
    expect(withoutConsent.body).toContain('Vårdcentralen Övningsby');

    const consent = await client.request('POST', `/api/persons/${person.id}/consents`, {
      body: {
        decision: 'given',
        purpose: 'Samordnad individuell plan',
        recipients: participants,
        categories: ['caseHistory', 'health'],
        givenBy: 'self',
        form: 'written',
        givenOn: '2026-11-24',
      },
    });
    expect(consent.statusCode, consent.body).toBe(201);
    const saved = await client.request('PUT', `/api/cases/${caseId}/sip`, { body: plan });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({
      coordinatorAgency: 'Vuxenenheten',
      followUpOn: '2026-12-15',
      version: 1,
    });

    const tasks = (await client.request('GET', `/api/cases/${caseId}`)).json<{
      tasks: { kind: string; dueOn: string; note: string }[];
    }>().tasks;
    expect(tasks).toContainEqual(
      expect.objectContaining({
        kind: 'followUp',
        dueOn: '2026-12-15',
        note: expect.stringContaining('SIP'),
      }),
    );

    const unknown = await client.request('POST', `/api/cases/${caseId}/sip/commitments`, {
      body: { agency: 'Polisen', what: 'Trygghetslarm', dueOn: '2026-12-01' },
    });
    expect(unknown.statusCode).toBe(400);
    const committed = await client.request('POST', `/api/cases/${caseId}/sip/commitments`, {
      body: { agency: 'Vårdcentralen Övningsby', what: 'Samtal om sömnen', dueOn: '2026-12-01' },
    });
    expect(committed.statusCode, committed.body).toBe(201);
    expect(committed.json<{ commitments: unknown[] }>().commitments).toEqual([
      expect.objectContaining({
        agency: 'Vårdcentralen Övningsby',
        what: 'Samtal om sömnen',
        done: false,
      }),
    ]);

    const stale = await client.request('PUT', `/api/cases/${caseId}/sip`, {
      body: { ...plan, goal: 'Ett annat mål för planen', version: 0 },
    });
    expect(stale.statusCode).toBe(409);
  });
});
