import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { asSystem } from '../../src/server/platform/db/transaction';
import type { TestClient } from '../helpers/test-app';
import { engineAvailable } from '../helpers/test-database';
import { buildCase, useTestWorld } from '../helpers/test-world';

type Task = { id: string; kind: string; dueOn: string; state: string; version: number };

describe.runIf(engineAvailable)('tasks and case hand-over', () => {
  const t = useTestWorld();

  const worker = () =>
    t.signedIn({
      organisationId: t.world.north.org.id,
      unitId: t.world.north.adultUnit.id,
      role: 'caseWorker',
    });

  const openCase = async (client: TestClient, ownerUserId: string, type = 'adultVictim') => {
    const person = await t.person({
      organisationId: t.world.north.org.id,
      unitId: t.world.north.adultUnit.id,
    });
    return buildCase(client, {
      personId: person.id,
      unitId: t.world.north.adultUnit.id,
      type,
      ownerUserId,
    });
  };

  const workList = async (client: TestClient) => {
    const response = await client.request('GET', '/api/work-lists/mine');
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{
      handovers: { id: string; summary: string; case: { id: string } }[];
      tasks: (Task & { case: { id: string } })[];
      cases: { id: string }[];
    }>();
  };

  it('a notice of suspicion puts a reassessment on the owner’s list, due the next day, overdue after it', async () => {
    const { client, user } = await worker();
    const opened = await openCase(client, user.id);
    const event = await client.request('POST', `/api/cases/${opened.id}/events`, {
      body: { kind: 'noticeOfSuspicion', occurredOn: '2026-11-24', source: 'police' },
    });
    expect(event.statusCode, event.body).toBe(201);
    expect(event.json()).toMatchObject({
      triggersReassessment: true,
      reassessmentDueOn: '2026-11-25',
    });

    const listed = (await workList(client)).tasks.filter((task) => task.case.id === opened.id);
    expect(listed).toEqual([
      expect.objectContaining({ kind: 'reassessment', dueOn: '2026-11-25', state: 'open' }),
    ]);

    t.testApp.clock.advance(2 * 24 * 3600 * 1000);
    const later = await t.signedIn({
      organisationId: t.world.north.org.id,
      unitId: t.world.north.adultUnit.id,
      role: 'teamLeader',
    });
    const detail = await later.client.request('GET', `/api/cases/${opened.id}`);
    const [task] = detail.json<{ tasks: Task[] }>().tasks;
    expect(task).toMatchObject({ kind: 'reassessment', state: 'overdue' });

    const done = await later.client.request('POST', `/api/tasks/${task!.id}/done`, {
      body: { version: task!.version },
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().state).toBe('done');
    const again = await later.client.request('POST', `/api/tasks/${task!.id}/done`, {
      body: { version: task!.version },
    });
    expect(again.statusCode).toBe(409);
  });

  it('refuses a task with a past or impossible last day and stores nothing', async () => {
    const { client, user } = await worker();
    const opened = await openCase(client, user.id);
    const today = t.testApp.clock.now().toISOString().slice(0, 10);
    const past = await client.request('POST', `/api/cases/${opened.id}/tasks`, {
      body: { kind: 'followUp', dueOn: '2020-01-01' },
    });
    expect(past.statusCode).toBe(400);
    expect(past.json().fields).toEqual([
      expect.objectContaining({ path: 'body.dueOn', message: expect.stringContaining('passerat') }),
    ]);
    const impossible = await client.request('POST', `/api/cases/${opened.id}/tasks`, {
      body: { kind: 'followUp', dueOn: '2027-02-31' },
    });
    expect(impossible.statusCode).toBe(400);
    const detail = await client.request('GET', `/api/cases/${opened.id}`);
    expect(detail.json().tasks).toEqual([]);

    const added = await client.request('POST', `/api/cases/${opened.id}/tasks`, {
      body: { kind: 'contact', dueOn: today, note: 'Ring om tid för uppföljning' },
    });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({
      assigneeUserId: user.id,
      note: 'Ring om tid för uppföljning',
      state: 'open',
    });
    const stored = await asSystem(t.database.db, (tx) =>
      tx
        .selectFrom('caseTasks')
        .select('noteEnc')
        .where('id', '=', added.json().id)
        .executeTakeFirstOrThrow(),
    );
    expect(stored.noteEnc).not.toContain('Ring');
  });

  it('gives a task only to someone who can see the case: never a 500, never a worker behind another secrecy area', async () => {
    const { client, user } = await worker();
    const opened = await openCase(client, user.id);
    const today = t.testApp.clock.now().toISOString().slice(0, 10);
    const children = await t.signedIn({
      organisationId: t.world.north.org.id,
      unitId: t.world.north.childUnit.id,
      role: 'caseWorker',
    });
    const colleague = await worker();
    for (const assigneeUserId of ['00000000-0000-4000-8000-000000000000', children.user.id]) {
      const refused = await client.request('POST', `/api/cases/${opened.id}/tasks`, {
        body: { kind: 'contact', dueOn: today, assigneeUserId },
      });
      expect(refused.statusCode, refused.body).toBe(400);
      expect(refused.json().fields).toEqual([
        expect.objectContaining({ path: 'body.assigneeUserId' }),
      ]);
    }
    const given = await client.request('POST', `/api/cases/${opened.id}/tasks`, {
      body: { kind: 'contact', dueOn: today, assigneeUserId: colleague.user.id },
    });
    expect(given.statusCode, given.body).toBe(201);
    expect((await workList(colleague.client)).tasks.map((task) => task.id)).toContain(
      given.json().id,
    );
  });

  it('hands a case over only when the new owner confirms, and their list then holds the history and tasks', async () => {
    const anna = await worker();
    const bo = await worker();
    const opened = await openCase(anna.client, anna.user.id);
    await anna.client.request('POST', `/api/cases/${opened.id}/tasks`, {
      body: { kind: 'followUp', dueOn: '2027-01-15' },
    });

    const detail = await anna.client.request('GET', `/api/cases/${opened.id}`);
    expect(detail.json().handoverCandidates).toContainEqual(
      expect.objectContaining({ id: bo.user.id }),
    );
    const tooShort = await anna.client.request('POST', `/api/cases/${opened.id}/handovers`, {
      body: { toUserId: bo.user.id, summary: 'Se akten', version: opened.version },
    });
    expect(tooShort.statusCode).toBe(400);

    const summary = 'Klienten bor hos sin syster. Polisanmälan gjord, kontaktförbud sökt.';
    const proposed = await anna.client.request('POST', `/api/cases/${opened.id}/handovers`, {
      body: { toUserId: bo.user.id, summary, version: opened.version },
    });
    expect(proposed.statusCode, proposed.body).toBe(201);
    const handoverId = proposed.json().id as string;

    const second = await anna.client.request('POST', `/api/cases/${opened.id}/handovers`, {
      body: { toUserId: bo.user.id, summary, version: opened.version },
    });
    expect(second.statusCode).toBe(422);
    expect(second.json().reason).toBe('handover.pending');

    // Until Bo confirms, the case is still Anna's.
    expect((await anna.client.request('GET', `/api/cases/${opened.id}`)).json().ownerUserId).toBe(
      anna.user.id,
    );
    const notHers = await anna.client.request('POST', `/api/handovers/${handoverId}/acknowledge`);
    expect(notHers.statusCode).toBe(422);
    expect(notHers.json().reason).toBe('handover.not_recipient');

    const waiting = await workList(bo.client);
    expect(waiting.handovers).toEqual([
      expect.objectContaining({
        id: handoverId,
        summary,
        case: expect.objectContaining({ id: opened.id }),
      }),
    ]);

    const confirmed = await bo.client.request('POST', `/api/handovers/${handoverId}/acknowledge`);
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json().ownerUserId).toBe(bo.user.id);

    const after = await workList(bo.client);
    expect(after.handovers).toEqual([]);
    expect(after.cases.map((row) => row.id)).toContain(opened.id);
    expect(after.tasks.map((task) => task.case.id)).toContain(opened.id);
    expect((await workList(anna.client)).tasks.map((task) => task.case.id)).not.toContain(
      opened.id,
    );

    const timeline = (await bo.client.request('GET', `/api/cases/${opened.id}`)).json().events;
    expect(timeline).toContainEqual(expect.objectContaining({ kind: 'handOver' }));

    const audited = await asSystem(t.database.db, (tx) =>
      tx
        .selectFrom('auditEvents')
        .select(['type', 'actorUserId'])
        .where('type', 'in', ['case.handover_proposed', 'case.handover_acknowledged'])
        .where(sql<boolean>`details->>'handoverId' = ${handoverId}`)
        .execute(),
    );
    expect(audited).toHaveLength(2);
    expect(audited).toEqual(
      expect.arrayContaining([
        { type: 'case.handover_proposed', actorUserId: anna.user.id },
        { type: 'case.handover_acknowledged', actorUserId: bo.user.id },
      ]),
    );
  });

  it('refuses a hand-over that would give one worker both sides of a linked victim and perpetrator', async () => {
    const anna = await worker();
    const bo = await worker();
    const victimCase = await openCase(anna.client, anna.user.id);
    const perpetratorCase = await openCase(bo.client, bo.user.id, 'perpetrator');
    const link = await anna.client.request('POST', `/api/cases/${victimCase.id}/links`, {
      body: { linkedCaseId: perpetratorCase.id, kind: 'victimPerpetrator' },
    });
    expect(link.statusCode, link.body).toBe(201);

    const refused = await anna.client.request('POST', `/api/cases/${victimCase.id}/handovers`, {
      body: {
        toUserId: bo.user.id,
        summary: 'Jag slutar på enheten vid månadsskiftet.',
        version: victimCase.version,
      },
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({
      reason: 'case.handler_separation',
      title: expect.stringContaining('Samma handläggare'),
    });
    const candidates = (await anna.client.request('GET', `/api/cases/${victimCase.id}`)).json()
      .handoverCandidates as { id: string }[];
    expect(candidates.map((candidate) => candidate.id)).toContain(bo.user.id);
  });

  it('refuses a hand-over to someone outside the case’s unit', async () => {
    const anna = await worker();
    const childWorker = await t.signedIn({
      organisationId: t.world.north.org.id,
      unitId: t.world.north.childUnit.id,
      role: 'caseWorker',
    });
    const opened = await openCase(anna.client, anna.user.id);
    const refused = await anna.client.request('POST', `/api/cases/${opened.id}/handovers`, {
      body: {
        toUserId: childWorker.user.id,
        summary: 'Överlämnas till barn och unga för kännedom.',
        version: opened.version,
      },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().fields[0].path).toBe('body.toUserId');
  });
});
