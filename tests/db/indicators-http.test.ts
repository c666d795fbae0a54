import { indicatorIds } from '../../src/domain/indicators/definitions';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { asSystem } from '../../src/server/platform/db/transaction';
import { insertPopulation } from '../../src/server/features/indicators/population-file';
import { createUnit } from '../../src/server/features/organisation/organisation.repository';
import { buildCountyBoard } from '../factories/world';
import { engineAvailable } from '../helpers/test-database';
import { buildCase, useTestWorld } from '../helpers/test-world';

type Figure = { id: string; count: number | null; base: number | null; value: number | null };
type Own = {
  levels: { unitId: string | null; name: string; figures: Figure[] }[];
  mayPublish: boolean;
};
type County = {
  municipalities: { name: string; figures: (Figure & { suppressed: boolean })[] }[];
  totals: (Figure & { withheldIn: number })[];
};

const period = { from: '2026-01-01', to: '2026-12-31' };
const query = `from=${period.from}&to=${period.to}`;
const adults = 5_000;

/**
 * A municipality's year built through the API: cases opened, some granted support, closed
 * with a recorded goal attainment. The test keeps its own tally of what it did; the expected
 * figures come from that tally, not from the indicator code.
 */
describe.runIf(engineAvailable)('indicators over HTTP: dashboard, exports, county', () => {
  const t = useTestWorld({ county: true });
  const done = { opened: 0, granted: 0, goalReached: 0, goalNotReached: 0 };

  const figure = (figures: Figure[], id: string) => figures.find((entry) => entry.id === id)!;
  const unitName = async (unitId: string) =>
    (
      await asSystem(t.database.db, (tx) =>
        tx.selectFrom('units').select('name').where('id', '=', unitId).executeTakeFirstOrThrow(),
      )
    ).name;

  beforeAll(async () => {
    await asSystem(t.database.db, (tx) =>
      insertPopulation(tx, [{ scbCode: '9901', year: 2026, adults }], 'test', new Date()),
    );
  });

  it('counts a year of cases for the organisation and its units, exactly, inside it', async () => {
    const leader = await t.signedIn({
      organisationId: t.world.north.org.id,
      unitId: t.world.north.adultUnit.id,
      role: 'teamLeader',
    });
    const admin = await t.signedIn({
      organisationId: t.world.north.org.id,
      unitId: t.world.north.adultUnit.id,
      role: 'administrator',
    });
    const typeId = (
      await admin.client.request('POST', '/api/intervention-types', {
        body: {
          name: 'Stödsamtal för våldsutsatta',
          target: 'victim',
          eligibility: 'decision',
          provider: 'ownUnit',
          defaultSessions: 5,
        },
      })
    ).json<{ id: string }>().id;

    const move = async (caseId: string, to: string, extra: object = {}) => {
      const current = await leader.client.request('GET', `/api/cases/${caseId}`);
      return leader.client.request('POST', `/api/cases/${caseId}/stage`, {
        body: { to, version: current.json<{ version: number }>().version, ...extra },
      });
    };
    // Seven adult cases: four get support and close with the goal reached, partly or not.
    const goals = ['reached', 'partlyReached', 'notReached', 'reached', null, null, null] as const;
    for (const goal of goals) {
      const person = await t.person({
        organisationId: t.world.north.org.id,
        unitId: t.world.north.adultUnit.id,
      });
      const { id: caseId } = await buildCase(leader.client, {
        personId: person.id,
        unitId: t.world.north.adultUnit.id,
      });
      done.opened += 1;
      const detail = await leader.client.request('GET', `/api/cases/${caseId}`);
      await leader.client.request('POST', `/api/cases/${caseId}/children`, {
        body: { answer: 'none', version: detail.json<{ version: number }>().version },
      });
      expect((await move(caseId, 'investigation')).statusCode).toBe(200);
      if (!goal) continue;
      expect((await move(caseId, 'decision')).statusCode).toBe(200);
      const grant = await leader.client.request('POST', `/api/cases/${caseId}/interventions`, {
        body: { typeId, decidedOn: '2026-11-20', goals: ['Att känna sig trygg hemma'] },
      });
      expect(grant.statusCode, grant.body).toBe(201);
      done.granted += 1;
      expect((await move(caseId, 'intervention')).statusCode).toBe(200);
      const reason = 'Insatsen är klar och följd upp.';
      const withoutGoal = await move(caseId, 'closed', { reason });
      expect(withoutGoal.statusCode).toBe(422);
      expect(withoutGoal.json<{ reason: string }>().reason).toBe('case.goal_required');
      expect((await move(caseId, 'closed', { reason, goal })).statusCode).toBe(200);
      if (goal === 'notReached') done.goalNotReached += 1;
      else done.goalReached += 1;
    }

    const own = await leader.client.request('GET', `/api/indicators?${query}`);
    expect(own.statusCode, own.body).toBe(200);
    const { levels, mayPublish } = own.json<Own>();
    const municipality = levels.find((level) => level.unitId === null)!;
    expect(figure(municipality.figures, 'actualisedCases')).toEqual({
      id: 'actualisedCases',
      definitionVersion: 2,
      count: done.opened,
      base: adults,
      value: (done.opened / adults) * 10_000,
    });
    expect(figure(municipality.figures, 'casesWithIntervention').count).toBe(done.granted);
    expect(figure(municipality.figures, 'closedGoalReached').count).toBe(done.goalReached);
    // Every investigation so far lacks a standardised risk assessment.
    expect(figure(municipality.figures, 'standardisedRiskAssessment')).toMatchObject({
      count: 0,
      base: done.opened,
      value: 0,
    });
    const adultUnit = levels.find((level) => level.unitId === t.world.north.adultUnit.id)!;
    expect(figure(adultUnit.figures, 'actualisedCases')).toMatchObject({
      count: done.opened,
      base: null,
    });
    const childUnit = levels.find((level) => level.unitId === t.world.north.childUnit.id)!;
    expect(figure(childUnit.figures, 'actualisedCases').count).toBe(0);
    expect(mayPublish).toBe(true);
  });

  it('withholds small counts in the CSV and XLSX exports, and says so', async () => {
    // Two men who use violence, in the perpetrator unit: never counted in Kolada's figures.
    const perpetratorLeader = await t.signedIn({
      organisationId: t.world.north.org.id,
      unitId: t.world.north.perpetratorUnit.id,
      role: 'teamLeader',
    });
    for (let index = 0; index < 2; index += 1) {
      const person = await t.person({
        organisationId: t.world.north.org.id,
        unitId: t.world.north.perpetratorUnit.id,
      });
      await buildCase(perpetratorLeader.client, {
        personId: person.id,
        unitId: t.world.north.perpetratorUnit.id,
        type: 'perpetrator',
      });
    }
    // Two women whose cases were opened at the reception: a small count beside the adult unit's.
    const reception = await asSystem(t.database.db, async (tx) => {
      const { secrecyAreaId } = await tx
        .selectFrom('units')
        .select('secrecyAreaId')
        .where('id', '=', t.world.north.adultUnit.id)
        .executeTakeFirstOrThrow();
      return createUnit(tx, {
        organisationId: t.world.north.org.id,
        name: 'Mottagningen',
        kind: 'reception',
        secrecyAreaId,
      });
    });
    const receptionLeader = await t.signedIn({
      organisationId: t.world.north.org.id,
      unitId: reception.id,
      role: 'teamLeader',
    });
    for (let index = 0; index < 2; index += 1) {
      const person = await t.person({
        organisationId: t.world.north.org.id,
        unitId: reception.id,
      });
      await buildCase(receptionLeader.client, { personId: person.id, unitId: reception.id });
      done.opened += 1;
    }
    const leader = await t.signedIn({
      organisationId: t.world.north.org.id,
      unitId: t.world.north.adultUnit.id,
      role: 'coordinator',
    });
    const csv = await leader.client.request('GET', `/api/indicators/export?${query}&format=csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const rows = parse(csv.body.replace(/^\uFEFF/, ''), {
      delimiter: ';',
      columns: true,
    }) as Record<string, string>[];
    const row = (level: string, indicatorStart: string) =>
      rows.find(
        (entry) => entry['Nivå'] === level && entry['Nyckeltal']!.startsWith(indicatorStart),
      )!;
    const opened = row('Övningsby kommun', 'Ärenden som aktualiserats');
    expect(Number(opened['Antal'])).toBe(done.opened);
    // The reception's 2 are withheld, and so are the adult unit's 7: shown, they would give
    // the 2 back as the municipality's 9 minus 7. The perpetrator unit's cases count as none.
    const perpetratorUnit = await unitName(t.world.north.perpetratorUnit.id);
    const adultUnit = await unitName(t.world.north.adultUnit.id);
    expect(row('Mottagningen', 'Ärenden som aktualiserats')['Anmärkning']).toBe(
      'Färre än 5, visas inte',
    );
    expect(row(perpetratorUnit, 'Ärenden som aktualiserats')['Antal']).toBe('0');
    expect(row(adultUnit, 'Ärenden som aktualiserats')['Antal']).toBe('');
    expect(row(adultUnit, 'Ärenden som aktualiserats')['Anmärkning']).toBe(
      'Visas inte, så att ett litet tal inte kan räknas fram',
    );
    // For every figure the municipality shows, its units never have exactly one withheld.
    const municipalityRows = rows.filter((entry) => entry['Nivå'] === 'Övningsby kommun');
    for (const whole of municipalityRows.filter((entry) => entry['Antal'] !== '')) {
      const withheldUnits = rows.filter(
        (entry) =>
          entry['Nivå'] !== 'Övningsby kommun' &&
          entry['Nyckeltal'] === whole['Nyckeltal'] &&
          entry['Anmärkning'] !== '',
      );
      expect(withheldUnits.length, whole['Nyckeltal']).not.toBe(1);
    }
    const reached = row('Övningsby kommun', 'Ärenden med insats som avslutats');
    expect(done.goalReached).toBeLessThan(5);
    expect(reached['Antal']).toBe('');
    expect(reached['Värde']).toBe('');
    expect(reached['Anmärkning']).toBe('Färre än 5, visas inte');
    // No cell anywhere in the file holds a count from 1 to 4.
    for (const entry of rows)
      for (const column of ['Antal', 'Av'])
        expect(['1', '2', '3', '4']).not.toContain(entry[column]);

    const xlsx = await leader.client.request('GET', `/api/indicators/export?${query}&format=xlsx`);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Nyckeltal')!;
    const header = (sheet.getRow(1).values as unknown[]).map(String);
    const countColumn = header.indexOf('Antal');
    const cells: unknown[] = [];
    sheet.eachRow((sheetRow, index) => {
      if (index > 1) cells.push(sheetRow.getCell(countColumn).value);
    });
    expect(cells).toContain(done.opened);
    expect(cells.filter((cell) => typeof cell === 'number' && cell > 0 && cell < 5)).toEqual([]);
    expect(workbook.getWorksheet('Definitioner')!.rowCount).toBe(1 + indicatorIds.length);
  });

  it('exports case rows without identity where every description is shared by five or more', async () => {
    const coordinator = await t.signedIn({
      organisationId: t.world.north.org.id,
      unitId: t.world.north.adultUnit.id,
      role: 'coordinator',
    });
    const response = await coordinator.client.request(
      'GET',
      `/api/indicators/case-rows?${query}&format=csv`,
    );
    expect(response.statusCode).toBe(200);
    const rows = parse(response.body.replace(/^\uFEFF/, ''), {
      delimiter: ';',
      columns: true,
    }) as Record<string, string>[];
    expect(rows.length).toBeGreaterThanOrEqual(5);
    expect(rows.length).toBeLessThanOrEqual(done.opened);
    const describing = (entry: Record<string, string>) =>
      ['caseType', 'hrv', 'openedQuarter', 'closedQuarter', 'children', 'goal']
        .map((column) => entry[column])
        .join('|');
    const sizes = new Map<string, number>();
    for (const entry of rows) sizes.set(describing(entry), (sizes.get(describing(entry)) ?? 0) + 1);
    expect([...sizes.values()].every((size) => size >= 5)).toBe(true);
    expect(response.body).not.toMatch(/\d{6}-?\d{4}/);
  });

  it('publishes withheld figures to the county board, which sees them and no other county', async () => {
    const board = await buildCountyBoard(t.database, '99');
    const coordinator = await t.signedIn({
      organisationId: t.world.north.org.id,
      unitId: t.world.north.adultUnit.id,
      role: 'coordinator',
    });
    const badPeriod = await coordinator.client.request('POST', '/api/indicators/publications', {
      body: { from: '2026-12-31', to: '2026-01-01' },
    });
    expect(badPeriod.statusCode).toBe(400);
    expect(badPeriod.body).toContain('Periodens slut');
    // Next year has no figures yet: a clear 400, nothing published.
    const nextYear = await coordinator.client.request('POST', '/api/indicators/publications', {
      body: { from: '2027-01-01', to: '2027-12-31' },
    });
    expect(nextYear.statusCode).toBe(400);
    expect(nextYear.json<{ fields: { path: string }[] }>().fields[0]!.path).toBe('body.from');
    expect(
      await asSystem(t.database.db, (tx) =>
        tx
          .selectFrom('indicatorPublications')
          .select('id')
          .where('periodFrom', '=', '2027-01-01')
          .execute(),
      ),
    ).toEqual([]);
    expect(
      (await coordinator.client.request('POST', '/api/indicators/publications', { body: period }))
        .statusCode,
    ).toBe(201);
    const southCoordinator = await t.signedIn({
      organisationId: t.world.south.org.id,
      unitId: t.world.south.adultUnit.id,
      role: 'coordinator',
    });
    expect(
      (
        await southCoordinator.client.request('POST', '/api/indicators/publications', {
          body: period,
        })
      ).statusCode,
    ).toBe(201);

    const stored = await asSystem(t.database.db, (tx) =>
      tx.selectFrom('indicatorPublications').select('figures').execute(),
    );
    for (const publication of stored)
      for (const published of publication.figures)
        expect([1, 2, 3, 4]).not.toContain(published.count);

    const analyst = await t.signedIn({
      organisationId: board.org.id,
      unitId: board.unit.id,
      role: 'countyAnalyst',
    });
    const county = await analyst.client.request('GET', `/api/indicators/county?${query}`);
    expect(county.statusCode, county.body).toBe(200);
    const { municipalities, totals } = county.json<County>();
    // Testvik is in county 98: its figures never reach county 99's board.
    expect(municipalities.map((entry) => entry.name)).toEqual(['Övningsby kommun']);
    const reached = figure(municipalities[0]!.figures, 'closedGoalReached');
    expect(reached).toMatchObject({ suppressed: true, count: null, value: null });
    expect(figure(totals, 'closedGoalReached')).toMatchObject({ count: 0, withheldIn: 1 });
    expect(figure(totals, 'actualisedCases')).toMatchObject({
      count: done.opened,
      value: (done.opened / adults) * 10_000,
      withheldIn: 0,
    });

    // The analyst has no figures of its own to publish, and the case worker none to read.
    const notMunicipality = await analyst.client.request('POST', '/api/indicators/publications', {
      body: period,
    });
    expect(notMunicipality.statusCode).toBe(422);
    const worker = await t.signedIn({
      organisationId: t.world.north.org.id,
      unitId: t.world.north.adultUnit.id,
      role: 'caseWorker',
    });
    expect((await worker.client.request('GET', `/api/indicators?${query}`)).statusCode).toBe(403);
    expect(
      (await coordinator.client.request('GET', `/api/indicators/county?${query}`)).statusCode,
    ).toBe(422);
  });

  it('keeps what was handed over under an earlier definition and shows it beside today', async () => {
    // A publication stored before definitions had versions (Kolada then counted perpetrators).
    const earlier = await asSystem(t.database.db, async (tx) => {
      const latest = await tx
        .selectFrom('indicatorPublications')
        .selectAll()
        .where('organisationId', '=', t.world.north.org.id)
        .orderBy('publishedAt', 'desc')
        .executeTakeFirstOrThrow();
      const figures = latest.figures.map(({ definitionVersion: _version, ...figure }) =>
        figure.id === 'actualisedCases' && !figure.suppressed
          ? { ...figure, count: figure.count + 2 }
          : figure,
      );
      await tx
        .insertInto('indicatorPublications')
        .values({
          ...latest,
          id: undefined,
          catalogueVersion: '1.1.0',
          figures: JSON.stringify(figures),
          publishedAt: new Date(latest.publishedAt.getTime() + 60_000),
        })
        .execute();
      return figures;
    });
    const coordinator = await t.signedIn({
      organisationId: t.world.north.org.id,
      unitId: t.world.north.adultUnit.id,
      role: 'coordinator',
    });
    const own = (await coordinator.client.request('GET', `/api/indicators?${query}`)).json<
      Own & {
        published: {
          catalogueVersion: string;
          figures: (Figure & { definitionVersion: number })[];
        };
      }
    >();
    expect(own.published.catalogueVersion).toBe('1.1.0');
    const handedOver = figure(own.published.figures, 'actualisedCases');
    const today = figure(own.levels[0]!.figures, 'actualisedCases') as Figure & {
      definitionVersion: number;
    };
    expect(handedOver).toMatchObject({ definitionVersion: 1, count: done.opened + 2 });
    expect(today).toMatchObject({ definitionVersion: 2, count: done.opened });
    expect(earlier.length).toBe(own.published.figures.length);

    const board = await asSystem(t.database.db, (tx) =>
      tx
        .selectFrom('organisations')
        .select('id')
        .where('kind', '=', 'countyBoard')
        .where('countyCode', '=', '99')
        .executeTakeFirstOrThrow(),
    );
    const boardUnit = await asSystem(t.database.db, (tx) =>
      tx
        .selectFrom('units')
        .select('id')
        .where('organisationId', '=', board.id)
        .executeTakeFirstOrThrow(),
    );
    const analyst = await t.signedIn({
      organisationId: board.id,
      unitId: boardUnit.id,
      role: 'countyAnalyst',
    });
    const { totals } = (
      await analyst.client.request('GET', `/api/indicators/county?${query}`)
    ).json<{
      totals: (Figure & { olderDefinitionIn: number })[];
    }>();
    // Kolada's figure changed meaning: the old one is not added into today's total.
    expect(figure(totals, 'actualisedCases')).toMatchObject({ count: 0, olderDefinitionIn: 1 });
    expect(figure(totals, 'screeningCoverage')).toMatchObject({ olderDefinitionIn: 0 });
  });
});
