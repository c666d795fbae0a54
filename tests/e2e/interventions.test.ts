import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/start';
import { wcagViolations } from '../helpers/accessibility';
import { browserAvailable, launchChromium, screenshotPath } from '../helpers/browser';
import {
  heading,
  openCaseTab,
  openCaseThroughIntake,
  pagePerUser,
  poll,
  registerAndScreen,
  startDemoServer,
  today,
} from '../helpers/demo-server';

/**
 * Issue 7's walks: a man who uses violence reaches the end of råd och service, his contact
 * becomes an investigation and he is referred to ATV with his consent; a woman and her son are
 * placed in another municipality's protected housing found through the county's directory, the
 * son's schooling is recorded, and she moves to a home of her own.
 */
describe.runIf(browserAvailable)(
  'interventions, the perpetrator pathway and protected housing',
  () => {
    let server: RunningServer;
    let browser: Browser;
    const switchTo = pagePerUser();
    const as = (username: string) => switchTo(browser, server, username);

    beforeAll(async () => {
      server = await startDemoServer('interventions');
      browser = await launchChromium();
    }, 120_000);
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    it('counts råd och service to the cap, turns it into an investigation and refers him to ATV with consent', async () => {
      const worker = await as('utovare');
      await registerAndScreen(
        worker,
        { givenName: 'Olle', familyName: 'Övningsman', number: null },
        { exposure: 'Nej', perpetration: 'Ja' },
      );
      await worker
        .getByRole('button', { name: 'Öppna ärende för våldsutövaren i min enhet' })
        .click();
      await expect.poll(() => heading(worker), poll).toBe('Olle Övningsman – Våldsutövare');
      const children = worker.getByRole('form', { name: 'Finns det barn i hushållet?' });
      await children.getByLabel('Nej').check();
      await children.getByRole('button', { name: 'Spara svaret' }).click();
      await worker.getByLabel('Gå till').selectOption({ label: 'Råd och service' });
      await worker.getByRole('button', { name: 'Ändra steg' }).click();
      await expect
        .poll(() => worker.getByTestId('stage').textContent(), poll)
        .toBe('Råd och service');

      await openCaseTab(worker, 'Insatser');
      const advice = worker.getByRole('region', { name: 'Råd och service' });
      // No victim known to him here: the checklist asks the risk questions now.
      await expect.poll(() => advice.textContent(), poll).toContain('Ställ riskfrågorna nu');
      const record = async (covered: string[]) => {
        const form = advice.getByRole('form', { name: 'Registrera samtal' });
        for (const item of covered) await form.getByLabel(item).check();
        await form.getByLabel('Anteckning').fill('Samtal om vad som hände och vad han vill ändra.');
        await form.getByRole('button', { name: 'Registrera samtal' }).click();
      };
      await record(['Vapen och tillgång till vapen', 'Barn: finns barn, och var är de?']);
      await expect.poll(() => advice.textContent(), poll).toContain('1 av 5 samtal');
      const remaining = advice.getByRole('list', { name: 'Det här är inte taget upp ännu:' });
      expect(await remaining.textContent()).not.toContain('Vapen och tillgång till vapen');
      expect(await remaining.textContent()).toContain('Den våldsutsattas säkerhet');
      for (const count of [2, 3, 4]) {
        await record([]);
        await expect.poll(() => advice.textContent(), poll).toContain(`${count} av 5 samtal`);
      }
      expect(await advice.getByRole('status').textContent()).toContain('Nästa samtal är det sista');
      await record([]);
      await expect
        .poll(() => advice.getByRole('status').textContent(), poll)
        .toContain('Taket för råd och service är nått (5 samtal). Erbjud utredning');
      // At the cap no further contact can be recorded: the way on is an investigation.
      expect(await advice.getByRole('form', { name: 'Registrera samtal' }).count()).toBe(0);
      expect(await wcagViolations(worker)).toEqual([]);
      await worker.screenshot({ path: screenshotPath('interventions-1-ros-cap'), fullPage: true });

      await advice
        .getByLabel('Varför behövs en utredning?', { exact: false })
        .fill('Han vill fortsätta och ansöker om samtalsstöd; våldet har pågått i flera år.');
      await advice.getByRole('button', { name: 'Gör om till utredning' }).click();
      await expect.poll(() => worker.getByTestId('stage').textContent(), poll).toBe('Utredning');

      // Treatment is the region's: his consent first, then the referral to ATV.
      await openCaseTab(worker, 'Samverkan');
      const consents = worker.getByRole('region', { name: 'Samtycken och nej' });
      await consents.getByRole('button', { name: 'Registrera samtycke eller nej' }).click();
      const consent = consents.getByRole('form', { name: 'Registrera samtycke eller nej' });
      await consent.getByLabel('Vad gäller det (syfte)?').fill('Remiss till ATV för behandling');
      // Chosen from the directory: the referral below recognises it by id, whatever its name.
      await consent
        .getByLabel('Mottagare', { exact: true })
        .selectOption({ label: 'Region Övningslän – Alternativ till våld (ATV)' });
      await consent.getByLabel('Ärendets historik').check();
      await consent.getByRole('button', { name: 'Spara' }).click();
      await expect.poll(() => consents.textContent(), poll).toContain('gäller nu');

      const handOver = worker.getByRole('form', { name: 'Lämna över till en annan organisation' });
      await handOver
        .getByLabel('Mottagare', { exact: true })
        .selectOption({ label: 'Region Övningslän – Alternativ till våld (ATV)' });
      await handOver
        .getByLabel('Vad har hänt, och vad behöver mottagaren göra?')
        .fill('Fem samtal inom råd och service. Han vill ha behandling för att sluta utöva våld.');
      await handOver.getByLabel('Ärendets historik').check();
      await handOver.getByRole('button', { name: 'Visa vilka lagrum som kan gälla' }).click();
      await handOver.getByLabel('Samtycke', { exact: true }).check();
      await handOver.getByRole('button', { name: 'Skicka överlämningen' }).click();
      await expect
        .poll(() => worker.getByRole('status').last().textContent(), poll)
        .toContain('Överlämningen är skickad');
      expect(await wcagViolations(worker)).toEqual([]);
      await worker.screenshot({
        path: screenshotPath('interventions-2-referred-to-atv'),
        fullPage: true,
      });

      const atv = await as('atv');
      await expect
        .poll(() => atv.getByRole('region', { name: 'Överlämningar' }).textContent(), poll)
        .toContain('Olle Övningsman');
    });

    it('places a mother and her son in a neighbouring municipality’s unit found in the directory, records his school and her move to her own home', async () => {
      const worker = await as('handlaggare');
      const caseUrl = await openCaseThroughIntake(worker, 'Lina', 'Övningsdotter');
      await openCaseTab(worker, 'Skyddat boende');
      const placement = worker.getByRole('region', { name: 'Skyddat boende' });
      await placement.getByRole('link', { name: 'Sök plats i länets katalog' }).click();
      await expect.poll(() => heading(worker), poll).toBe('Skyddat boende i länet');

      const search = worker.getByRole('form', { name: 'Sök plats' });
      await search.getByLabel('Söner i alla åldrar').check();
      await search.getByRole('button', { name: 'Sök' }).click();
      const unit = worker.getByRole('article', { name: /Skyddat boende Övningsås/ });
      await expect.poll(() => unit.textContent(), poll).toContain('2 lediga av 4 platser');
      expect(await unit.textContent()).toContain('Södra Övningslän');
      // Location secrecy: the area, never the address, outside the provider.
      expect(await worker.textContent('main')).not.toContain('Övningsvägen');
      // The shelter that lacks what she needs says so, and is full.
      const shelter = worker.getByRole('article', { name: /Kvinnojourens boende/ });
      expect(await shelter.textContent()).toContain('Saknar: Söner i alla åldrar');
      expect(await shelter.textContent()).toContain('Fullt just nu');

      await unit
        .getByRole('button', { name: 'Fråga efter plats på Skyddat boende Övningsås' })
        .click();
      const ask = unit.getByRole('form', { name: 'Förfrågan om plats' });
      await ask.getByLabel('Antal platser').fill('2');
      await ask.getByLabel('Varav barn').fill('1');
      await ask
        .getByLabel('Vad behöver boendet veta?')
        .fill('Mamma med son 15 år. Behöver plats i dag.');
      await ask.getByRole('button', { name: 'Skicka förfrågan' }).click();
      await expect
        .poll(() => worker.getByRole('status').first().textContent(), poll)
        .toContain('Förfrågan är skickad till Skyddat boende Övningsås');
      expect(await wcagViolations(worker)).toEqual([]);
      await worker.screenshot({
        path: screenshotPath('interventions-3-directory'),
        fullPage: true,
      });

      // The neighbouring municipality's housing keeps its own places and answers.
      const keeper = await as('boende');
      await keeper.getByRole('link', { name: 'Skyddat boende' }).click();
      const incoming = keeper.getByRole('region', { name: 'Förfrågningar till era boenden' });
      await expect.poll(() => incoming.textContent(), poll).toContain('Övningsby kommun');
      expect(await incoming.textContent()).toContain('Mamma med son 15 år');
      await incoming
        .getByLabel('Svar till kommunen')
        .fill('Välkomna i dag kl. 15. Ring 070-174 06 09 när ni är på stationen.');
      await incoming.getByRole('button', { name: 'Erbjud plats' }).click();
      await expect
        .poll(() => keeper.getByRole('status').first().textContent(), poll)
        .toContain('Platsen är erbjuden och bokad');
      // Should she never come, the keeper can give the booked place back.
      // The list reloads after the status is shown, so the button is waited for.
      await expect
        .poll(
          () => incoming.getByRole('button', { name: /^Platserna är lediga igen/ }).count(),
          poll,
        )
        .toBe(1);
      const own = keeper.getByRole('article', { name: /Skyddat boende Övningsås/ });
      await expect.poll(() => own.textContent(), poll).toContain('Fullt just nu');
      expect(await own.textContent()).toContain('Övningsvägen 9');
      expect(await wcagViolations(keeper)).toEqual([]);
      await keeper.screenshot({
        path: screenshotPath('interventions-4-provider-offers'),
        fullPage: true,
      });

      // Back in her case: the move-in on the offer, her son's decision and school, the way out.
      await worker.goto(`${caseUrl}/boende`);
      const stays = worker.getByRole('region', { name: 'Skyddat boende' });
      await expect.poll(() => stays.textContent(), poll).toContain('plats erbjuden');
      const takeBack = stays.getByRole('button', {
        name: 'Ta tillbaka förfrågan till Skyddat boende Övningsås',
      });
      expect(await takeBack.count()).toBe(1);
      const moveIn = stays.getByRole('form', { name: 'Registrera inflyttning' });
      await moveIn.getByLabel('Kostnad per dygn').fill('1850');
      await moveIn.getByRole('button', { name: 'Registrera inflyttning' }).click();
      const stay = stays.getByRole('article', {
        name: 'Skyddat boende Övningsås (Övningsås kommun)',
      });
      await expect.poll(() => stay.textContent(), poll).toContain('Välkomna i dag kl. 15');
      // Moved in on the offer: it is no longer hers to take back.
      await expect.poll(() => takeBack.count(), poll).toBe(0);

      const child = stay.getByRole('form', { name: 'Registrera barn' });
      await child.getByLabel('Barnets förnamn').fill('Elias');
      await child.getByLabel('Födelseår').fill('2011');
      await child.getByLabel('Dag för barnets eget beslut').fill(today());
      await child
        .getByLabel('Skolgång', { exact: true })
        .selectOption({ label: 'Ny skola nära boendet' });
      await child
        .getByLabel('Om skolgången')
        .fill('Börjar i årskurs 9 i Övningsås skola på måndag.');
      await child.getByRole('button', { name: 'Spara barnet' }).click();
      await expect
        .poll(() => stay.textContent(), poll)
        .toContain('Elias (2011) – Ny skola nära boendet: Börjar i årskurs 9');
      expect(await stay.textContent()).toContain(`Eget beslut ${today()}`);
      expect(await stay.textContent()).toContain('Det här står i vägen för en egen bostad');
      expect(await wcagViolations(worker)).toEqual([]);
      await worker.screenshot({
        path: screenshotPath('interventions-5-placed-with-school'),
        fullPage: true,
      });

      const plan = stay.getByRole('form', { name: 'Vägen ut' });
      await plan.getByLabel('Skulder').selectOption({ label: 'Inga skulder' });
      await plan.getByLabel('Hyreskontrakt').selectOption({ label: 'Har kontrakt' });
      await plan.getByLabel('Bostadsbolaget är kontaktat').check();
      await plan.getByRole('button', { name: 'Spara planen' }).click();
      await expect
        .poll(() => stay.textContent(), poll)
        .not.toContain('Det här står i vägen för en egen bostad');
      const moveOut = stay.getByRole('form', { name: 'Registrera utflyttning' });
      await moveOut.getByLabel('Flyttade till').selectOption({ label: 'Egen bostad' });
      await moveOut.getByRole('button', { name: 'Registrera utflyttning' }).click();
      await expect.poll(() => stays.textContent(), poll).toContain('Flyttade tillEgen bostad');
      expect(await wcagViolations(worker)).toEqual([]);
      await worker.screenshot({ path: screenshotPath('interventions-6-own-home'), fullPage: true });

      // Support sessions from the unit's own catalogue, with goals set together with her.
      await openCaseTab(worker, 'Insatser');
      const interventions = worker.getByRole('region', { name: 'Insatser' });
      const grant = interventions.getByRole('form', { name: 'Bevilja insats' });
      await grant
        .getByLabel('Insats', { exact: true })
        .selectOption({ label: 'Stödsamtal för våldsutsatta (10 samtal)' });
      await grant.getByLabel('Mål 1').fill('Att kunna sova hela natten i den nya bostaden');
      await grant.getByLabel('Anpassningar').fill('Barnpassning under samtalen');
      await grant.getByRole('button', { name: 'Bevilja' }).click();
      const support = interventions.getByRole('article', { name: 'Stödsamtal för våldsutsatta' });
      await expect.poll(() => support.textContent(), poll).toContain('0 av 10 samtal använda');
      await support
        .getByRole('form', { name: 'Registrera samtal' })
        .getByRole('button', { name: 'Spara samtalet' })
        .click();
      await expect
        .poll(() => support.textContent(), poll)
        .toContain('1 av 10 samtal använda, 9 kvar');
      expect(await wcagViolations(worker)).toEqual([]);

      // A group for mothers starts in the spring: she is put on its waiting list.
      await worker.getByRole('link', { name: 'Grupper' }).click();
      await expect.poll(() => heading(worker), poll).toBe('Grupper');
      const start = worker.getByRole('form', { name: 'Starta en grupp' });
      await start.getByLabel('Tema').fill('Mammagrupp våren 2027');
      await start.getByLabel('Antal platser').fill('6');
      await start.getByLabel('Start', { exact: true }).fill('2027-02-01');
      await start.getByRole('button', { name: 'Starta gruppen' }).click();
      await expect
        .poll(
          () => worker.getByRole('article', { name: /Mammagrupp våren 2027/ }).textContent(),
          poll,
        )
        .toContain('0 av 6 platser tagna, 0 väntar');
      await worker.goto(`${caseUrl}/insatser`);
      const groupPlace = worker.getByRole('form', { name: 'Plats i grupp' });
      await groupPlace.getByRole('button', { name: 'Ställ i kö' }).click();
      await expect
        .poll(() => groupPlace.getByRole('status').textContent(), poll)
        .toBe('Personen står i kön.');
      await worker.getByRole('link', { name: 'Grupper' }).click();
      const group = worker.getByRole('article', { name: /Mammagrupp våren 2027/ });
      await expect.poll(() => group.textContent(), poll).toContain('1 väntar');
      expect(await group.textContent()).toContain('Lina Övningsdotter – väntar sedan');
      expect(await wcagViolations(worker)).toEqual([]);
      await worker.goto(`${caseUrl}/insatser`);

      // Her own ratings, her satisfaction with the housing, and a call back after closure.
      const followUp = worker.getByRole('region', { name: 'Uppföljning av personen' });
      const rating = followUp.getByRole('form', { name: 'Registrera självskattning' });
      await rating.getByLabel('Hur mår du just nu?').selectOption('7');
      await rating.getByLabel('Hur trygg känner du dig?').selectOption('8');
      await rating.getByLabel(/Har du blivit utsatt/).selectOption({ label: 'Nej' });
      await rating.getByRole('button', { name: 'Spara skattningen' }).click();
      await expect
        .poll(
          () =>
            worker
              .getByRole('region', { name: 'Uppföljning av personen' })
              .getByRole('table')
              .textContent(),
          poll,
        )
        .toContain('78Nej');
      const satisfaction = followUp.getByRole('form', { name: 'Registrera svar om nöjdhet' });
      await satisfaction
        .getByLabel('Gäller', { exact: true })
        .selectOption({ label: 'Ett boende' });
      await satisfaction.getByLabel(/Boende \(om svaret/).fill('Skyddat boende Övningsås');
      await satisfaction
        .getByLabel('Hur nöjd är personen?')
        .selectOption({ label: '5 – mycket nöjd' });
      await satisfaction.getByRole('button', { name: 'Spara nöjdheten' }).click();
      await expect
        .poll(() => followUp.textContent(), poll)
        .toContain('Skyddat boende Övningsås: 5 av 5');
      const after = followUp.getByRole('form', { name: 'Uppföljning efter avslut' });
      await after.getByLabel('Ja, personen samtycker').check();
      await after.getByRole('button', { name: 'Spara beslutet om uppföljning' }).click();
      await expect
        .poll(() => followUp.textContent(), poll)
        .toContain('Personen vill bli kontaktad');
      expect(await wcagViolations(worker)).toEqual([]);

      // Her move-out gave the places back to the provider.
      await keeper.reload();
      await expect
        .poll(
          () => keeper.getByRole('article', { name: /Skyddat boende Övningsås/ }).textContent(),
          poll,
        )
        .toContain('2 lediga av 4 platser');
    });
  },
);
