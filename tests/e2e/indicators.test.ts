import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/start';
import { wcagViolations } from '../helpers/accessibility';
import { browserAvailable, launchChromium, screenshotPath } from '../helpers/browser';
import {
  heading,
  openCaseThroughIntake,
  pagePerUser,
  poll,
  startDemoServer,
  today,
} from '../helpers/demo-server';

const opened =
  'Ärenden som aktualiserats på grund av våld i nära relationer eller hedersrelaterat våld';

/**
 * Issue 8's dashboard: a municipality sees its own figures exactly, downloads them with small
 * counts withheld, hands them to the county, and the county analyst compares the municipalities.
 */
describe.runIf(browserAvailable)('indicators: dashboard, exports and the county', () => {
  let server: RunningServer;
  let browser: Browser;
  const switchTo = pagePerUser();
  const as = (username: string) => switchTo(browser, server, username);

  beforeAll(async () => {
    server = await startDemoServer('indicators');
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the exact figure inside the municipality, withholds it in files and at the county', async () => {
    const worker = await as('handlaggare');
    await openCaseThroughIntake(worker, 'Nora', 'Nyckelsson');

    const coordinator = await as('samordnare');
    await coordinator.getByRole('link', { name: 'Nyckeltal' }).click();
    await expect.poll(() => heading(coordinator), poll).toBe('Nyckeltal');
    const row = coordinator.getByRole('row', { name: new RegExp(`^${opened}`) });
    // One case among 7,950 adults: 1.3 per 10,000, and the count itself, for those inside.
    await expect.poll(() => row.textContent(), poll).toContain('1,3 per 10 000 (1)');
    expect(await coordinator.textContent('main')).toContain(
      'Vuxna invånare (18 år och äldre): 7\u00a0950',
    );
    expect(await wcagViolations(coordinator)).toEqual([]);
    await coordinator.screenshot({
      path: screenshotPath('indicators-1-municipality'),
      fullPage: true,
    });

    const [download] = await Promise.all([
      coordinator.waitForEvent('download'),
      coordinator.getByRole('link', { name: 'Nyckeltalen som Excel-fil' }).click(),
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile((await download.path())!)) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Nyckeltal')!;
    const lines: string[][] = [];
    sheet.eachRow((sheetRow) =>
      lines.push(Array.from(sheetRow.values as unknown[], (cell) => String(cell ?? '')).slice(1)),
    );
    const [header, ...body] = lines;
    const column = (name: string) => header!.indexOf(name);
    const municipalityRow = body.find(
      (line) => line[column('Nivå')] === 'Övningsby kommun' && line[column('Nyckeltal')] === opened,
    )!;
    expect(municipalityRow[column('Antal')]).toBe('');
    expect(municipalityRow[column('Anmärkning')]).toBe('Färre än 5, visas inte');

    await coordinator.getByRole('button', { name: 'Lämna nyckeltalen till länet' }).click();
    await expect
      .poll(() => coordinator.getByRole('status').textContent(), poll)
      .toContain('Lämnade till länet');
    // What was handed over stands beside today's figures, withheld as it left.
    await expect
      .poll(
        () => coordinator.getByRole('columnheader', { name: /Lämnat till länet/ }).count(),
        poll,
      )
      .toBe(1);
    expect(await row.textContent()).toContain('Färre än 5 – visas inte');

    const neighbour = await as('boende');
    await neighbour.getByRole('link', { name: 'Nyckeltal' }).click();
    await neighbour.getByRole('button', { name: 'Lämna nyckeltalen till länet' }).click();
    await expect
      .poll(() => neighbour.getByRole('status').textContent(), poll)
      .toContain('Lämnade till länet');

    const analyst = await as('lansanalytiker');
    await analyst.getByRole('link', { name: 'Nyckeltal' }).click();
    await expect.poll(() => heading(analyst), poll).toBe('Länets nyckeltal');
    const countyRow = analyst.getByRole('row', { name: new RegExp(`^${opened}`) });
    await expect.poll(() => countyRow.textContent(), poll).toContain('Färre än 5 – visas inte');
    expect(await countyRow.textContent()).not.toContain('(1)');
    const columns = await analyst.getByRole('columnheader').allTextContents();
    expect(columns).toEqual(['Nyckeltal', 'Övningsby kommun', 'Övningsås kommun', 'Länet']);
    await expect.poll(() => analyst.locator('figure.indicator-chart svg').count(), poll).toBe(1);
    expect(await wcagViolations(analyst)).toEqual([]);
    await analyst.screenshot({ path: screenshotPath('indicators-2-county'), fullPage: true });
  });

  it('runs a point-prevalence survey: units report what they know, the records show the dark figure', async () => {
    const todayText = today();
    const coordinator = await as('samordnare');
    await coordinator.getByRole('link', { name: 'Mätningar' }).click();
    await expect.poll(() => heading(coordinator), poll).toBe('Mätningar av kända ärenden');
    const start = coordinator.getByRole('form', { name: 'Ny mätning' });
    await start.getByLabel('Namn').fill('Mätning i november');
    await start.getByLabel('Mätningen börjar').fill(todayText);
    await start.getByLabel('Mätningen slutar').fill(todayText);
    await start.getByRole('button', { name: 'Starta mätningen' }).click();
    await expect
      .poll(
        () => coordinator.getByRole('heading', { level: 2, name: /Mätning i november/ }).count(),
        poll,
      )
      .toBe(1);

    const worker = await as('handlaggare');
    // Her start page tells her the survey is running and her unit has not reported.
    await expect
      .poll(() => worker.getByRole('region', { name: 'Mätning pågår' }).textContent(), poll)
      .toContain('Vuxenenheten – VINR-teamet har inte rapporterat än.');
    await worker.getByRole('link', { name: 'Rapportera hur många ni känner till' }).click();
    const form = worker.getByRole('form', { name: 'Rapportera för Vuxenenheten – VINR-teamet' });
    await form.getByLabel('Våldsutsatta vuxna').fill('3');
    await form.getByRole('button', { name: 'Rapportera' }).click();
    await expect.poll(() => worker.getByRole('status').textContent(), poll).toContain('sparade');
    expect(await wcagViolations(worker)).toEqual([]);

    await coordinator.getByRole('link', { name: 'Mätningar' }).click();
    await coordinator.getByRole('button', { name: 'Jämför med registren' }).click();
    // Nora Nyckelsson's case is the one on record; staff know of three.
    const row = coordinator
      .getByRole('row', { name: /Vuxenenheten – VINR-teamet Våldsutsatta vuxna/ })
      .first();
    await expect
      .poll(() => row.textContent(), poll)
      .toBe('Vuxenenheten – VINR-teametVåldsutsatta vuxna312');
    expect(await wcagViolations(coordinator)).toEqual([]);
    await coordinator.screenshot({
      path: screenshotPath('indicators-3-prevalence'),
      fullPage: true,
    });
  });
});
