import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/start';
import { wcagViolations } from '../helpers/accessibility';
import { browserAvailable, launchChromium, screenshotPath } from '../helpers/browser';
import { heading, pagePerUser, poll, startDemoServer, today } from '../helpers/demo-server';

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
    // Her start page says so too, until the agreement is reviewed.
    await coordinator.getByRole('link', { name: 'Start', exact: true }).click();
    await expect
      .poll(
        () =>
          coordinator.getByRole('region', { name: 'Samverkansavtal att se över' }).textContent(),
        poll,
      )
      .toContain(
        'Överenskommelse med kvinnojouren: Ska ses över 2026-01-31 – översynen är försenad',
      );

    const worker = await as('handlaggare');
    // Her start page lists what her role needs and she lacks, with the way to record it.
    const due = worker.getByRole('region', { name: 'Utbildningar som din roll behöver' });
    await expect
      .poll(() => due.textContent(), poll)
      .toContain('Webbkursen om våld (Nationellt centrum för kvinnofrid): saknas');
    await due.getByRole('link', { name: 'Registrera en utbildning du har gått' }).click();
    await expect.poll(() => heading(worker), poll).toBe('Kompetens');
    const record = worker.getByRole('form', { name: 'Registrera en genomförd utbildning' });
    await record
      .getByLabel('Utbildning')
      .selectOption({ label: 'Webbkursen om våld (Nationellt centrum för kvinnofrid)' });
    await record.getByLabel('Genomförd').fill(today());
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
    await worker.getByRole('link', { name: 'Start', exact: true }).click();
    await expect.poll(() => due.textContent(), poll).toContain('FREDA');
    expect(await due.textContent()).not.toContain('Webbkursen');

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

  it('puts a new routine before every employee until they have read it, and again at a new version', async () => {
    const todayText = today();
    const coordinator = await as('samordnare');
    await coordinator.getByRole('link', { name: 'Rutiner', exact: true }).click();
    await expect.poll(() => heading(coordinator), poll).toBe('Rutiner');
    const form = coordinator.getByRole('form', { name: 'Ny rutin eller ny version' });
    await form.getByLabel('Rutinens namn').fill('Fråga om våld enskilt');
    await form.getByLabel('Steget rutinen gäller').selectOption({ label: 'Rutinfrågor om våld' });
    await form
      .getByLabel('Vad rutinen säger')
      .fill('Ställ frågorna om våld när personen är ensam med dig. Är någon annan med, vänta.');
    await form.getByLabel('Fastställd av').fill('Socialnämnden 2026-03-12');
    await form.getByLabel('Gäller från').fill(todayText);
    await form.getByRole('button', { name: 'Spara rutinen' }).click();
    await expect.poll(() => coordinator.textContent('main'), poll).toContain('0 av');

    const worker = await as('handlaggare');
    const unread = worker.getByRole('region', { name: 'Rutiner att läsa' });
    await expect
      .poll(() => unread.textContent(), poll)
      .toContain('Fråga om våld enskilt (version 1)');
    expect(await wcagViolations(worker)).toEqual([]);
    await unread.getByRole('button', { name: 'Jag har läst Fråga om våld enskilt' }).click();
    await expect.poll(() => unread.count(), poll).toBe(0);

    await as('samordnare');
    await coordinator.getByRole('link', { name: 'Rutiner', exact: true }).click();
    await expect.poll(() => coordinator.textContent('main'), poll).toContain('1 av');
    await form
      .getByLabel('Rutin', { exact: true })
      .selectOption({ label: 'Ny version av Fråga om våld enskilt' });
    await form
      .getByLabel('Vad rutinen säger')
      .fill('Ställ frågorna när personen är ensam. Använd tolk, aldrig en anhörig.');
    await form.getByLabel('Fastställd av').fill('Socialnämnden 2026-11-20');
    await form.getByLabel('Gäller från').fill(todayText);
    await form.getByRole('button', { name: 'Spara rutinen' }).click();
    await expect.poll(() => coordinator.textContent('main'), poll).toContain('version 2');

    await as('handlaggare');
    await expect
      .poll(() => worker.getByRole('region', { name: 'Rutiner att läsa' }).textContent(), poll)
      .toContain('Fråga om våld enskilt (version 2)');
    await worker.screenshot({ path: screenshotPath('governance-2-routine'), fullPage: true });
  });

  it('opens a practice case from a scenario, marked as practice wherever it shows', async () => {
    const worker = await as('handlaggare');
    await worker.getByRole('link', { name: 'Öva', exact: true }).click();
    await expect.poll(() => heading(worker), poll).toBe('Öva');
    expect(await wcagViolations(worker)).toEqual([]);
    await worker
      .getByRole('button', { name: 'Starta övningen: Polisen har gjort en orosanmälan' })
      .click();
    await expect
      .poll(() => heading(worker), poll)
      .toBe('Övnings-Maja Exempeldotter – Våldsutsatt vuxen');
    expect(await worker.textContent('main')).toContain(
      'Övningsärende – personen är påhittad och ärendet räknas inte i någon statistik.',
    );
    expect(await wcagViolations(worker)).toEqual([]);
    await worker.screenshot({ path: screenshotPath('governance-3-practice'), fullPage: true });
    await worker.getByRole('link', { name: 'Ärenden', exact: true }).click();
    await expect
      .poll(() => worker.getByRole('row', { name: /Övnings-Maja/ }).textContent(), poll)
      .toContain('(övning)');
  });

  it('shows which steps a practice case has done, and ends the practice', async () => {
    const worker = await as('handlaggare');
    await worker.getByRole('link', { name: 'Öva', exact: true }).click();
    await worker
      .getByRole('button', { name: 'Starta övningen: En man som vill sluta slå' })
      .click();
    await expect.poll(() => heading(worker), poll).toBe('Övnings-Kim Exempelman – Våldsutövare');
    const children = worker.getByRole('form', { name: 'Finns det barn i hushållet?' });
    await children.getByRole('radio', { name: 'Nej' }).check();
    await children.getByRole('button', { name: 'Spara svaret' }).click();
    await expect.poll(() => worker.textContent('main'), poll).toContain('Barn i hushållet: Nej');

    // From the practice case straight to the feedback.
    await worker.getByRole('link', { name: 'Se vilka steg du har gjort i övningen' }).click();
    const feedback = worker.getByRole('list', {
      name: 'Hur det går i övningen med Övnings-Kim Exempelman',
    });
    await expect
      .poll(() => feedback.textContent(), poll)
      .toContain('Gjort: Fråga om barn och om den våldsutsattas säkerhet.');
    expect(await feedback.textContent()).toContain(
      'Inte gjort än: Erbjud utredning när det behövs för skydd.',
    );
    expect(await wcagViolations(worker)).toEqual([]);
    await worker.screenshot({ path: screenshotPath('governance-4-feedback'), fullPage: true });

    await worker
      .getByRole('button', { name: 'Avsluta övningen med Övnings-Kim Exempelman' })
      .click();
    await expect
      .poll(
        () =>
          worker
            .getByRole('region', { name: 'En man som vill sluta slå – Övnings-Kim Exempelman' })
            .textContent(),
        poll,
      )
      .toContain('Avslutad');
  });

  it('says a page could not be loaded, and the rest of Fristad still works', async () => {
    const worker = await as('handlaggare');
    // The agreements page's code is fetched when first opened; here the connection drops.
    await worker.route('**/assets/AgreementsPage-*.js', (route) => route.abort());
    await worker.getByRole('link', { name: 'Avtal', exact: true }).click();
    await expect
      .poll(() => worker.getByRole('alert').textContent(), poll)
      .toContain('Sidan kunde inte visas');
    expect(await worker.getByRole('button', { name: 'Ladda om sidan' }).count()).toBe(1);
    expect(await wcagViolations(worker)).toEqual([]);
    await worker.unroute('**/assets/AgreementsPage-*.js');
    await worker.getByRole('link', { name: 'Rutiner', exact: true }).click();
    await expect.poll(() => heading(worker), poll).toBe('Rutiner');
  });
});
