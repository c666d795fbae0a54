import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemIdsOf } from '../helpers/instruments';
import { swedishDate } from '../../src/domain/calendar';
import type { RunningServer } from '../../src/server/start';
import { wcagViolations } from '../helpers/accessibility';
import { browserAvailable, launchChromium, screenshotPath } from '../helpers/browser';
import {
  heading,
  openCaseTab,
  openCaseThroughIntake,
  poll,
  signInAs,
  startDemoServer,
} from '../helpers/demo-server';
import { pdfText } from '../helpers/pdf-text';

const fredaItems = itemIdsOf('freda-farlighetsbedomning');
const day = 24 * 3600 * 1000;

/**
 * The risk management walk: high acute risk on a signed assessment → suggestions with reasons →
 * a plan with owners → the review date passes → the team leader sees it overdue → PDF.
 */
describe.runIf(browserAvailable)('from a high-risk assessment to a reviewed safety plan', () => {
  let server: RunningServer;
  let browser: Browser;
  // The server's clock; moved forward to let the review date pass.
  let offset = 0;
  const now = () => new Date(Date.now() + offset);

  beforeAll(async () => {
    server = await startDemoServer('plan', now);
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('turns a high risk into a plan with owners that the team leader sees when its review is overdue', async () => {
    const page = await signInAs(browser, server, 'handlaggare', now());
    const caseUrl = await openCaseThroughIntake(page, 'Siv', 'Övningsdotter');
    await openCaseTab(page, 'Risk');

    // A signed FREDA with high risk and strangulation.
    await page.getByLabel('Instrument').selectOption({ label: 'FREDA-farlighetsbedömning' });
    await page.getByRole('button', { name: 'Börja bedömningen' }).click();
    await expect.poll(() => heading(page), poll).toBe('FREDA-farlighetsbedömning');
    for (const item of fredaItems)
      await page
        .locator(`input[name="${item}-now"][value="${item === 'strangulation' ? 'yes' : 'no'}"]`)
        .check();
    for (const name of [
      'judgement-continuedViolence',
      'judgement-severeViolence',
      'final-level',
      'victim-appraisal',
    ])
      await page.locator(`input[name="${name}"][value="high"]`).check();
    await page
      .getByLabel('Skäl för bedömningen')
      .fill('Strypgrepp förra veckan; hon är mycket rädd.');
    await page.getByRole('button', { name: 'Signera bedömningen' }).click();
    await expect
      .poll(() => page.getByRole('status').first().textContent(), poll)
      .toContain('Signerad');

    // Suggestions with reasons, and the warning that nothing protects yet.
    await page.goto(`${caseUrl}/plan`);
    const plan = page.getByRole('region', { name: 'Skydds- och åtgärdsplan' });
    await expect.poll(() => plan.textContent(), poll).toContain('ingen skyddsåtgärd');
    expect(await plan.textContent()).toContain(
      'Strypgrepp, hot om att döda eller vapen är starka varningstecken',
    );
    const alarm = page.getByRole('form', { name: 'Lägg till Trygghetslarm eller larmpaket' });
    await alarm.getByLabel('Ansvarig organisation').fill('Polisen, BOPS');
    await alarm.getByRole('button', { name: 'Lägg till i planen' }).click();
    await expect
      .poll(() => page.getByRole('table', { name: 'Åtgärder i planen' }).textContent(), poll)
      .toContain('Polisen, BOPS');
    expect(await plan.textContent()).not.toContain('ingen skyddsåtgärd');
    const support = page.getByRole('form', {
      name: 'Lägg till Säkerhetsplanering med den utsatta',
    });
    await support.getByRole('button', { name: 'Lägg till i planen' }).click();
    await expect
      .poll(() => page.getByRole('table', { name: 'Åtgärder i planen' }).textContent(), poll)
      .toContain('Säkerhetsplanering med den utsatta');

    await page
      .getByLabel('Den utsattas egna strategier')
      .fill('Tar bussen via torget, inte genom parken. Kodord till grannen: "blå".');
    await page
      .getByLabel('Kontakter kväll och helg')
      .fill('Socialjouren 0999-123 45 (övning), polisen 112');
    await page.getByLabel('Planen följs upp senast').fill(swedishDate(now()));
    await page.getByRole('button', { name: 'Spara planen' }).click();
    await page.getByRole('button', { name: 'Avsluta bedömningen med planen' }).click();
    await expect
      .poll(
        () => page.getByRole('button', { name: 'Avsluta bedömningen med planen' }).count(),
        poll,
      )
      .toBe(0);
    expect(await wcagViolations(page)).toEqual([]);
    await page.screenshot({
      path: screenshotPath('plan-1-suggestions-and-owners'),
      fullPage: true,
    });

    // The review date passes; the team leader sees the plan overdue and prints it.
    offset = 2 * day;
    const leader = await signInAs(browser, server, 'teamledare', now());
    const overdue = leader.getByRole('region', { name: 'Försenade uppföljningar av skyddsplaner' });
    await expect.poll(() => overdue.textContent(), poll).toContain('Siv Övningsdotter');
    expect(await wcagViolations(leader)).toEqual([]);
    await leader.screenshot({
      path: screenshotPath('plan-2-overdue-for-team-leader'),
      fullPage: true,
    });
    await overdue.getByRole('link', { name: 'Siv Övningsdotter' }).click();
    await expect.poll(() => heading(leader), poll).toBe('Siv Övningsdotter – Våldsutsatt vuxen');
    const [download] = await Promise.all([
      leader.waitForEvent('download'),
      leader.getByRole('link', { name: 'Ladda ner planen (PDF)' }).click(),
    ]);
    const text = await pdfText(await readFile((await download.path())!));
    expect(text).toContain('Skydds- och åtgärdsplan');
    expect(text).toContain('Polisen, BOPS');
    await leader.screenshot({ path: screenshotPath('plan-3-case-with-plan'), fullPage: true });
  });
});
