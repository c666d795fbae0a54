import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/start';
import { wcagViolations } from '../helpers/accessibility';
import { browserAvailable, launchChromium, screenshotPath } from '../helpers/browser';
import { heading, pagePerUser, poll, startDemoServer, today } from '../helpers/demo-server';
import { pdfText } from '../helpers/pdf-text';

/**
 * Issue 8's mapping round (digest 001): the county analyst maps three municipalities — two run
 * Fristad, one does not — records an interview in each with its 0–10 rating and open answers,
 * keeps "unknown" apart from zero, fills figures from what a municipality handed over, codes an
 * answer by theme, compares the municipalities in a chart and downloads the county report.
 */
describe.runIf(browserAvailable)('a county mapping round', () => {
  let server: RunningServer;
  let browser: Browser;
  const switchTo = pagePerUser();
  const as = (username: string) => switchTo(browser, server, username);

  beforeAll(async () => {
    server = await startDemoServer('mapping');
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const recordSession = async (page: Page, municipality: string, scale: string, said: string) => {
    await page.getByLabel('Kommun', { exact: true }).selectOption({ label: municipality });
    const form = page.getByRole('form', { name: `Nytt tillfälle – ${municipality}` });
    await form.getByLabel('Hölls den').fill(today());
    await form.getByLabel('Enhetschef').fill('2');
    await form.getByLabel('Handläggare').fill('3');
    await form.getByLabel('Skattning 0–10').selectOption(scale);
    await form.getByLabel(/fungerar redan i dag/).fill(`${said}\nGod samverkan med polisen`);
    await form.getByLabel(/länsövergripande stöd/).fill('Länsgemensamma platser i skyddat boende');
    await form.getByRole('button', { name: 'Registrera tillfället' }).click();
    await expect
      .poll(
        () => page.getByRole('row', { name: new RegExp(`^${municipality}`) }).textContent(),
        poll,
      )
      .toContain(`: ${scale}`);
  };

  it('maps three municipalities, compares them and prints the county report', async () => {
    const coordinator = await as('samordnare');
    await coordinator.getByRole('link', { name: 'Nyckeltal' }).click();
    await coordinator.getByRole('button', { name: 'Lämna nyckeltalen till länet' }).click();
    await expect
      .poll(() => coordinator.getByRole('status').textContent(), poll)
      .toContain('Lämnade till länet');

    const analyst = await as('lansanalytiker');
    await analyst.getByRole('link', { name: 'Kartläggning' }).click();
    await expect.poll(() => heading(analyst), poll).toBe('Kartläggning');
    expect(await wcagViolations(analyst)).toEqual([]);
    const year = Number(today().slice(0, 4));
    const create = analyst.getByRole('form', { name: 'Ny kartläggning' });
    await create.getByLabel('Strategiperiod').fill('Regional strategi 2026–2029');
    expect(await create.getByLabel('Övningsby kommun').isChecked()).toBe(true);
    expect(await create.getByLabel('Övningsås kommun').isChecked()).toBe(true);
    await create.getByLabel('Övriga kommuner').fill('Fjällby kommun');
    await create.getByRole('button', { name: 'Starta kartläggningen' }).click();
    await expect.poll(() => heading(analyst), poll).toBe(`Kartläggning ${year}`);

    await recordSession(analyst, 'Övningsby kommun', '4', 'Tydlig handlingsplan');
    await recordSession(analyst, 'Övningsås kommun', '7', 'Eget skyddat boende');
    await recordSession(analyst, 'Fjällby kommun', '5', 'Engagerade handläggare');

    // Fjällby cannot count its children: "Vet inte" is an answer, never a zero.
    await analyst.getByText('Omfattning – 0 av 5 besvarade').click();
    const scope = analyst.getByRole('form', { name: 'Omfattning – Fjällby kommun' });
    const cases = scope.getByRole('group', { name: 'Antal ärenden per år' });
    await cases.getByLabel('Svar').check();
    await cases.getByLabel('Antal').fill('12');
    await cases.getByLabel('Var siffran kommer ifrån').selectOption({ label: 'Egen räkning' });
    await scope
      .getByRole('group', { name: 'Hur många av dem som är barn' })
      .getByLabel('Vet inte')
      .check();
    await scope.getByRole('button', { name: 'Spara Omfattning' }).click();
    await analyst.getByText('Omfattning – 2 av 5 besvarade').click();
    await expect
      .poll(
        () =>
          scope
            .getByRole('group', { name: 'Antal ärenden per år' })
            .getByLabel('Antal')
            .inputValue(),
        poll,
      )
      .toBe('12');

    // Övningsby handed over its figures: the numbers fill in from Fristad.
    await analyst.getByLabel('Kommun', { exact: true }).selectOption({ label: 'Övningsby kommun' });
    await analyst.getByRole('button', { name: 'Fyll i siffror från Fristad' }).click();
    await expect
      .poll(() => analyst.getByRole('status').textContent(), poll)
      .toBe('3 frågor fylldes i från Fristad.');
    await analyst.getByText('Omfattning – 1 av 5 besvarade').click();
    const filled = analyst
      .getByRole('form', { name: 'Omfattning – Övningsby kommun' })
      .getByRole('group', { name: 'Antal ärenden per år' });
    expect(await filled.getByLabel('Var siffran kommer ifrån').inputValue()).toBe('fristad');

    // The county's theme on one answer.
    await analyst
      .getByRole('article', { name: 'Övningsby 1' })
      .getByText('Visa och koda svaren (3)')
      .click();
    const answer = analyst.getByRole('form', {
      name: 'Koda svaret: Länsgemensamma platser i skyddat boende',
    });
    await answer.getByLabel('Boende').check();
    await answer.getByRole('button', { name: 'Spara koderna' }).click();
    await expect
      .poll(() => analyst.getByText(/Öppna svar per tema/).textContent(), poll)
      .toContain('Boende 1');

    // The chart draws its bars after the figures arrive.
    await expect
      .poll(() => analyst.locator('figure.indicator-chart .recharts-bar-rectangle').count(), poll)
      .toBe(3);
    expect(await wcagViolations(analyst)).toEqual([]);
    await analyst.screenshot({ path: screenshotPath('mapping-1-round'), fullPage: true });

    const [download] = await Promise.all([
      analyst.waitForEvent('download'),
      analyst.getByRole('link', { name: 'Länsrapport (PDF)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('kartlaggning-lan.pdf');
    const text = await pdfText(await readFile((await download.path())!));
    expect(text).toContain(`Länsrapport: Kartläggning ${year}`);
    expect(text).toContain('Övningsås kommun');
    expect(text).toContain('Fjällby kommun: Vet inte');
    expect(text).toContain('Fjällby kommun: 12 (egen räkning)');
    expect(text).toContain('Teman i de öppna svaren: Boende (1)');
    await analyst.getByLabel('Kommun', { exact: true }).selectOption({ label: 'Fjällby kommun' });
    await analyst.screenshot({ path: screenshotPath('mapping-2-municipality'), fullPage: true });
  });
});
