import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/start';
import { wcagViolations } from '../helpers/accessibility';
import { browserAvailable, launchChromium, screenshotPath } from '../helpers/browser';
import { heading, pagePerUser, poll, startDemoServer } from '../helpers/demo-server';

/**
 * Issue 8's registers: the coordinator keeps an agreement whose review is overdue, a case
 * worker records the web course, and the coordinator sees the unit's coverage.
 */
describe.runIf(browserAvailable)('the agreement and competence registers', () => {
  let server: RunningServer;
  let browser: Browser;
  const switchTo = pagePerUser();
  const as = (username: string) => switchTo(browser, server, username);

  beforeAll(async () => {
    server = await startDemoServer('governance');
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows an overdue agreement first and each unit’s training coverage', async () => {
    const coordinator = await as('samordnare');
    await coordinator.getByRole('link', { name: 'Avtal' }).click();
    await expect.poll(() => heading(coordinator), poll).toBe('Samverkansavtal');
    const form = coordinator.getByRole('form', { name: 'Nytt avtal' });
    await form.getByLabel('Avtalets namn').fill('Överenskommelse med kvinnojouren');
    await form.getByLabel('Parter (en per rad)').fill('Kvinnojouren Övningsby');
    await form.getByLabel('Ska ses över').fill('2026-01-31');
    await form.getByLabel('Används i praktiken').selectOption({ label: 'Delvis' });
    await form.getByRole('button', { name: 'Spara avtalet' }).click();
    const row = coordinator.getByRole('row', { name: /Överenskommelse med kvinnojouren/ });
    await expect.poll(() => row.textContent(), poll).toContain('översynen är försenad');
    expect(await wcagViolations(coordinator)).toEqual([]);

    const worker = await as('handlaggare');
    await worker.getByRole('link', { name: 'Kompetens' }).click();
    await expect.poll(() => heading(worker), poll).toBe('Kompetens');
    const record = worker.getByRole('form', { name: 'Registrera en genomförd utbildning' });
    await record
      .getByLabel('Utbildning')
      .selectOption({ label: 'Webbkursen om våld (Nationellt centrum för kvinnofrid)' });
    await record.getByLabel('Genomförd').fill(new Date().toLocaleDateString('sv-SE'));
    await record.getByRole('button', { name: 'Spara utbildningen' }).click();
    await expect
      .poll(
        () => worker.getByRole('list').filter({ hasText: 'Webbkursen' }).first().textContent(),
        poll,
      )
      .toMatch(
        /Webbkursen om våld \(Nationellt centrum för kvinnofrid\): gäller \(till \d{4}-\d{2}-\d{2}\) – krävs för din roll/,
      );
    expect(await wcagViolations(worker)).toEqual([]);

    await coordinator.getByRole('link', { name: 'Kompetens' }).click();
    const unit = coordinator.getByRole('region', { name: 'Vuxenenheten – VINR-teamet' });
    await expect
      .poll(() => unit.textContent(), poll)
      .toMatch(/Webbkursen om våld \(Nationellt centrum för kvinnofrid\): 1 av \d/);
    expect(await unit.getByRole('row', { name: /Handläggare|Hanna/ }).count()).toBeGreaterThan(0);
    expect(await wcagViolations(coordinator)).toEqual([]);
    await coordinator.screenshot({
      path: screenshotPath('governance-1-competence'),
      fullPage: true,
    });
  });
});
