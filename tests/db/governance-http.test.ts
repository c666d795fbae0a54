import { describe, expect, it } from 'vitest';
import { engineAvailable } from '../helpers/test-database';
import { useTestWorld } from '../helpers/test-world';

type Coverage = {
  unitId: string;
  staff: {
    userId: string;
    courses: { code: string; state: string; validUntil: string | null }[];
  }[];
  coverage: { code: string; needed: number; held: number }[];
}[];

/** The agreement register and the competence register over HTTP (the clock: 24 Nov 2026). */
describe.runIf(engineAvailable)('agreements and competence over HTTP', () => {
  const t = useTestWorld();
  const grant = (role: 'caseWorker' | 'coordinator') => ({
    organisationId: t.world.north.org.id,
    unitId: t.world.north.adultUnit.id,
    role,
  });

  it('keeps agreements with a review date, says when one is overdue, and refuses a stale edit', async () => {
    const coordinator = await t.signedIn(grant('coordinator'));
    const worker = await t.signedIn(grant('caseWorker'));
    const agreement = {
      title: 'Överenskommelse med kvinnojouren',
      parties: ['Kvinnojouren Övningsby'],
      partnerKinds: ['shelter'],
      status: 'active',
      signedOn: '2024-06-01',
      usedInPractice: 'partly',
    };
    const save = (client: typeof coordinator.client, body: object) =>
      client.request('PUT', '/api/agreements', { body });
    const withoutReview = await save(coordinator.client, agreement);
    expect(withoutReview.statusCode).toBe(400);
    expect(withoutReview.body).toContain('datum då det ska ses över');
    expect((await save(worker.client, { ...agreement, reviewOn: '2026-06-01' })).statusCode).toBe(
      403,
    );
    const created = await save(coordinator.client, { ...agreement, reviewOn: '2026-06-01' });
    expect(created.statusCode).toBe(200);
    const { id } = created.json<{ id: string }>();

    const listed = (await worker.client.request('GET', '/api/agreements')).json<
      { id: string; review: string; version: number; parties: string[] }[]
    >();
    expect(listed).toEqual([
      expect.objectContaining({
        id,
        review: 'overdue',
        parties: ['Kvinnojouren Övningsby'],
        version: 1,
      }),
    ]);
    const renewed = { ...agreement, id, reviewOn: '2027-06-01' };
    expect((await save(coordinator.client, { ...renewed, version: 1 })).statusCode).toBe(200);
    expect((await save(coordinator.client, { ...renewed, version: 1 })).statusCode).toBe(409);
  });

  it('counts each person’s courses against what their role needs, instrument trainings included', async () => {
    const coordinator = await t.signedIn(grant('coordinator'));
    const worker = await t.signedIn(grant('caseWorker'));
    const record = (client: typeof worker.client, body: object) =>
      client.request('POST', '/api/competence/records', { body });
    expect(
      (await record(worker.client, { courseCode: 'nckWebCourse', completedOn: '2026-12-01' }))
        .statusCode,
    ).toBe(400);
    expect(
      (await record(worker.client, { courseCode: 'cooking', completedOn: '2026-01-01' }))
        .statusCode,
    ).toBe(400);
    // The web course lapses after two years.
    expect(
      (await record(worker.client, { courseCode: 'nckWebCourse', completedOn: '2024-01-10' }))
        .statusCode,
    ).toBe(201);
    // FREDA training recorded for the licence check counts as the FREDA course.
    expect(
      (
        await worker.client.request('POST', '/api/trainings', {
          body: { instrumentId: 'freda-farlighetsbedomning', completedOn: '2026-03-01' },
        })
      ).statusCode,
    ).toBe(201);
    // Only a team leader or coordinator records for someone else.
    expect(
      (
        await record(worker.client, {
          userId: coordinator.user.id,
          courseCode: 'honourBasics',
          completedOn: '2026-01-01',
        })
      ).statusCode,
    ).toBe(403);

    const mine = (await worker.client.request('GET', '/api/competence/mine')).json<
      { code: string; required: boolean; state: string }[]
    >();
    expect(
      mine.filter((course) => course.required).map((course) => [course.code, course.state]),
    ).toEqual([
      ['nckWebCourse', 'expired'],
      ['fredaDanger', 'valid'],
      ['honourBasics', 'missing'],
    ]);

    expect(
      (
        await record(coordinator.client, {
          userId: worker.user.id,
          courseCode: 'honourBasics',
          completedOn: '2026-09-15',
        })
      ).statusCode,
    ).toBe(201);
    expect((await worker.client.request('GET', '/api/competence/coverage')).statusCode).toBe(403);
    const coverage = (
      await coordinator.client.request('GET', '/api/competence/coverage')
    ).json<Coverage>();
    const unit = coverage.find((entry) => entry.unitId === t.world.north.adultUnit.id)!;
    const person = unit.staff.find((entry) => entry.userId === worker.user.id)!;
    expect(person.courses).toEqual([
      { code: 'nckWebCourse', state: 'expired', validUntil: '2026-01-10' },
      { code: 'fredaDanger', state: 'valid', validUntil: null },
      { code: 'honourBasics', state: 'valid', validUntil: '2029-09-15' },
    ]);
    // Every case worker in the unit needs the web course; this one's has lapsed.
    const web = unit.coverage.find((entry) => entry.code === 'nckWebCourse')!;
    expect(web.held).toBeLessThan(web.needed);
  });
});
