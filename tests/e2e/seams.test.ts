import { sql } from 'kysely';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskedText } from '../../src/domain/identity/protected-identity';
import type { RunningServer } from '../../src/server/start';
import { wcagViolations } from '../helpers/accessibility';
import { browserAvailable, launchChromium, screenshotPath } from '../helpers/browser';
import {
  heading,
  openCaseTab,
  openCaseThroughIntake,
  pagePerUser,
  poll,
  startDemoServer,
} from '../helpers/demo-server';

const secretAddress = 'Gömda gränd 4, Övningsås';

/**
 * The seams of issue 17, walked as the workers would: the protected address entered on screen and
 * shown only to the role allowed to see it (for a stated reason), and a consent chosen from the
 * recipient picker that lets a hand-over to another municipality go through — the hand-over used
 * to fail unless the recipient had been typed "Organisation, Unit".
 */
describe.runIf(browserAvailable)('one person, one protection, no side doors', () => {
  let server: RunningServer;
  let browser: Browser;
  const switchTo = pagePerUser();
  const as = (username: string) => switchTo(browser, server, username);

  beforeAll(async () => {
    server = await startDemoServer('seams');
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const auditEventCount = async () => {
    const row = await server.handle.db
      .selectFrom('auditEvents')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .executeTakeFirstOrThrow();
    return { count: Number(row.count) };
  };

  it('keeps the protected address entered on screen from all but the team leader, who sees it for a reason', async () => {
    const worker = await as('handlaggare');
    const caseUrl = await openCaseThroughIntake(worker, 'Sigrid', 'Skyddsdotter');
    await openCaseTab(worker, 'Personen');
    const person = worker.getByRole('region', { name: 'Skydd, adress och säker kontakt' });
    await person.getByRole('button', { name: 'Ändra skydd, adress och säker kontakt' }).click();
    await person
      .getByLabel('Skyddade personuppgifter')
      .selectOption({ label: 'Skyddad folkbokföring' });
    await person.getByLabel('Ny adress').fill(secretAddress);
    await person.getByLabel('Sms').check();
    await person.getByLabel('Kontakta inte / berätta inte för').fill('Före detta sambon');
    await person.getByRole('button', { name: 'Spara' }).click();
    await expect
      .poll(() => person.getByTestId('person-address').textContent(), poll)
      .toBe(maskedText);
    expect(await worker.content()).not.toContain(secretAddress);
    expect(await person.textContent()).toContain('Före detta sambon');
    expect(await person.textContent()).toContain('Adressen är skyddad');
    expect(await wcagViolations(worker)).toEqual([]);

    const leader = await as('teamledare');
    await leader.goto(`${caseUrl}/person`);
    const shown = leader.getByRole('region', { name: 'Skydd, adress och säker kontakt' });
    await expect
      .poll(() => shown.getByTestId('person-address').textContent(), poll)
      .toBe(maskedText);
    await shown
      .getByLabel('Varför behöver du se adressen nu?')
      .fill('Kallelse till möte om skyddsplanen måste skickas rätt.');
    await shown.getByRole('button', { name: 'Visa adressen' }).click();
    await expect
      .poll(() => shown.getByTestId('person-address').textContent(), poll)
      .toBe(secretAddress);
    expect(await wcagViolations(leader)).toEqual([]);
    await leader.screenshot({ path: screenshotPath('seams-1-address-shown'), fullPage: true });

    // Income support, in another secrecy area, does not reach the case at all.
    const other = await as('forsorjning');
    await other.goto(caseUrl);
    await expect.poll(() => other.content(), poll).not.toContain('Sigrid');
    expect(await other.content()).not.toContain(secretAddress);
  });

  it('opens a case as a workspace: the case in one request and one audit event, each tab when it is opened', async () => {
    const worker = await as('handlaggare');
    const caseUrl = await openCaseThroughIntake(worker, 'Ulla', 'Uppslagsdotter');
    const caseId = new URL(caseUrl).pathname.split('/')[2]!;
    // The intake's own reads of the case are done; a new tab, so none of them is counted.
    await expect.poll(() => worker.getByRole('region', { name: 'Just nu' }).count(), poll).toBe(1);
    await worker.waitForTimeout(500);
    const opening = await worker.context().newPage();
    const asked: string[] = [];
    opening.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (path.startsWith('/api/')) asked.push(`${request.method()} ${path}`);
    });
    const caseReads = () =>
      server.handle.db
        .selectFrom('auditEvents')
        .select(['type', 'details'])
        .where('type', 'like', 'case.%')
        .where(sql<boolean>`details->>'caseId' = ${caseId}`)
        .execute();
    const eventsBefore = (await auditEventCount()).count;

    // A full load of the case's address: the session, the case with its overview, the routines
    // for its stage. Nothing of the tabs is read until they are opened.
    await opening.goto(caseUrl);
    await expect.poll(() => heading(opening), poll).toBe('Ulla Uppslagsdotter – Våldsutsatt vuxen');
    await expect
      .poll(() => opening.getByRole('region', { name: 'Just nu' }).textContent(), poll)
      .toContain('Ingen signerad riskbedömning ännu');
    await opening.waitForLoadState('networkidle');
    expect(asked).toContain(`GET /api/cases/${caseId}`);
    expect(asked.length, asked.join('\n')).toBeLessThanOrEqual(3);
    const opened = (await auditEventCount()).count - eventsBefore;
    expect(opened).toBe(1);
    const read = (await caseReads()).at(-1)!;
    expect(read.type).toBe('case.read');
    expect(read.details.categories).toBe('caseHistory,riskAssessments,safetyPlan');

    // A further tab reads its own records then, and the lookups its sections share once.
    asked.length = 0;
    await openCaseTab(opening, 'Samverkan');
    await expect
      .poll(() => opening.getByRole('region', { name: 'Samtycken och nej' }).textContent(), poll)
      .toContain('Registrera samtycke eller nej');
    await opening.waitForTimeout(500);
    const times = (path: string) => asked.filter((entry) => entry === `GET ${path}`).length;
    expect(times(`/api/cases/${caseId}`)).toBe(0);
    expect(times('/api/units')).toBeLessThanOrEqual(1);
    expect(times('/api/recipient-directory')).toBeLessThanOrEqual(1);
    expect(opening.url()).toBe(`${caseUrl}/samverkan`);
    expect(await wcagViolations(opening)).toEqual([]);
    await opening.close();
  });

  it('lets a hand-over to another municipality go through on a consent chosen from the picker', async () => {
    const worker = await as('handlaggare');
    await openCaseThroughIntake(worker, 'Flytta', 'Vidaredotter');
    await openCaseTab(worker, 'Samverkan');
    const consents = worker.getByRole('region', { name: 'Samtycken och nej' });
    await consents.getByRole('button', { name: 'Registrera samtycke eller nej' }).click();
    const consent = consents.getByRole('form', { name: 'Registrera samtycke eller nej' });
    await consent.getByLabel('Vad gäller det (syfte)?').fill('Ärendet följer med vid flytten');
    await consent
      .getByLabel('Mottagare', { exact: true })
      .selectOption({ label: 'Övningsås kommun – Socialtjänsten – vuxen' });
    await consent.getByLabel('Ärendets historik').check();
    await consent.getByRole('button', { name: 'Spara' }).click();
    await expect.poll(() => consents.textContent(), poll).toContain('gäller nu');

    const handOver = worker.getByRole('form', { name: 'Lämna över till en annan organisation' });
    await handOver
      .getByLabel('Mottagare', { exact: true })
      .selectOption({ label: 'Övningsås kommun – Socialtjänsten – vuxen' });
    await handOver
      .getByLabel('Vad har hänt, och vad behöver mottagaren göra?')
      .fill('Hon flyttar till Övningsås på fredag och vill att stödet fortsätter där.');
    await handOver.getByLabel('Ärendets historik').check();
    await handOver.getByRole('button', { name: 'Visa vilka lagrum som kan gälla' }).click();
    await handOver.getByLabel('Samtycke', { exact: true }).check();
    await handOver.getByRole('button', { name: 'Skicka överlämningen' }).click();
    await expect
      .poll(() => worker.getByRole('status').last().textContent(), poll)
      .toContain('Överlämningen är skickad');
    expect(await heading(worker)).toContain('Vidaredotter');

    // The same picker names the recipient of a disclosure: the police unit, by its id.
    const disclosure = worker.getByRole('form', { name: 'Lämna ut uppgifter' });
    await disclosure
      .getByLabel('Mottagare', { exact: true })
      .selectOption({ label: 'Polisregion Övning – Brottsoffer- och personsäkerhet (BOPS)' });
    await disclosure.getByLabel('Riskbedömningar').check();
    await disclosure.getByRole('button', { name: 'Visa vilka lagrum som kan gälla' }).click();
    await expect
      .poll(() => disclosure.getByLabel(/Förhindra våld mot en närstående/).count(), poll)
      .toBeGreaterThan(0);
    expect(await wcagViolations(worker)).toEqual([]);
    await worker.screenshot({ path: screenshotPath('seams-2-moved-on-consent'), fullPage: true });
  });
  it('merges a person registered twice into one record on screen, and can undo it', async () => {
    const worker = await as('handlaggare');
    const firstCase = await openCaseThroughIntake(worker, 'Tova', 'Tvåpostdotter');
    // Registered again without a number: intake warns, the worker goes on anyway.
    await worker.getByRole('link', { name: 'Ny kontakt' }).click();
    await worker.getByLabel('Förnamn').fill('Tova');
    await worker.getByLabel('Efternamn').fill('Tvåpostdotter');
    await worker.getByLabel('Typ av nummer').selectOption({ label: 'Inget nummer' });
    await worker.getByRole('button', { name: 'Registrera och gå vidare' }).click();
    await worker.getByRole('button', { name: 'Nej, det är en annan person – registrera' }).click();
    await worker
      .getByRole('group', { name: /blivit utsatt/ })
      .getByLabel('Ja')
      .check();
    await worker.getByRole('button', { name: 'Spara svaren' }).click();
    await worker.getByRole('button', { name: 'Öppna ärende i min enhet' }).click();
    await expect.poll(() => heading(worker), poll).toBe('Tova Tvåpostdotter – Våldsutsatt vuxen');
    expect(worker.url()).not.toBe(firstCase);

    await worker.goto(`${firstCase}/person`);
    const duplicates = worker.getByRole('region', {
      name: 'Samma person registrerad flera gånger',
    });
    await expect.poll(() => duplicates.textContent(), poll).toContain('Tova Tvåpostdotter');
    await duplicates.getByRole('button', { name: 'Slå ihop med den här posten' }).click();
    await duplicates
      .getByLabel('Hur vet du att det är samma person?')
      .fill('Samma kvinna, hon registrerades två gånger i mottagningen samma dag.');
    expect(await wcagViolations(worker)).toEqual([]);
    await duplicates.getByRole('button', { name: 'Slå ihop', exact: true }).click();
    await expect.poll(() => duplicates.textContent(), poll).toContain('Sammanslagen');
    await expect
      .poll(() => duplicates.getByRole('button', { name: 'Slå ihop med den här posten' }).count())
      .toBe(0);
    await worker.screenshot({ path: screenshotPath('seams-3-merged'), fullPage: true });

    await duplicates.getByRole('button', { name: 'Ångra sammanslagningen' }).click();
    await expect.poll(() => duplicates.textContent(), poll).toContain('ångrad');
    await expect
      .poll(() => duplicates.getByRole('button', { name: 'Slå ihop med den här posten' }).count())
      .toBe(1);
  });
  it('makes a SIP with partners chosen from the same picker as the consent that covers them', async () => {
    const worker = await as('handlaggare');
    await openCaseThroughIntake(worker, 'Sippa', 'Samordnadotter');
    await openCaseTab(worker, 'Samverkan');
    const consents = worker.getByRole('region', { name: 'Samtycken och nej' });
    for (const recipient of [
      'Polisregion Övning – Brottsoffer- och personsäkerhet (BOPS)',
      'Övningsås kommun – Socialtjänsten – vuxen',
    ]) {
      await consents.getByRole('button', { name: 'Registrera samtycke eller nej' }).click();
      const consent = consents.getByRole('form', { name: 'Registrera samtycke eller nej' });
      await consent.getByLabel('Vad gäller det (syfte)?').fill('Samordnad individuell plan');
      await consent.getByLabel('Mottagare', { exact: true }).selectOption({ label: recipient });
      await consent.getByLabel('Ärendets historik').check();
      await consent.getByRole('button', { name: 'Spara' }).click();
      await expect.poll(() => consents.textContent(), poll).toContain(recipient);
    }

    const sip = worker.getByRole('region', { name: 'SIP – samordnad individuell plan' });
    await sip.getByRole('button', { name: 'Gör en SIP' }).click();
    await sip
      .getByLabel('Verksamhet 1', { exact: true })
      .selectOption({ label: 'Övningsås kommun – Socialtjänsten – vuxen' });
    await sip
      .getByLabel('Verksamhet 2', { exact: true })
      .selectOption({ label: 'Polisregion Övning – Brottsoffer- och personsäkerhet (BOPS)' });
    await sip.getByLabel('Samordnare').selectOption({ label: 'Verksamhet 1' });
    await sip.getByLabel('Mål').fill('Att hon kan bo kvar tryggt i Övningsås efter flytten.');
    await sip.getByLabel('Uppföljning').fill('2027-01-15');
    expect(await wcagViolations(worker)).toEqual([]);
    await sip.getByRole('button', { name: 'Spara planen' }).click();
    await expect
      .poll(() => sip.textContent(), poll)
      .toContain(
        'Övningsås kommun – Socialtjänsten – vuxen, Polisregion Övning – Brottsoffer- och personsäkerhet (BOPS)',
      );
    // Opened again, the form shows the partners chosen before.
    await sip.getByRole('button', { name: 'Ändra SIP' }).click();
    await expect
      .poll(() => sip.getByLabel('Verksamhet 2', { exact: true }).inputValue(), poll)
      .toMatch(/^directory:/);
  });
  it('lets a worker change her own password under Mitt konto, and says what is wrong', async () => {
    const worker = await as('vinr2');
    await worker.getByRole('link', { name: 'Mitt konto' }).click();
    const section = worker.getByRole('region', { name: 'Ditt lösenord' });
    await section.getByLabel('Nuvarande lösenord').fill('inte-mitt-lösenord');
    await section.getByLabel('Nytt lösenord').fill('Sommar2025!');
    await section.getByRole('button', { name: 'Byt lösenord' }).click();
    await expect
      .poll(() => section.textContent(), poll)
      .toContain('Det nuvarande lösenordet stämmer inte');
    const demo = server.credentials.find((credential) => credential.username === 'vinr2')!;
    await section.getByLabel('Nuvarande lösenord').fill(demo.password);
    await section.getByLabel('Nytt lösenord').fill('Sommar2025!');
    await section.getByRole('button', { name: 'Byt lösenord' }).click();
    await expect.poll(() => section.textContent(), poll).toContain('läckta lösenord');
    await section.getByLabel('Nuvarande lösenord').fill(demo.password);
    await section.getByLabel('Nytt lösenord').fill('fyra blå kaniner på taket');
    await section.getByRole('button', { name: 'Byt lösenord' }).click();
    await expect.poll(() => section.textContent(), poll).toContain('Lösenordet är bytt');
    expect(await wcagViolations(worker)).toEqual([]);
  });
});
