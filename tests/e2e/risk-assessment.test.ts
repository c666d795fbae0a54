import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemIdsOf } from '../helpers/instruments';
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
  today,
} from '../helpers/demo-server';

const fredaItems = itemIdsOf('freda-farlighetsbedomning');
const fredaYes = new Set(['strangulation', 'threatsToKill', 'separation', 'escalation']);
const saraItems = itemIdsOf('sara-sv');

/** Presses Tab until the focused element is the named control; fails if Tab never gets there. */
const tabTo = async (page: Page, match: { name?: string; id?: string; tag?: string }) => {
  for (let presses = 0; presses < 60; presses += 1) {
    await page.keyboard.press('Tab');
    const reached = await page.evaluate((wanted) => {
      const element = document.activeElement as HTMLInputElement | null;
      if (!element) return false;
      if (wanted.name && element.getAttribute('name') !== wanted.name) return false;
      if (wanted.id && element.id !== wanted.id) return false;
      if (wanted.tag && element.tagName.toLowerCase() !== wanted.tag) return false;
      return true;
    }, match);
    if (reached) return;
  }
  throw new Error(`Tab never reached ${JSON.stringify(match)}`);
};

/**
 * The risk issue's walk: a FREDA-farlighetsbedömning entered by keyboard alone, a SARA:SV on the
 * same case, both in the common risk picture, then a delgivning that asks for a reassessment.
 */
describe.runIf(browserAvailable)('risk assessment on a case', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startDemoServer('risk');
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('assesses with FREDA by keyboard and SARA:SV, compares them, and reassesses after delgivning', async () => {
    const page = await signInAs(browser, server, 'handlaggare');
    const caseUrl = await openCaseThroughIntake(page, 'Rut', 'Övningsdotter');
    await openCaseTab(page, 'Risk');

    // 1. FREDA-farlighetsbedömning, entered with the keyboard alone.
    await page.getByLabel('Instrument').selectOption({ label: 'FREDA-farlighetsbedömning' });
    await page.getByRole('button', { name: 'Börja bedömningen' }).click();
    await expect.poll(() => heading(page), poll).toBe('FREDA-farlighetsbedömning');
    await page.getByRole('heading', { level: 1 }).focus();
    for (const item of fredaItems) {
      await tabTo(page, { name: `${item}-now` });
      // Focus lands on "Ja"; Space chooses it, the down arrow moves to and chooses "Nej".
      await page.keyboard.press(fredaYes.has(item) ? 'Space' : 'ArrowDown');
    }
    await tabTo(page, { name: 'victim-appraisal' });
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown'); // "Mycket farlig"
    for (const judgement of [
      'judgement-continuedViolence',
      'judgement-severeViolence',
      'final-level',
    ]) {
      await tabTo(page, { name: judgement });
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown'); // "Hög"
    }
    await tabTo(page, { id: 'final-reasons' });
    await page.keyboard.type(
      'Strypgrepp, hot om att döda och separation nyligen; hon bedömer själv läget som mycket farligt.',
    );
    await expect
      .poll(
        () => page.getByRole('region', { name: 'Hur komplett bedömningen är' }).textContent(),
        poll,
      )
      .toContain('15 av 15 frågor besvarade');
    expect(await page.getByText('Poäng: 4').count()).toBe(1);
    expect(await wcagViolations(page)).toEqual([]);
    await tabTo(page, { tag: 'button' });
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByRole('status').first().textContent(), poll)
      .toContain('Signerad');
    await page.screenshot({ path: screenshotPath('risk-1-freda-signed'), fullPage: true });

    // 2. SARA:SV on the same case, by mouse.
    await page.goto(`${caseUrl}/risk`);
    await page
      .getByLabel('Instrument')
      .selectOption({ label: 'SARA:SV (ingen registrerad utbildning)' });
    await page.getByRole('button', { name: 'Börja bedömningen' }).click();
    await expect.poll(() => heading(page), poll).toBe('SARA:SV');
    for (const item of saraItems) {
      const now = item === 'escalation' ? 'absent' : 'present';
      await page.locator(`input[name="${item}-now"][value="${now}"]`).check();
      await page.locator(`input[name="${item}-past"][value="present"]`).check();
    }
    await page.locator('input[name="victim-appraisal"][value="high"]').check();
    for (const judgement of ['acuteRisk', 'longTermRisk', 'severity'])
      await page.locator(`input[name="judgement-${judgement}"][value="high"]`).check();
    await page.locator('input[name="final-level"][value="high"]').check();
    await page
      .getByLabel('Skäl för bedömningen')
      .fill('Våld, hot och brott mot kontaktförbud; stark rädsla.');
    await page.getByRole('button', { name: 'Signera bedömningen' }).click();
    await expect
      .poll(() => page.getByRole('status').first().textContent(), poll)
      .toContain('Signerad');

    // 3. Both in the common risk picture, with the disagreement on escalation marked.
    await page.goto(`${caseUrl}/risk`);
    const picture = page.getByRole('table', { name: 'Samlad riskbild' });
    await expect.poll(() => picture.textContent(), poll).toContain('SARA:SV');
    expect(await picture.textContent()).toContain('FREDA-farlighetsbedömning');
    const escalation = picture.getByRole('row', { name: /^Upptrappning/ });
    expect(await escalation.textContent()).toContain('Ja – stäm av');
    await expect.poll(() => page.locator('.risk-chart svg').count(), poll).toBeGreaterThan(0);
    expect(await wcagViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('risk-2-common-picture'), fullPage: true });

    // 4. A notice of suspicion puts a reassessment on the list; the overview shows the level.
    await openCaseTab(page, 'Händelser och historik');
    await page
      .getByLabel('Händelse', { exact: true })
      .selectOption({ label: 'Delgivning av misstanke' });
    await page.getByLabel('Datum').fill(today());
    await page.getByLabel('Källa').selectOption({ label: 'Polisen' });
    await page.getByRole('button', { name: 'Lägg till händelse' }).click();
    await expect
      .poll(() => page.getByRole('status').last().textContent(), poll)
      .toContain('ny riskbedömning senast');
    await openCaseTab(page, 'Översikt');
    await expect
      .poll(() => page.getByRole('region', { name: 'Uppgifter' }).textContent(), poll)
      .toContain('Gör en ny riskbedömning');
    expect(await page.getByTestId('risk-level').textContent()).toContain('Hög enligt SARA:SV');
    await page.screenshot({ path: screenshotPath('risk-3-reassessment-task'), fullPage: true });
  });
});
