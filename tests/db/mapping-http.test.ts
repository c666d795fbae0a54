import { describe, expect, it } from 'vitest';
import { asSystem } from '../../src/server/platform/db/transaction';
import { buildCountyBoard, buildUser } from '../factories/world';
import { pdfText } from '../helpers/pdf-text';
import { engineAvailable } from '../helpers/test-database';
import { useTestWorld } from '../helpers/test-world';

type Round = {
  municipalities: { id: string; name: string; runsFristad: boolean }[];
  sessions: { id: string; municipalityId: string; version: number }[];
  answers: {
    municipalityId: string;
    itemId: string;
    status: string;
    value: unknown;
    source: string | null;
  }[];
  comparison: {
    scale: { name: string; mean: number | null }[];
    themes: { themes: { theme: string; answers: unknown[] }[]; uncoded: number };
  };
};

const period = { periodFrom: '2026-01-01', periodTo: '2026-12-31' };

/**
 * A county mapping round over HTTP: the county board starts a round with a municipality that
 * runs Fristad and one that does not, records interviews with their 0–10 ratings and open
 * answers, keeps "unknown" apart from zero, fills numbers from the figures the municipality
 * published, codes answers by theme, compares, and prints the reports.
 */
describe.runIf(engineAvailable)('county mapping rounds over HTTP', () => {
  const t = useTestWorld({ county: true });

  it('runs a round from start to report', async () => {
    // Övningsby opened six cases this year and hands its figures to the county.
    const opener = await buildUser(t.database, {
      organisationId: t.world.north.org.id,
      unitId: t.world.north.adultUnit.id,
      role: 'caseWorker',
    });
    for (let index = 0; index < 6; index += 1) {
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
            openedAt: new Date('2026-03-01T10:00:00Z'),
            createdBy: opener.id,
          })
          .execute(),
      );
    }
    const coordinator = await t.signedIn({
      organisationId: t.world.north.org.id,
      unitId: t.world.north.adultUnit.id,
      role: 'coordinator',
    });
    expect((await coordinator.client.request('GET', '/api/mapping/rounds')).statusCode).toBe(403);
    expect(
      (
        await coordinator.client.request('POST', '/api/indicators/publications', {
          body: { from: period.periodFrom, to: period.periodTo },
        })
      ).statusCode,
    ).toBe(201);

    const board = await buildCountyBoard(t.database, '99');
    const { client } = await t.signedIn({
      organisationId: board.org.id,
      unitId: board.unit.id,
      role: 'countyAnalyst',
    });
    const candidates = (await client.request('GET', '/api/mapping/candidates')).json<
      { id: string; name: string; scbCode: string }[]
    >();
    // Testvik is in another county.
    expect(candidates).toEqual([
      { id: t.world.north.org.id, name: 'Övningsby kommun', scbCode: '9901' },
    ]);

    const start = (municipalities: object[]) =>
      client.request('POST', '/api/mapping/rounds', {
        body: {
          name: 'Kartläggning 2026',
          templateId: 'vasternorrland',
          strategyPeriod: 'Regional strategi 2026–2029',
          ...period,
          municipalities,
        },
      });
    expect((await start([])).statusCode).toBe(400);
    expect((await start([{ name: 'Fjällby kommun' }, { name: 'Fjällby kommun' }])).statusCode).toBe(
      400,
    );
    const created = await start([
      { name: 'Övningsby kommun', organisationId: t.world.north.org.id },
      { name: 'Fjällby kommun', scbCode: '9905' },
    ]);
    expect(created.statusCode, created.body).toBe(201);
    const roundId = created.json<{ id: string }>().id;
    const read = async () =>
      (await client.request('GET', `/api/mapping/rounds/${roundId}`)).json<Round>();
    const [fjallby, ovningsby] = (await read()).municipalities;
    expect([fjallby!.name, fjallby!.runsFristad, ovningsby!.runsFristad]).toEqual([
      'Fjällby kommun',
      false,
      true,
    ]);

    const answer = (body: object) =>
      client.request('PUT', `/api/mapping/rounds/${roundId}/answers`, { body });
    // Nobody in Fjällby knows how many children: that is "unknown", not zero.
    expect(
      (
        await answer({
          municipalityId: fjallby!.id,
          itemId: 'children',
          status: 'unknown',
          value: 0,
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (await answer({ municipalityId: fjallby!.id, itemId: 'children', status: 'unknown' }))
        .statusCode,
    ).toBe(200);
    const withoutSource = await answer({
      municipalityId: fjallby!.id,
      itemId: 'trafficking',
      status: 'answered',
      value: 0,
    });
    expect(withoutSource.statusCode).toBe(400);
    expect(withoutSource.body).toContain('var siffran kommer ifrån');
    // Three cases of honour-related violence in a small municipality: exact to the county,
    // "fewer than 5" in the reports that are passed on.
    expect(
      (
        await answer({
          municipalityId: fjallby!.id,
          itemId: 'honour',
          status: 'answered',
          value: 3,
          source: 'caseSystem',
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await answer({
          municipalityId: fjallby!.id,
          itemId: 'trafficking',
          status: 'answered',
          value: 0,
          source: 'ownCount',
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await answer({
          municipalityId: fjallby!.id,
          itemId: 'riskAssessments',
          status: 'answered',
          value: 'partly',
        })
      ).statusCode,
    ).toBe(200);

    const prefill = (municipalityId: string) =>
      client.request('POST', `/api/mapping/rounds/${roundId}/prefill`, {
        body: { municipalityId },
      });
    expect((await prefill(fjallby!.id)).json<{ reason: string }>().reason).toBe(
      'mapping.no_fristad',
    );
    expect((await prefill(ovningsby!.id)).json<{ filled: string[] }>().filled).toEqual([
      'casesPerYear',
      'placementsPerYear',
      'unmetHousing',
    ]);

    const session = (body: object) =>
      client.request('POST', `/api/mapping/rounds/${roundId}/sessions`, { body });
    const occasion = {
      heldOn: '2026-10-01',
      mode: 'groupInterview',
      participants: [
        { role: 'unitManager', count: 2 },
        { role: 'caseWorker', count: 3 },
      ],
    };
    expect(
      (
        await session({
          ...occasion,
          municipalityId: ovningsby!.id,
          label: 'Övningsby 1',
          scale: 11,
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await session({
          ...occasion,
          municipalityId: ovningsby!.id,
          label: 'Övningsby 1',
          scale: 4,
          participants: [],
        })
      ).statusCode,
    ).toBe(400);
    for (const [municipalityId, label, scale] of [
      [ovningsby!.id, 'Övningsby 1', 4],
      [ovningsby!.id, 'Övningsby 2', 7],
      [fjallby!.id, 'Fjällby', 5],
    ] as const)
      expect(
        (
          await session({
            ...occasion,
            municipalityId,
            label,
            scale,
            openAnswers: [
              { question: 'works', text: `${label}: samarbetet med polisen fungerar` },
              { question: 'countySupport', text: `${label}: länsgemensamma boendeplatser` },
            ],
          })
        ).statusCode,
      ).toBe(201);

    let round = await read();
    const fjallbySession = round.sessions.find((entry) => entry.municipalityId === fjallby!.id)!;
    const code = (themes: string[], version: number) =>
      client.request('PUT', `/api/mapping/sessions/${fjallbySession.id}/themes`, {
        body: { answerIndex: 1, themes, version },
      });
    expect((await code(['notATheme'], fjallbySession.version)).statusCode).toBe(400);
    expect((await code(['housing', 'countyNeeds'], fjallbySession.version)).statusCode).toBe(200);
    expect((await code(['housing'], fjallbySession.version)).statusCode).toBe(409);

    round = await read();
    expect(round.comparison.scale.map((entry) => [entry.name, entry.mean])).toEqual([
      ['Fjällby kommun', 5],
      ['Övningsby kommun', 5.5],
    ]);
    expect(round.comparison.themes.themes.map((entry) => entry.theme)).toEqual([
      'housing',
      'countyNeeds',
    ]);
    expect(round.comparison.themes.uncoded).toBe(5);
    expect(
      round.answers.find(
        (entry) => entry.municipalityId === ovningsby!.id && entry.itemId === 'casesPerYear',
      ),
    ).toMatchObject({ status: 'answered', value: 6, source: 'fristad' });

    const county = await client.request('GET', `/api/mapping/rounds/${roundId}/report.pdf`);
    expect(county.headers['content-type']).toBe('application/pdf');
    const countyText = await pdfText(county.rawPayload);
    expect(countyText).toContain('Länsrapport: Kartläggning 2026');
    expect(countyText).toContain('5,5 (Övningsby 1: 4, Övningsby 2: 7)');
    expect(countyText).toContain('Fjällby kommun: Vet inte');
    expect(countyText).toContain('Fjällby kommun: 0 (egen räkning)');
    expect(countyText).toContain('Fjällby kommun: färre än 5 (verksamhetssystemet)');
    expect(countyText).not.toContain('Fjällby kommun: 3');
    expect(countyText).toContain('Teman i de öppna svaren: Boende (1)');

    const own = await client.request(
      'GET',
      `/api/mapping/rounds/${roundId}/report.pdf?municipalityId=${ovningsby!.id}`,
    );
    const ownText = await pdfText(own.rawPayload);
    expect(ownText).toContain('Övningsby kommun – Kartläggning 2026');
    expect(ownText).toContain('6 (Fristad)');
    expect(ownText).toContain('Länsövergripande stöd önskas till');
    expect(ownText).not.toContain('Fjällby');
    expect(ownText).toContain('Övningsby 1 (2026-10-01)');
    expect(ownText).toContain('2026-01-01 – 2026-12-31');
  });

  it('is the county board’s alone', async () => {
    const analystInMunicipality = await t.signedIn({
      organisationId: t.world.south.org.id,
      unitId: t.world.south.adultUnit.id,
      role: 'countyAnalyst',
    });
    const refused = await analystInMunicipality.client.request('GET', '/api/mapping/rounds');
    expect(refused.statusCode).toBe(422);
    expect(refused.json<{ reason: string }>().reason).toBe('mapping.not_a_county_board');
  });
});
