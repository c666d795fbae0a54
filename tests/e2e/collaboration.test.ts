import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/start';
import { wcagViolations } from '../helpers/accessibility';
import { browserAvailable, launchChromium, screenshotPath } from '../helpers/browser';
import {
  heading,
  openCaseTab,
  pagePerUser,
  poll,
  registerAndScreen,
  startDemoServer,
} from '../helpers/demo-server';

// A fictitious number from Skatteverket's test series (the personnummer libraries' test set).
const veraNumber = '19821105-9954';
const said = 'Han sa i dag att han vet var hon bor nu och att han ska åka dit på lördag.';

/**
 * Collaboration under secrecy, first part: the perpetrator's worker passes on a concern on a
 * permitted path and the victim's worker is told; the team leader reviews who touched the
 * protected victim's data and signs the review.
 */
describe.runIf(browserAvailable)('concern for a victim behind internal secrecy', () => {
  let server: RunningServer;
  let browser: Browser;
  const switchTo = pagePerUser();
  const as = (username: string) => switchTo(browser, server, username);

  beforeAll(async () => {
    server = await startDemoServer('collaboration');
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('passes a concern from the perpetrator’s worker to the victim’s worker, and the log review shows it', async () => {
    // The victim, with protected registration, gets a case in the VINR team.
    const victims = await as('handlaggare');
    await registerAndScreen(
      victims,
      {
        givenName: 'Vera',
        familyName: 'Övningsdotter',
        number: veraNumber,
        protection: 'Skyddad folkbokföring',
      },
      { exposure: 'Ja', perpetration: 'Nej' },
    );
    await victims.getByRole('button', { name: 'Öppna ärende i min enhet' }).click();
    await expect.poll(() => heading(victims), poll).toBe('Vera Övningsdotter – Våldsutsatt vuxen');

    // The man who used violence is a client of the open-care team, another secrecy area.
    const his = await as('utovare');
    await registerAndScreen(
      his,
      { givenName: 'Ulrik', familyName: 'Övningsson', number: null },
      { exposure: 'Nej', perpetration: 'Ja' },
    );
    await his.getByRole('button', { name: 'Öppna ärende för våldsutövaren i min enhet' }).click();
    await expect.poll(() => heading(his), poll).toBe('Ulrik Övningsson – Våldsutövare');

    await openCaseTab(his, 'Samverkan');
    const concern = his.getByRole('region', { name: 'Oro för den våldsutsatta' });
    await concern.getByLabel('Den våldsutsattas personnummer').fill(veraNumber);
    await concern.getByRole('button', { name: 'Be om länkning' }).click();
    // The same answer whether or not she has a case: her own team decides.
    await expect.poll(() => concern.textContent(), poll).toContain('Förfrågan är registrerad');
    expect(await concern.textContent()).not.toContain('Vera');
    expect(await concern.textContent()).toContain('inte länkat');

    // Her worker sees which unit asks, on her case, and accepts the link.
    await victims.reload();
    await openCaseTab(victims, 'Samverkan');
    const requests = victims.getByRole('region', { name: 'Förfrågningar om länkning' });
    await expect.poll(() => requests.textContent(), poll).toContain('Väntar på svar');
    await requests.getByRole('button', { name: 'Godta länkningen' }).click();
    await expect.poll(() => requests.textContent(), poll).toContain('Godtagen');
    expect(await wcagViolations(victims)).toEqual([]);
    await his.reload();
    await expect
      .poll(() => his.getByRole('region', { name: 'Oro för den våldsutsatta' }).textContent(), poll)
      .toContain('länkat till 1 ärende');

    await concern.getByLabel('Vad sades?').fill(said);
    // Inside another secrecy area and without his consent, only two paths are open.
    expect(await concern.getByLabel(/Inom samma sekretessområde/).isDisabled()).toBe(true);
    expect(await concern.getByLabel(/Klientens samtycke/).isDisabled()).toBe(true);
    await concern.getByLabel(/Menprövning/).check();
    await concern
      .getByLabel('Din bedömning')
      .fill('Hotet är konkret och gäller i helgen; hon behöver veta för att kunna skydda sig.');
    await concern.getByRole('button', { name: 'För vidare' }).click();
    await expect
      .poll(() => his.getByRole('status').last().textContent(), poll)
      .toContain('Oron är förd vidare');
    expect(await wcagViolations(his)).toEqual([]);
    await his.screenshot({ path: screenshotPath('collab-1-concern-passed-on'), fullPage: true });

    // The victim's worker finds the words as a task due today on her start page.
    await victims.getByRole('link', { name: 'Start' }).click();
    const tasks = victims.getByRole('region', { name: 'Mina uppgifter' });
    await expect
      .poll(() => tasks.textContent(), poll)
      .toContain('Oro för den våldsutsattas säkerhet');
    expect(await tasks.textContent()).toContain(said);
    await victims.screenshot({
      path: screenshotPath('collab-2-victims-worker-told'),
      fullPage: true,
    });

    // The team leader reviews accesses to protected persons: the number stays masked.
    const leader = await as('teamledare');
    await leader.getByRole('link', { name: 'Logguppföljning' }).click();
    await expect.poll(() => heading(leader), poll).toBe('Logguppföljning');
    await leader.getByLabel('Åtkomst till personer med skyddade personuppgifter').check();
    await leader.getByRole('button', { name: 'Visa rapport' }).click();
    const report = leader.getByRole('table', { name: /Rapport/ });
    await expect.poll(() => report.textContent(), poll).toContain('Ulf Öppenvård (övning)');
    const text = (await report.textContent()) ?? '';
    expect(text).toContain('Hanna Handläggare (övning)');
    expect(text).toContain('Förd oro från våldsutövarens ärende');
    expect(text).toContain('19821105-XXXX');
    expect(text).not.toContain(veraNumber);
    await leader
      .getByLabel('Vad har du granskat och vad hittade du?')
      .fill(
        'Åtkomsten till Vera Övningsdotter är ärendets handläggare och en förd oro. Inga avvikelser.',
      );
    await leader.getByRole('button', { name: 'Signera', exact: true }).click();
    await expect
      .poll(() => leader.getByRole('status').last().textContent(), poll)
      .toContain('Granskningen är signerad');
    await expect
      .poll(
        () => leader.getByRole('region', { name: 'Signerade granskningar' }).textContent(),
        poll,
      )
      .toContain('Tove Teamledare (övning)');
    expect(await wcagViolations(leader)).toEqual([]);
    await leader.screenshot({ path: screenshotPath('collab-3-log-review-signed'), fullPage: true });
  });

  it('the police hand a case to social services, who acknowledge it; the police see it acknowledged and tell when the investigation is dropped', async () => {
    const polis = await as('polis');
    await registerAndScreen(
      polis,
      { givenName: 'Petra', familyName: 'Övningsdotter', number: null },
      { exposure: 'Ja', perpetration: 'Nej' },
    );
    await polis.getByRole('button', { name: 'Öppna ärende i min enhet' }).click();
    await expect.poll(() => heading(polis), poll).toBe('Petra Övningsdotter – Våldsutsatt vuxen');
    const caseUrl = polis.url();
    await openCaseTab(polis, 'Samverkan');

    const handOver = polis.getByRole('form', { name: 'Lämna över till en annan organisation' });
    await handOver
      .getByLabel('Mottagare', { exact: true })
      .selectOption({ label: 'Övningsby kommun – Vuxenenheten – VINR-teamet' });
    await handOver
      .getByLabel('Vad har hänt, och vad behöver mottagaren göra?')
      .fill('Anmälan om misshandel i hemmet i natt. Hon vill ha stöd och är rädd för att åka hem.');
    await handOver.getByLabel('Ärendets historik').check();
    await handOver.getByRole('button', { name: 'Visa vilka lagrum som kan gälla' }).click();
    await handOver.getByLabel(/Nödvändigt för vårt eget arbete/).check();
    await handOver
      .getByLabel('Din bedömning')
      .fill('Socialtjänsten behöver veta i dag för att kunna erbjuda henne skydd i kväll.');
    await handOver.getByRole('button', { name: 'Skicka överlämningen' }).click();
    await expect
      .poll(() => polis.getByRole('status').last().textContent(), poll)
      .toContain('Överlämningen är skickad');

    // The VINR worker finds it on her start page and acknowledges it: a case on the intake list.
    const social = await as('vinr2');
    const inbox = social.getByRole('region', { name: 'Överlämningar' });
    await expect.poll(() => inbox.textContent(), poll).toContain('Från Polisregion Övning');
    await inbox.getByRole('link', { name: /Petra Övningsdotter/ }).click();
    await expect.poll(() => heading(social), poll).toBe('Överlämning – Petra Övningsdotter');
    expect(
      await social.getByRole('region', { name: 'Det som lämnats över' }).textContent(),
    ).toContain('rädd för att åka hem');
    expect(await wcagViolations(social)).toEqual([]);
    await social.screenshot({
      path: screenshotPath('collab-4-hand-over-received'),
      fullPage: true,
    });
    await social.getByRole('button', { name: 'Kvittera och öppna ärende' }).click();
    await expect.poll(() => heading(social), poll).toBe('Petra Övningsdotter – Våldsutsatt vuxen');
    expect(await social.getByTestId('stage').textContent()).toBe('Aktualisering');

    // The police see who acknowledged, and tell social services that the investigation was dropped.
    await polis.goto(`${caseUrl}/samverkan`);
    const theirs = polis.getByRole('region', { name: 'Överlämningar till andra organisationer' });
    await expect.poll(() => theirs.textContent(), poll).toContain('Kvitterad av Vilma');
    await theirs.getByRole('link', { name: /Till Vuxenenheten/ }).click();
    await polis
      .getByLabel('Slags meddelande')
      .selectOption({ label: 'Förundersökningen är nedlagd' });
    await polis
      .getByLabel('Meddelande', { exact: true })
      .fill('Förundersökningen lades ned i dag.');
    await polis.getByRole('button', { name: 'Skicka meddelandet' }).click();
    await expect
      .poll(() => polis.getByRole('region', { name: 'Meddelanden' }).textContent(), poll)
      .toContain('Förundersökningen lades ned i dag.');
    expect(await wcagViolations(polis)).toEqual([]);
    await polis.screenshot({
      path: screenshotPath('collab-5-police-see-acknowledged'),
      fullPage: true,
    });
  });

  it('brings a case to a collaboration meeting by pseudonym, with an action plan the police can see', async () => {
    const chair = await as('handlaggare');
    await registerAndScreen(
      chair,
      { givenName: 'Maja', familyName: 'Övningsdotter', number: null },
      { exposure: 'Ja', perpetration: 'Nej' },
    );
    await chair.getByRole('button', { name: 'Öppna ärende i min enhet' }).click();
    await expect.poll(() => heading(chair), poll).toBe('Maja Övningsdotter – Våldsutsatt vuxen');

    await chair.getByRole('link', { name: 'Samverkansmöten' }).click();
    const create = chair.getByRole('form', { name: 'Kalla till ett möte' });
    await create.getByLabel('Mötets namn').fill('Samverkansmöte november');
    await create.getByLabel('Polisregion Övning').check();
    await create.getByRole('button', { name: 'Skapa mötet' }).click();
    await expect.poll(() => heading(chair), poll).toContain('Samverkansmöte november');

    const bring = chair.getByRole('form', { name: 'Ta upp ett ärende' });
    await bring
      .getByLabel('Ärende', { exact: true })
      .selectOption({ label: 'Maja Övningsdotter – Våldsutsatt vuxen' });
    await bring.getByLabel('Hög risk').check();
    await bring
      .getByLabel('Varför tas ärendet upp?')
      .fill('Tre incidenter på två månader, senast strypgrepp i helgen.');
    await bring.getByRole('button', { name: 'Ta upp ärendet' }).click();
    const action = chair.getByRole('form', { name: 'Lägg till åtgärd för Ärende 1' });
    await action.getByLabel('Ansvarig organisation').fill('Polisen, BOPS');
    await action.getByLabel('Vad ska göras').fill('Erbjud trygghetslarm');
    await action.getByRole('button', { name: 'Lägg till åtgärd' }).click();
    await expect
      .poll(() => chair.getByRole('table', { name: 'Åtgärder för Ärende 1' }).textContent(), poll)
      .toContain('Erbjud trygghetslarm');

    // The police take part: the case is "Ärende 1" to them, never Maja.
    const polis = await as('polis');
    await polis.getByRole('link', { name: 'Samverkansmöten' }).click();
    await polis.getByRole('link', { name: /Samverkansmöte november/ }).click();
    const item = polis.getByRole('region', { name: /Ärende 1/ });
    await expect.poll(() => item.textContent(), poll).toContain('Erbjud trygghetslarm');
    expect(await polis.locator('main').textContent()).not.toContain('Maja');
    await item.getByLabel('Vad vet er organisation?').fill('Kontaktförbud beviljat i oktober.');
    await item.getByRole('button', { name: 'Spara' }).click();
    await expect.poll(() => item.textContent(), poll).toContain('Kontaktförbud beviljat');
    expect(await wcagViolations(polis)).toEqual([]);
    await polis.screenshot({
      path: screenshotPath('collab-6-meeting-pseudonymised'),
      fullPage: true,
    });
  });
});
