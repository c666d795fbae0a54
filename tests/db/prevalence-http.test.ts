import { describe, expect, it } from 'vitest';
import { asSystem } from '../../src/server/platform/db/transaction';
import { buildUser } from '../factories/world';
import { engineAvailable } from '../helpers/test-database';
import { useTestWorld } from '../helpers/test-world';

type Comparison = {
  units: {
    unitId: string;
    rows: {
      category: string;
      reported: number | null;
      recorded: number;
      darkFigure: number | null;
    }[];
    routineQuestions: { asked: number; positive: number };
  }[];
};

/**
 * A point-prevalence survey over HTTP (the test clock stands at 24 November 2026): the
 * coordinator starts one for November, a unit's case worker reports what the unit knows of,
 * and the comparison sets it beside the records.
 */
describe.runIf(engineAvailable)('point-prevalence survey over HTTP', () => {
  const t = useTestWorld();

  it('takes counts from those who work in the unit and shows the dark figure', async () => {
    const coordinator = await t.signedIn({
      organisationId: t.world.north.org.id,
      unitId: t.world.north.adultUnit.id,
      role: 'coordinator',
    });
    const start = (body: object) =>
      coordinator.client.request('POST', '/api/prevalence-surveys', { body });
    expect(
      (await start({ title: 'Hösten', opensOn: '2026-01-01', closesOn: '2026-12-31' })).statusCode,
    ).toBe(400);
    const created = await start({
      title: 'Mätning november 2026',
      opensOn: '2026-11-01',
      closesOn: '2026-11-30',
    });
    expect(created.statusCode).toBe(201);
    const surveyId = created.json<{ id: string }>().id;

    // Two adult victims on record in the unit during November, one of them honour-related.
    const opener = await buildUser(t.database, {
      organisationId: t.world.north.org.id,
      unitId: t.world.north.adultUnit.id,
      role: 'caseWorker',
    });
    // Routine questions, by Swedish calendar day: 22:30 UTC on 31 October is still October in
    // Sweden, 23:30 UTC is 1 November. "Not asked" is not a question asked.
    const asked = await t.person({
      organisationId: t.world.north.org.id,
      unitId: t.world.north.adultUnit.id,
    });
    await asSystem(t.database.db, (tx) =>
      tx
        .insertInto('screenings')
        .values(
          (
            [
              ['2026-10-31T22:30:00Z', 'positive'],
              ['2026-10-31T23:30:00Z', 'positive'],
              ['2026-11-10T09:00:00Z', 'negative'],
              ['2026-11-12T09:00:00Z', 'positive'],
              ['2026-11-13T09:00:00Z', 'notAsked'],
            ] as const
          ).map(([at, outcome]) => ({
            organisationId: t.world.north.org.id,
            unitId: t.world.north.adultUnit.id,
            personId: asked.id,
            topic: 'exposure' as const,
            outcome,
            notAskedReason: outcome === 'notAsked' ? ('othersPresent' as const) : null,
            askedBy: opener.id,
            askedAt: new Date(at),
          })),
        )
        .execute(),
    );
    for (const hrv of [false, true]) {
      const person = await t.person({
        organisationId: t.world.north.org.id,
        unitId: t.world.north.adultUnit.id,
      });
      await asSystem(t.database.db, (tx) =>
        tx
          .insertInto('cases')
          .values({
            organisationId: t.world.north.org.id,
            unitId: t.world.north.adultUnit.id,
            personId: person.id,
            type: 'adultVictim',
            hrv,
            openedAt: new Date('2026-10-15T10:00:00Z'),
            createdBy: opener.id,
          })
          .execute(),
      );
    }

    const worker = await t.signedIn({
      organisationId: t.world.north.org.id,
      unitId: t.world.north.adultUnit.id,
      role: 'caseWorker',
    });
    const report = (unitId: string, counts: object[]) =>
      worker.client.request('PUT', `/api/prevalence-surveys/${surveyId}/reports`, {
        body: { unitId, counts },
      });
    expect(
      (await report(t.world.north.adultUnit.id, [{ category: 'adultVictim', count: -1 }]))
        .statusCode,
    ).toBe(400);
    // Not their unit: refused and logged.
    expect(
      (await report(t.world.north.childUnit.id, [{ category: 'childExposed', count: 4 }]))
        .statusCode,
    ).toBe(403);
    const refusals = await asSystem(t.database.db, (tx) =>
      tx
        .selectFrom('auditEvents')
        .select('reason')
        .where('type', '=', 'access.denied')
        .where('actorUserId', '=', worker.user.id)
        .execute(),
    );
    expect(refusals.map((event) => event.reason)).toContain('access.role_lacks_action');
    expect(
      (
        await report(t.world.north.adultUnit.id, [
          { category: 'adultVictim', count: 7 },
          { category: 'honourRelated', count: 1 },
        ])
      ).statusCode,
    ).toBe(200);
    const mine = (await worker.client.request('GET', '/api/prevalence-surveys')).json<
      {
        id: string;
        open: boolean;
        myUnits: { reported: { category: string; count: number }[] }[];
      }[]
    >();
    expect(mine[0]).toMatchObject({ id: surveyId, open: true });
    expect(mine[0]!.myUnits[0]!.reported).toHaveLength(2);

    expect(
      (await worker.client.request('GET', `/api/prevalence-surveys/${surveyId}`)).statusCode,
    ).toBe(403);
    const comparison = (
      await coordinator.client.request('GET', `/api/prevalence-surveys/${surveyId}`)
    ).json<Comparison>();
    const adultUnit = comparison.units.find((unit) => unit.unitId === t.world.north.adultUnit.id)!;
    const row = (category: string) => adultUnit.rows.find((entry) => entry.category === category)!;
    expect(row('adultVictim')).toEqual({
      unitId: t.world.north.adultUnit.id,
      category: 'adultVictim',
      reported: 7,
      recorded: 2,
      darkFigure: 5,
    });
    expect(row('honourRelated')).toMatchObject({ reported: 1, recorded: 1, darkFigure: 0 });
    expect(row('perpetrator')).toMatchObject({ reported: null, recorded: 0, darkFigure: null });
    expect(adultUnit.routineQuestions).toEqual({ asked: 3, positive: 2 });
  });
});
