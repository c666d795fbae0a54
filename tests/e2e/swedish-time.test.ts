import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/start';
import { browserAvailable, launchChromium } from '../helpers/browser';
import {
  heading,
  openCaseTab,
  openCaseThroughIntake,
  poll,
  signInAs,
  startDemoServer,
} from '../helpers/demo-server';

// 23:30 UTC on 6 December: in Stockholm it is already 00:30 on 7 December.
const lateEvening = new Date('2026-12-06T23:30:00Z');

/**
 * Days are Swedish days on the server. The browser here runs in UTC, as a computer set to another
 * zone would: its date fields must still offer the Swedish date, or the server finds the
 * default "yesterday" and refuses it (the CI failure that came of it ran between 23:00 and 24:00).
 */
describe.runIf(browserAvailable)('just after midnight in Sweden, on a computer in UTC', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    const started = Date.now();
    server = await startDemoServer(
      'swedish-time',
      () => new Date(lateEvening.getTime() + (Date.now() - started)),
    );
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('offers the Swedish date in a place request, and the request is sent', async () => {
    const worker = await signInAs(browser, server, 'handlaggare', lateEvening, lateEvening);
    expect(await worker.evaluate(() => new Date().toISOString())).toBe(lateEvening.toISOString());
    await openCaseThroughIntake(worker, 'Mira', 'Midnattsson');
    await openCaseTab(worker, 'Skyddat boende');
    const placement = worker.getByRole('region', { name: 'Skyddat boende' });
    await placement.getByRole('link', { name: 'Sök plats i länets katalog' }).click();
    await expect.poll(() => heading(worker), poll).toBe('Skyddat boende i länet');
    await worker
      .getByRole('form', { name: 'Sök plats' })
      .getByRole('button', { name: 'Sök' })
      .click();
    const unit = worker.getByRole('article', { name: /Skyddat boende Övningsås/ });
    await unit
      .getByRole('button', { name: 'Fråga efter plats på Skyddat boende Övningsås' })
      .click();
    const ask = unit.getByRole('form', { name: 'Förfrågan om plats' });
    expect(await ask.getByLabel('Från och med').inputValue()).toBe('2026-12-07');
    await ask.getByRole('button', { name: 'Skicka förfrågan' }).click();
    await expect
      .poll(() => worker.getByRole('status').first().textContent(), poll)
      .toContain('Förfrågan är skickad till Skyddat boende Övningsås');
  });
});
