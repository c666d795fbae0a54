import { describe, expect, it } from 'vitest';
import { engineAvailable } from '../helpers/test-database';
import { buildCase, useTestWorld } from '../helpers/test-world';

type Meeting = {
  chairs: boolean;
  items: {
    id: string;
    pseudonym: string;
    name: string | null;
    caseId: string | null;
    repeat: boolean;
    notes: { organisation: string; body: string }[];
    actions: { ownerAgency: string; dueOn: string }[];
  }[];
};

describe.runIf(engineAvailable)('collaboration meetings', () => {
  const t = useTestWorld({ county: true });

  const host = () =>
    t.signedIn({
      organisationId: t.world.north.org.id,
      unitId: t.world.north.adultUnit.id,
      role: 'caseWorker',
    });

  it('presents a case by pseudonym to the agencies, collects what each knows and an action plan', async () => {
    const { client, user } = await host();
    const person = await t.person({
      organisationId: t.world.north.org.id,
      unitId: t.world.north.adultUnit.id,
      givenName: 'Mira',
      familyName: 'Övningsdotter',
    });
    const { id: caseId } = await buildCase(client, {
      personId: person.id,
      unitId: t.world.north.adultUnit.id,
      ownerUserId: user.id,
    });

    const meeting = await client.request('POST', '/api/meetings', {
      body: {
        unitId: t.world.north.adultUnit.id,
        title: 'Samverkansmöte november',
        heldOn: '2026-11-25',
        participantOrganisationIds: [t.county.police.orgId],
      },
    });
    expect(meeting.statusCode, meeting.body).toBe(201);
    const meetingId = meeting.json<{ id: string }>().id;

    const vague = await client.request('POST', `/api/meetings/${meetingId}/items`, {
      body: { caseId, criteria: [], rationale: 'oro' },
    });
    expect(vague.statusCode).toBe(400);
    const item = await client.request('POST', `/api/meetings/${meetingId}/items`, {
      body: {
        caseId,
        criteria: ['highRisk', 'escalation'],
        rationale: 'Tre incidenter på två månader, senast strypgrepp i helgen.',
      },
    });
    expect(item.statusCode, item.body).toBe(201);
    const itemId = item.json<{ id: string }>().id;

    // The police take part: they see the pseudonym, never the name or the case.
    const officer = await t.signedIn({
      organisationId: t.county.police.orgId,
      unitId: t.county.police.unitId,
      role: 'police',
    });
    const listed = await officer.client.request('GET', '/api/meetings');
    expect(listed.json()).toEqual([expect.objectContaining({ id: meetingId, hosted: false })]);
    const seen = await officer.client.request('GET', `/api/meetings/${meetingId}`);
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.json<Meeting>()).toMatchObject({
      chairs: false,
      items: [{ pseudonym: 'Ärende 1', name: null, caseId: null, repeat: false }],
    });
    expect(seen.body).not.toContain('Mira');
    expect(seen.body).not.toContain(caseId);

    const note = await officer.client.request('POST', `/api/meeting-items/${itemId}/notes`, {
      body: { body: 'Två anmälningar om misshandel i år; kontaktförbud beviljat.' },
    });
    expect(note.statusCode, note.body).toBe(201);
    const notChair = await officer.client.request('POST', `/api/meeting-items/${itemId}/actions`, {
      body: { ownerAgency: 'Polisen', description: 'Trygghetslarm', dueOn: '2026-11-27' },
    });
    expect(notChair.statusCode).toBe(403);

    const early = await client.request('POST', `/api/meeting-items/${itemId}/actions`, {
      body: { ownerAgency: 'Polisen, BOPS', description: 'Trygghetslarm', dueOn: '2026-11-20' },
    });
    expect(early.statusCode).toBe(400);
    const action = await client.request('POST', `/api/meeting-items/${itemId}/actions`, {
      body: {
        ownerAgency: 'Polisen, BOPS',
        description: 'Erbjud trygghetslarm',
        dueOn: '2026-11-27',
      },
    });
    expect(action.statusCode, action.body).toBe(201);

    const mine = (await client.request('GET', `/api/meetings/${meetingId}`)).json<Meeting>();
    expect(mine.items[0]).toMatchObject({
      name: 'Mira Övningsdotter',
      caseId,
      notes: [
        { organisation: 'Polisregion Övning', body: expect.stringContaining('kontaktförbud') },
      ],
      actions: [{ ownerAgency: 'Polisen, BOPS', dueOn: '2026-11-27' }],
    });

    // Another secrecy area of the host municipality and another organisation see nothing.
    const child = await t.signedIn({
      organisationId: t.world.north.org.id,
      unitId: t.world.north.childUnit.id,
      role: 'caseWorker',
    });
    expect((await child.client.request('GET', `/api/meetings/${meetingId}`)).statusCode).toBe(404);
    const south = await t.signedIn({
      organisationId: t.world.south.org.id,
      unitId: t.world.south.adultUnit.id,
      role: 'caseWorker',
    });
    expect((await south.client.request('GET', `/api/meetings/${meetingId}`)).statusCode).toBe(404);
    expect(
      (
        await south.client.request('POST', `/api/meeting-items/${itemId}/notes`, {
          body: { body: 'hej hej' },
        })
      ).statusCode,
    ).toBe(404);

    // Brought again within a year: a repeat. Named only with a ground.
    const next = await client.request('POST', '/api/meetings', {
      body: {
        unitId: t.world.north.adultUnit.id,
        title: 'Samverkansmöte december',
        heldOn: '2026-12-16',
        participantOrganisationIds: [t.county.police.orgId],
      },
    });
    const nextId = next.json<{ id: string }>().id;
    const withoutConsent = await client.request('POST', `/api/meetings/${nextId}/items`, {
      body: {
        caseId,
        criteria: ['repeat'],
        rationale: 'Nytt hot efter förra mötet, han har sökt upp henne.',
        groundCode: 'consent',
      },
    });
    expect(withoutConsent.statusCode).toBe(400);
    const named = await client.request('POST', `/api/meetings/${nextId}/items`, {
      body: {
        caseId,
        criteria: ['repeat'],
        rationale: 'Nytt hot efter förra mötet, han har sökt upp henne.',
        groundCode: 'noHarm',
        assessmentNote:
          'Hon vill att alla vet vem hon är; det skyddar henne att polisen känner till henne.',
      },
    });
    expect(named.statusCode, named.body).toBe(201);
    const second = (await client.request('GET', `/api/meetings/${nextId}`)).json<Meeting>();
    expect(second.items[0]).toMatchObject({ repeat: true, pseudonym: 'Ärende 1' });
    const theirs = (await officer.client.request('GET', `/api/meetings/${nextId}`)).json<Meeting>();
    expect(theirs.items[0]).toMatchObject({ name: 'Mira Övningsdotter', caseId: null });
  });

  it('a Barnahus consultation takes a child’s case, and its tasks show overdue until done', async () => {
    const worker = await t.signedIn({
      organisationId: t.world.north.org.id,
      unitId: t.world.north.childUnit.id,
      role: 'caseWorker',
    });
    const open = async (type: string) => {
      const person = await t.person({
        organisationId: t.world.north.org.id,
        unitId: t.world.north.childUnit.id,
      });
      const opened = await buildCase(worker.client, {
        personId: person.id,
        unitId: t.world.north.childUnit.id,
        type,
        ownerUserId: worker.user.id,
      });
      return opened.id;
    };
    const childCase = await open('childExposed');
    const adultCase = await open('adultVictim');
    const meeting = await worker.client.request('POST', '/api/meetings', {
      body: {
        unitId: t.world.north.childUnit.id,
        kind: 'barnahusConsultation',
        title: 'Samråd Barnahus',
        heldOn: '2026-11-10',
        participantOrganisationIds: [t.county.police.orgId],
      },
    });
    const meetingId = meeting.json<{ id: string }>().id;
    const rationale = 'Misstänkt misshandel av barnet, förhör planeras på Barnahus.';
    const adult = await worker.client.request('POST', `/api/meetings/${meetingId}/items`, {
      body: { caseId: adultCase, criteria: ['highRisk'], rationale },
    });
    expect(adult.statusCode).toBe(400);
    const item = await worker.client.request('POST', `/api/meetings/${meetingId}/items`, {
      body: { caseId: childCase, criteria: ['highRisk'], rationale },
    });
    expect(item.statusCode, item.body).toBe(201);
    const itemId = item.json<{ id: string }>().id;
    await worker.client.request('POST', `/api/meeting-items/${itemId}/actions`, {
      body: {
        ownerAgency: 'Socialtjänsten, barn och unga',
        description: 'Skyddsbedömning',
        dueOn: '2026-11-12',
      },
    });
    const read = async () =>
      (await worker.client.request('GET', `/api/meetings/${meetingId}`)).json<{
        kind: string;
        items: { actions: { id: string; overdue: boolean; done: boolean; version: number }[] }[];
      }>();
    const before = await read();
    expect(before.kind).toBe('barnahusConsultation');
    const [action] = before.items[0]!.actions;
    expect(action).toMatchObject({ overdue: true, done: false });
    const done = await worker.client.request('POST', `/api/meeting-actions/${action!.id}/done`, {
      body: { version: action!.version },
    });
    expect(done.statusCode, done.body).toBe(200);
    expect((await read()).items[0]!.actions[0]).toMatchObject({ overdue: false, done: true });
    const again = await worker.client.request('POST', `/api/meeting-actions/${action!.id}/done`, {
      body: { version: action!.version },
    });
    expect(again.statusCode).toBe(409);
  });
});
