import { describe, expect, it } from 'vitest';
import { asSystem } from '../../src/server/platform/db/transaction';
import { engineAvailable } from '../helpers/test-database';
import { buildCase, useTestWorld } from '../helpers/test-world';

type FollowUp = {
  ratings: { phase: string; wellbeing: number }[];
  change: { wellbeing: { from: number; to: number }; safety: { from: number; to: number } } | null;
  satisfaction: { subject: string; about: string; score: number }[];
  plan: { consent: boolean; dates: string[]; version: number } | null;
};

describe.runIf(engineAvailable)(
  'following the client: ratings, satisfaction and follow-up after closure',
  () => {
    const t = useTestWorld();

    it('keeps the person’s own ratings, answers about satisfaction, and calls back only with consent', async () => {
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
      const rate = (body: object) =>
        client.request('POST', `/api/cases/${caseId}/ratings`, { body });
      expect(
        (await rate({ phase: 'start', ratedOn: '2026-11-24', wellbeing: 12, safety: 2 }))
          .statusCode,
      ).toBe(400);
      expect(
        (
          await rate({
            phase: 'start',
            ratedOn: '2026-09-01',
            wellbeing: 3,
            safety: 2,
            violence: 'threats',
          })
        ).statusCode,
      ).toBe(201);
      expect(
        (
          await rate({
            phase: 'end',
            ratedOn: '2026-11-24',
            wellbeing: 7,
            safety: 8,
            violence: 'none',
          })
        ).statusCode,
      ).toBe(201);
      expect(
        (
          await client.request('POST', `/api/cases/${caseId}/satisfaction`, {
            body: { subject: 'housing', housingProvider: '', score: 4 },
          })
        ).statusCode,
      ).toBe(400);
      expect(
        (
          await client.request('POST', `/api/cases/${caseId}/satisfaction`, {
            body: {
              subject: 'housing',
              housingProvider: 'Skyddat boende Grannby',
              score: 4,
              comment: 'Trygg personal',
            },
          })
        ).statusCode,
      ).toBe(201);

      const plan = await client.request('PUT', `/api/cases/${caseId}/follow-up-plan`, {
        body: { consent: true, closedOn: '2026-11-24' },
      });
      expect(plan.json()).toEqual({ dates: ['2027-05-24', '2027-11-24'] });
      let followUp = (
        await client.request('GET', `/api/cases/${caseId}/follow-up`)
      ).json<FollowUp>();
      expect(followUp.change).toEqual({
        wellbeing: { from: 3, to: 7 },
        safety: { from: 2, to: 8 },
      });
      expect(followUp.satisfaction).toEqual([
        expect.objectContaining({ subject: 'housing', about: 'Skyddat boende Grannby', score: 4 }),
      ]);
      const openCalls = () =>
        asSystem(t.database.db, (tx) =>
          tx
            .selectFrom('caseTasks')
            .select('id')
            .where('caseId', '=', caseId)
            .where('kind', '=', 'followUp')
            .where('doneAt', 'is', null)
            .execute(),
        );
      expect(await openCalls()).toHaveLength(2);

      // She withdraws her consent: the calls not yet made are closed.
      const withdrawn = await client.request('PUT', `/api/cases/${caseId}/follow-up-plan`, {
        body: { consent: false, closedOn: '2026-11-24', version: followUp.plan!.version },
      });
      expect(withdrawn.json()).toEqual({ dates: [] });
      expect(await openCalls()).toHaveLength(0);
      followUp = (await client.request('GET', `/api/cases/${caseId}/follow-up`)).json<FollowUp>();
      expect(followUp.plan).toMatchObject({ consent: false, dates: [] });
      const stale = await client.request('PUT', `/api/cases/${caseId}/follow-up-plan`, {
        body: { consent: true, closedOn: '2026-11-24', version: 1 },
      });
      expect(stale.statusCode).toBe(409);
    });
  },
);
