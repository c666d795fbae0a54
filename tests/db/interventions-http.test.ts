import { describe, expect, it } from 'vitest';
import { engineAvailable } from '../helpers/test-database';
import { buildCase, useTestWorld } from '../helpers/test-world';

type Granted = {
  typeName: string;
  goals: string[];
  quota: { granted: number; used: number; remaining: number; nearEnd: boolean };
  sessions: { outcome: string; kind: string }[];
  extensions: { sessions: number; decidedByRole: string; reason: string }[];
  endReason: string | null;
  dropoutReason: string | null;
  version: number;
};

describe.runIf(engineAvailable)(
  'interventions: the catalogue, decisions, sessions and quota',
  () => {
    const t = useTestWorld();

    const as = (role: 'administrator' | 'caseWorker' | 'teamLeader' | 'therapist') =>
      t.signedIn({
        organisationId: t.world.north.org.id,
        unitId: t.world.north.adultUnit.id,
        role,
      });

    it('grants from the local catalogue under delegation, counts the quota and ends with the reason', async () => {
      const admin = await as('administrator');
      const type = {
        name: 'Stödsamtal för våldsutsatta',
        target: 'victim',
        eligibility: 'decision',
        provider: 'ownUnit',
        defaultSessions: 3,
        defaultWeeks: 8,
      };
      expect(
        (
          await admin.client.request('POST', '/api/intervention-types', {
            body: { ...type, name: 'X' },
          })
        ).statusCode,
      ).toBe(400);
      const typeId = (
        await admin.client.request('POST', '/api/intervention-types', { body: type })
      ).json<{ id: string }>().id;
      const worker = await as('caseWorker');
      expect(
        (
          await worker.client.request('POST', '/api/intervention-types', {
            body: { ...type, name: 'Y-insats' },
          })
        ).statusCode,
      ).toBe(403);

      const person = await t.person({
        organisationId: t.world.north.org.id,
        unitId: t.world.north.adultUnit.id,
      });
      const caseId = (
        await buildCase(worker.client, {
          personId: person.id,
          unitId: t.world.north.adultUnit.id,
          ownerUserId: worker.user.id,
        })
      ).id;
      const path = `/api/cases/${caseId}/interventions`;
      const noGoal = await worker.client.request('POST', path, {
        body: { typeId, decidedOn: '2026-11-24', goals: [] },
      });
      expect(noGoal.statusCode).toBe(400);
      expect(noGoal.body).toContain('minst ett mål');
      expect(
        (
          await worker.client.request('POST', path, {
            body: {
              typeId,
              decidedOn: '2026-11-24',
              goals: ['Att kunna sova hela natten', 'Att veta vart hon ringer när hon är rädd'],
              materials: 'Broschyr om trauma och sömn',
              adaptations: 'Barnpassning under samtalen',
            },
          })
        ).statusCode,
      ).toBe(201);

      const session = (outcome: string, kind = 'session') =>
        worker.client.request('POST', `${path}/sessions`, {
          body: { typeId, heldOn: '2026-11-24', kind, mode: 'inPerson', outcome, note: 'Samtal' },
        });
      for (const outcome of ['attended', 'noShow', 'cancelledByProvider'])
        expect((await session(outcome)).statusCode).toBe(201);
      let [granted] = (await worker.client.request('GET', path)).json<Granted[]>();
      // The provider's cancellation uses none of the quota; the no-show does.
      expect(granted!.quota).toEqual({ granted: 3, used: 2, remaining: 1, nearEnd: true });
      expect(granted!.goals).toHaveLength(2);
      expect((await session('attended')).statusCode).toBe(201);
      const spent = await session('attended');
      expect(spent.statusCode).toBe(422);
      expect(spent.body).toContain('förlängning');
      // A contact between sessions is not a session of the quota.
      expect((await session('attended', 'betweenContact')).statusCode).toBe(201);

      const extend = (client: typeof worker.client, sessions: number, reason: string) =>
        client.request('POST', `${path}/extensions`, { body: { typeId, sessions, reason } });
      const beyond = await extend(worker.client, 5, 'Hon behöver fler samtal inför rättegången.');
      expect(beyond.statusCode).toBe(400);
      expect(beyond.body).toContain('delegation räcker till 2');
      expect((await extend(worker.client, 2, 'kort')).statusCode).toBe(400);
      const leader = await as('teamLeader');
      expect(
        (await extend(leader.client, 5, 'Hon behöver fler samtal inför rättegången.')).statusCode,
      ).toBe(201);
      [granted] = (await worker.client.request('GET', path)).json<Granted[]>();
      expect(granted!.quota).toMatchObject({ granted: 8, used: 3, remaining: 5 });
      expect(granted!.extensions).toEqual([
        expect.objectContaining({ sessions: 5, decidedByRole: 'teamLeader' }),
      ]);
      expect((await session('attended')).statusCode).toBe(201);

      const end = (body: object) =>
        worker.client.request('POST', `${path}/end`, {
          body: { typeId, endedOn: '2026-11-24', ...body },
        });
      expect((await end({ reason: 'dropout', version: granted!.version })).statusCode).toBe(400);
      expect(
        (
          await end({
            reason: 'dropout',
            dropoutReason: 'Flyttade till en annan kommun.',
            version: granted!.version,
          })
        ).statusCode,
      ).toBe(200);
      [granted] = (await worker.client.request('GET', path)).json<Granted[]>();
      expect(granted).toMatchObject({
        endReason: 'dropout',
        dropoutReason: 'Flyttade till en annan kommun.',
      });
      expect((await session('attended')).statusCode).toBe(422);
    });

    it('lets the organisation say who may grant: a case worker without it is refused', async () => {
      const admin = await as('administrator');
      const settings = (await admin.client.request('GET', '/api/organisation/settings')).json<{
        reassessmentDays: object;
        version: number;
      }>();
      const changed = await admin.client.request('PATCH', '/api/organisation/settings', {
        body: {
          reassessmentDays: settings.reassessmentDays,
          version: settings.version,
          decisionDelegation: {
            grant: ['teamLeader'],
            extension: { caseWorker: 0, teamLeader: 10 },
          },
        },
      });
      expect(changed.statusCode).toBe(200);
      const typeId = (
        await admin.client.request('POST', '/api/intervention-types', {
          body: {
            name: 'Samtal i grupp',
            target: 'victim',
            eligibility: 'decision',
            provider: 'ownUnit',
            defaultSessions: 8,
          },
        })
      ).json<{ id: string }>().id;
      const worker = await as('caseWorker');
      const person = await t.person({
        organisationId: t.world.north.org.id,
        unitId: t.world.north.adultUnit.id,
      });
      const caseId = (
        await buildCase(worker.client, {
          personId: person.id,
          unitId: t.world.north.adultUnit.id,
          ownerUserId: worker.user.id,
        })
      ).id;
      const refused = await worker.client.request('POST', `/api/cases/${caseId}/interventions`, {
        body: { typeId, decidedOn: '2026-11-24', goals: ['Att träffa andra i samma situation'] },
      });
      expect(refused.statusCode).toBe(400);
      expect(refused.body).toContain('delegation');
      const leader = await as('teamLeader');
      expect(
        (
          await leader.client.request('POST', `/api/cases/${caseId}/interventions`, {
            body: {
              typeId,
              decidedOn: '2026-11-24',
              goals: ['Att träffa andra i samma situation'],
            },
          })
        ).statusCode,
      ).toBe(201);
    });
    it('keeps a waiting list for a group, admits while places are free and reports the queue', async () => {
      const admin = await as('administrator');
      const typeId = (
        await admin.client.request('POST', '/api/intervention-types', {
          body: {
            name: 'Mammagrupp',
            target: 'victim',
            eligibility: 'serviceWithoutDecision',
            provider: 'ownUnit',
            defaultSessions: 8,
            groupBased: true,
          },
        })
      ).json<{ id: string }>().id;
      const worker = await as('caseWorker');
      expect(
        (
          await worker.client.request('POST', '/api/intervention-groups', {
            body: { typeId, theme: 'M', capacity: 0, startsOn: '2027-01-15' },
          })
        ).statusCode,
      ).toBe(400);
      const groupId = (
        await worker.client.request('POST', '/api/intervention-groups', {
          body: { typeId, theme: 'Mammagrupp våren 2027', capacity: 1, startsOn: '2027-01-15' },
        })
      ).json<{ id: string }>().id;
      const caseIds: string[] = [];
      for (const familyName of ['Köström', 'Väntberg']) {
        const person = await t.person({
          organisationId: t.world.north.org.id,
          unitId: t.world.north.adultUnit.id,
          familyName,
        });
        caseIds.push(
          (
            await buildCase(worker.client, {
              personId: person.id,
              unitId: t.world.north.adultUnit.id,
              ownerUserId: worker.user.id,
            })
          ).id,
        );
      }
      const place = (caseId: string, action: string) =>
        worker.client.request('POST', `/api/cases/${caseId}/group-places`, {
          body: { groupId, action },
        });
      for (const caseId of caseIds) expect((await place(caseId, 'join')).statusCode).toBe(200);
      expect((await place(caseIds[0]!, 'join')).statusCode).toBe(422);
      expect((await place(caseIds[0]!, 'admit')).statusCode).toBe(200);
      const full = await place(caseIds[1]!, 'admit');
      expect(full.statusCode).toBe(422);
      expect(full.body).toContain('Gruppen är full');
      type Group = {
        id: string;
        figures: object;
        people: { name: string; admittedOn: string | null }[];
      };
      let group = (await worker.client.request('GET', '/api/intervention-groups'))
        .json<Group[]>()
        .find((entry) => entry.id === groupId)!;
      expect(group.figures).toEqual({
        waiting: 1,
        inGroup: 1,
        freePlaces: 0,
        longestWaitDays: 0,
        medianWaitDaysOfAdmitted: 0,
      });
      expect(group.people.map((person) => person.name)).toEqual([
        'Övning Köström',
        'Övning Väntberg',
      ]);
      // When the first leaves, the next can be admitted.
      expect((await place(caseIds[0]!, 'leave')).statusCode).toBe(200);
      expect((await place(caseIds[1]!, 'admit')).statusCode).toBe(200);
      group = (await worker.client.request('GET', '/api/intervention-groups'))
        .json<Group[]>()
        .find((entry) => entry.id === groupId)!;
      expect(group.figures).toMatchObject({ waiting: 0, inGroup: 1, freePlaces: 0 });
      // A therapist without a relation to these cases sees the counts, not the people.
      const therapist = await as('therapist');
      const seen = (await therapist.client.request('GET', '/api/intervention-groups'))
        .json<Group[]>()
        .find((entry) => entry.id === groupId)!;
      expect(seen.people).toEqual([]);
      expect(seen.figures).toMatchObject({ inGroup: 1 });
    });
  },
);
