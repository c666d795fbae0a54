import { describe, expect, it } from 'vitest';
import { buildCounty } from '../factories/world';
import { engineAvailable } from '../helpers/test-database';
import { buildCase, useTestWorld } from '../helpers/test-world';

describe.runIf(engineAvailable)('SIP, the coordinated individual plan', () => {
  const t = useTestWorld();

  it('rests on consent for every agency, sets a follow-up task and collects commitments', async () => {
    const { client, user } = await t.signedIn({
      organisationId: t.world.north.org.id,
      unitId: t.world.north.adultUnit.id,
      role: 'caseWorker',
    });
    const person = await t.person({
      organisationId: t.world.north.org.id,
      unitId: t.world.north.adultUnit.id,
    });
    const { id: caseId } = await buildCase(client, {
      personId: person.id,
      unitId: t.world.north.adultUnit.id,
      ownerUserId: user.id,
    });
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
  it('names a partner in Fristad by its id: the consent picked from the directory covers it, however it was written', async () => {
    const county = await buildCounty(t.database, t.world);
    const { client, user } = await t.signedIn({
      organisationId: t.world.north.org.id,
      unitId: t.world.north.adultUnit.id,
      role: 'caseWorker',
    });
    const person = await t.person({
      organisationId: t.world.north.org.id,
      unitId: t.world.north.adultUnit.id,
    });
    const caseId = (
      await buildCase(client, {
        personId: person.id,
        unitId: t.world.north.adultUnit.id,
        ownerUserId: user.id,
      })
    ).id;
    const police = {
      kind: 'other',
      organisationId: county.police.orgId,
      unitId: county.police.unitId,
      label: 'polisen, BOPS',
    };
    const own = {
      kind: 'internal',
      organisationId: null,
      unitId: t.world.north.adultUnit.id,
      label: 'Vuxen',
    };
    const consent = await client.request('POST', `/api/persons/${person.id}/consents`, {
      body: {
        decision: 'given',
        purpose: 'Samordnad individuell plan med polisen',
        recipients: [police, own],
        categories: ['caseHistory'],
        givenBy: 'self',
        form: 'written',
        givenOn: '2026-11-24',
      },
    });
    expect(consent.statusCode, consent.body).toBe(201);
    const saved = await client.request('PUT', `/api/cases/${caseId}/sip`, {
      body: {
        participants: [
          { ...police, label: 'Polisen (BOPS)' },
          { ...own, label: 'Vuxenenheten' },
        ],
        coordinatorAgency: 'Vuxenenheten',
        goal: 'Att hon ska kunna bo kvar tryggt med larm och kontaktförbud.',
        followUpOn: '2026-12-15',
      },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    // Stored as the directory names them, with the kind their organisation is.
    expect(saved.json()).toMatchObject({
      participants: [
        {
          kind: 'police',
          organisationId: county.police.orgId,
          unitId: county.police.unitId,
          label: 'Polisregion Övning – BOPS',
        },
        {
          kind: 'internal',
          unitId: t.world.north.adultUnit.id,
          label: t.world.north.adultUnit.name,
        },
      ],
      coordinatorAgency: t.world.north.adultUnit.name,
    });
    // A unit no directory holds is refused with the field named.
    const unknown = await client.request('PUT', `/api/cases/${caseId}/sip`, {
      body: {
        participants: [{ ...police, unitId: '00000000-0000-4000-8000-000000000000' }, own],
        coordinatorAgency: 'Vuxen',
        goal: 'Att hon ska kunna bo kvar tryggt med larm och kontaktförbud.',
        followUpOn: '2026-12-15',
        version: 1,
      },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('body.participants.0');
  });
});
