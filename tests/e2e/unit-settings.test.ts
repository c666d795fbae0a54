import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/start';
import { wcagViolations } from '../helpers/accessibility';
import { browserAvailable, launchChromium, screenshotPath } from '../helpers/browser';
import { heading, poll, signInAs, startDemoServer } from '../helpers/demo-server';

/**
 * An administrator decides that barn och unga does not ask the routine questions at intake;
 * a worker there may then go on without them, while every other unit still asks.
 */
describe.runIf(browserAvailable)('routine screening set per unit', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startDemoServer('units');
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('is turned off for one unit by the administrator and becomes optional there', async () => {
    const admin = await signInAs(browser, server, 'forvaltare');
    await admin.getByRole('link', { name: 'Inställningar' }).click();
    await expect.poll(() => heading(admin), poll).toBe('Inställningar');
    const childUnit = admin.getByRole('checkbox', {
      name: 'Frågar om våld rutinmässigt Barn och unga',
    });
    expect(await childUnit.isChecked()).toBe(true);
    await childUnit.uncheck();
    await expect
      .poll(() => admin.getByRole('status').first().textContent(), poll)
      .toContain('Sparat: Barn och unga');
    expect(await wcagViolations(admin)).toEqual([]);
    await admin.screenshot({ path: screenshotPath('units-screening-setting'), fullPage: true });

    const worker = await signInAs(browser, server, 'bou');
    await worker.getByRole('link', { name: 'Ny kontakt' }).click();
    await worker.getByLabel('Förnamn').fill('Pelle');
    await worker.getByLabel('Efternamn').fill('Övningsson');
    await worker.getByLabel('Typ av nummer').selectOption({ label: 'Inget nummer' });
    await worker.getByRole('button', { name: 'Registrera och gå vidare' }).click();
    await expect
      .poll(() => worker.getByRole('main').textContent(), poll)
      .toContain('ställer inte frågorna om våld rutinmässigt');
    await worker.getByRole('button', { name: 'Fortsätt utan frågorna' }).click();
    await expect.poll(() => heading(worker), poll).toBe('Pelle Övningsson är registrerad');

    const income = await signInAs(browser, server, 'forsorjning');
    await income.getByRole('link', { name: 'Ny kontakt' }).click();
    await income.getByLabel('Förnamn').fill('Stina');
    await income.getByLabel('Efternamn').fill('Övningsson');
    await income.getByLabel('Typ av nummer').selectOption({ label: 'Inget nummer' });
    await income.getByRole('button', { name: 'Registrera och gå vidare' }).click();
    await expect.poll(() => heading(income), poll).toBe('Frågor om våld – Stina Övningsson');
    expect(await income.getByRole('button', { name: 'Fortsätt utan frågorna' }).count()).toBe(0);
  });
});
