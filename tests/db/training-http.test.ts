import { describe, expect, it } from 'vitest';
import { pdfText } from '../helpers/pdf-text';
import { engineAvailable } from '../helpers/test-database';
import { useTestWorld } from '../helpers/test-world';

type Figures = { levels: { unitId: string | null; figures: { id: string; count: number }[] }[] };
type Practices = {
  practices: {
    case: { id: string; stage: string; version: number; person: { id: string } };
    steps: { status: string }[];
  }[];
};

/** Training mode over HTTP: a practice case is the worker's own, marked, and never counted. */
describe.runIf(engineAvailable)('practice cases over HTTP', () => {
  const t = useTestWorld();

  it('opens a marked practice case from a scenario and leaves it out of every figure', async () => {
    const leader = await t.signedIn({
      organisationId: t.world.north.org.id,
      unitId: t.world.north.adultUnit.id,
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
      childrenAnswer: null,
      person: { givenName: 'Övnings-Maja', personalNumber: null },
    });
    expect(await opened()).toBe(0);

    // A real case in the same unit counts; the practice case still does not.
    const person = await t.person({
      organisationId: t.world.north.org.id,
      unitId: t.world.north.adultUnit.id,
    });
    const real = await leader.client.request('POST', '/api/cases', {
      body: { personId: person.id, unitId: t.world.north.adultUnit.id, type: 'adultVictim' },
    });
    expect(real.json()).toMatchObject({ practice: false });
    expect(await opened()).toBe(1);

    // The routine questions put to the practice person count neither.
    const practiceCase = detail.json<{ id: string; person: { id: string } }>();
    const asked = await leader.client.request('POST', '/api/screenings', {
      body: {
        personId: practiceCase.person.id,
        unitId: t.world.north.adultUnit.id,
        caseId: practiceCase.id,
        answers: [{ topic: 'exposure', outcome: 'positive' }],
      },
    });
    expect(asked.statusCode).toBe(201);
    const coverage = await leader.client.request(
      'GET',
      '/api/screenings/coverage?from=2026-01-01&to=2027-01-01',
    );
    expect(coverage.json<{ asked: number }[]>().reduce((sum, row) => sum + row.asked, 0)).toBe(0);

    // In the children's unit the same library opens a child's case there.
    const childWorker = await t.signedIn({
      organisationId: t.world.north.org.id,
      unitId: t.world.north.childUnit.id,
      role: 'caseWorker',
    });
    const childPractice = await childWorker.client.request('POST', '/api/training/practice-cases', {
      body: { scenarioId: 'child-tells-at-school' },
    });
    expect(
      (
        await childWorker.client.request(
          'GET',
          `/api/cases/${childPractice.json<{ id: string }>().id}`,
        )
      ).json(),
    ).toMatchObject({ type: 'childExposed', unitId: t.world.north.childUnit.id, practice: true });

    const coordinator = await t.signedIn({
      organisationId: t.world.north.org.id,
      unitId: t.world.north.adultUnit.id,
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

  it('gives feedback on the scenario’s steps and ends a practice, never a real case', async () => {
    const worker = await t.signedIn({
      organisationId: t.world.north.org.id,
      unitId: t.world.north.adultUnit.id,
      role: 'caseWorker',
    });
    const mine = async () =>
      (await worker.client.request('GET', '/api/training/practice-cases')).json<Practices>()
        .practices;
    expect(await mine()).toEqual([]);
    const started = await worker.client.request('POST', '/api/training/practice-cases', {
      body: { scenarioId: 'police-report-mother' },
    });
    const caseId = started.json<{ id: string }>().id;
    const [practice] = await mine();
    expect(practice).toMatchObject({
      case: { id: caseId, stage: 'intake' },
      scenario: { id: 'police-report-mother' },
    });
    expect(practice!.steps.map((step) => step.status)).toEqual(['notYet', 'notYet', 'notYet']);

    // Asking the routine questions is the first step; answering about children alone is not
    // the second, which also asks for a report of concern.
    await worker.client.request('POST', '/api/screenings', {
      body: {
        personId: practice!.case.person.id,
        unitId: t.world.north.adultUnit.id,
        caseId,
        answers: [{ topic: 'exposure', outcome: 'negative' }],
      },
    });
    const answered = await worker.client.request('POST', `/api/cases/${caseId}/children`, {
      body: { answer: 'yes', version: practice!.case.version },
    });
    expect(answered.statusCode).toBe(200);
    // Children said to be in the practice household are nobody's gap to act on.
    const gaps = await worker.client.request(
      'GET',
      '/api/work-lists/children-without-investigation',
    );
    expect(gaps.json<{ adultCaseId: string }[]>().map((gap) => gap.adultCaseId)).not.toContain(
      caseId,
    );
    const [afterwards] = await mine();
    expect(afterwards!.steps.map((step) => step.status)).toEqual(['done', 'notYet', 'notYet']);

    // The case list's spreadsheet marks it too.
    const exported = await worker.client.request('GET', '/api/cases/export.csv?mine=true');
    expect(exported.body).toMatch(/Övnings-Maja Exempeldotter;;Våldsutsatt vuxen \(övning\);/);

    // And a printed summary says so at the top.
    const printed = await worker.client.request('GET', `/api/cases/${caseId}/summary.pdf`);
    expect(await pdfText(printed.rawPayload)).toContain('ÖVNINGSÄRENDE');

    // The practice person is marked in the person search too.
    const found = await worker.client.request('GET', '/api/persons/search?q=Övnings-Maja');
    const persons = found.json<{ practice: boolean }[]>();
    expect(persons.length).toBeGreaterThan(0);
    expect(persons.every((person) => person.practice)).toBe(true);

    const end = (id: string, version: number) =>
      worker.client.request('POST', `/api/training/practice-cases/${id}/end`, {
        body: { version },
      });
    expect((await end(caseId, afterwards!.case.version - 1)).statusCode).toBe(409);
    const ended = await end(caseId, afterwards!.case.version);
    expect(ended.statusCode).toBe(200);
    expect(ended.json()).toMatchObject({ stage: 'closed', practice: true });
    expect((await mine())[0]!.case.stage).toBe('closed');
    const again = await end(caseId, ended.json<{ version: number }>().version);
    expect(again.statusCode).toBe(422);

    // Ending is for practice only: a real case keeps its stage rules.
    const person = await t.person({
      organisationId: t.world.north.org.id,
      unitId: t.world.north.adultUnit.id,
    });
    const real = await worker.client.request('POST', '/api/cases', {
      body: { personId: person.id, unitId: t.world.north.adultUnit.id, type: 'adultVictim' },
    });
    const refused = await end(
      real.json<{ id: string }>().id,
      real.json<{ version: number }>().version,
    );
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ reason: 'training.not_practice' });
    const still = await worker.client.request(
      'GET',
      `/api/cases/${real.json<{ id: string }>().id}`,
    );
    expect(still.json()).toMatchObject({ stage: 'intake' });
  });
});
