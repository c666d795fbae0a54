import { swedishDate } from '../../src/domain/calendar';
import { resolveLegalReference } from '../../src/domain/law/legal-references';
import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/start';
import { wcagViolations } from '../helpers/accessibility';
import { browserAvailable, launchChromium, screenshotPath } from '../helpers/browser';
import { heading, openCaseTab, poll, signInAs, startDemoServer } from '../helpers/demo-server';
import { pdfText } from '../helpers/pdf-text';

const today = swedishDate(new Date());

/**
 * The walk the cases issue asks for, by keyboard and mouse as a worker would: income support
 * meets an adult → asks about violence → positive → hands over to the VINR team → the VINR
 * worker asks about children → reports concern → barn och unga records the outcome.
 */
describe.runIf(browserAvailable)(
  'from a contact in income support to a child’s investigation',
  () => {
    let server: RunningServer;
    let browser: Browser;

    beforeAll(async () => {
      server = await startDemoServer('walk');
      browser = await launchChromium();
    }, 120_000);

    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    const signIn = (username: string) => signInAs(browser, server, username);

    it('walks the whole chain and records the child’s outcome', async () => {
      // 1. Income support: a new contact, routine questions, a positive answer, a hand-over.
      const income = await signIn('forsorjning');
      await income.getByRole('link', { name: 'Ny kontakt' }).click();
      await expect.poll(() => heading(income), poll).toBe('Ny kontakt');
      await income.getByLabel('Förnamn').fill('Nora');
      await income.getByLabel('Efternamn').fill('Övningsdotter');
      await income.getByLabel('Nummer', { exact: true }).fill('19821105-9954');
      await income.getByRole('button', { name: 'Registrera och gå vidare' }).click();
      await expect.poll(() => heading(income), poll).toBe('Frågor om våld – Nora Övningsdotter');
      expect(await wcagViolations(income)).toEqual([]);
      await income
        .getByRole('group', { name: /blivit utsatt/ })
        .getByLabel('Ja')
        .check();
      await income.getByRole('button', { name: 'Spara svaren' }).click();
      await expect.poll(() => heading(income), poll).toBe('Nästa steg');
      await expect
        .poll(() => income.getByRole('main').textContent(), poll)
        .toContain('Kvinnofridslinjen');
      await income.getByRole('button', { name: 'Lämna över' }).click();
      await expect.poll(() => income.getByRole('alert').textContent(), poll).toContain('samtycker');
      await income.getByLabel('Personen samtycker till att uppgifterna lämnas över').check();
      await income.getByRole('button', { name: 'Lämna över' }).click();
      await expect
        .poll(() => income.getByRole('status').textContent(), poll)
        .toContain('Vuxenenheten – VINR-teamet');
      await income.screenshot({
        path: screenshotPath('walk-1-income-support-hand-over'),
        fullPage: true,
      });

      // 2. The VINR team: the case is on the intake list; the worker takes it and asks about children.
      const vinr = await signIn('handlaggare');
      await vinr.getByRole('link', { name: 'Ärenden' }).click();
      await vinr.getByRole('link', { name: 'Nora Övningsdotter' }).click();
      await expect.poll(() => heading(vinr), poll).toBe('Nora Övningsdotter – Våldsutsatt vuxen');
      await vinr.getByRole('button', { name: 'Ta ärendet' }).click();
      await expect
        .poll(
          () => vinr.getByRole('heading', { name: 'Finns det barn i hushållet?' }).count(),
          poll,
        )
        .toBe(1);
      await vinr.getByRole('button', { name: 'Ändra steg' }).click();
      await expect
        .poll(() => vinr.getByRole('alert').textContent(), poll)
        .toContain('barn i hushållet');
      // The same refusal in the English UI is explained in English, by its reason code.
      await vinr.getByRole('button', { name: 'English' }).click();
      await vinr.getByRole('button', { name: 'Change stage' }).click();
      await expect
        .poll(() => vinr.getByRole('alert').textContent(), poll)
        .toBe('Answer the question about children in the household first.');
      await vinr.getByRole('button', { name: 'Svenska' }).click();
      await vinr.getByLabel('Ja', { exact: true }).check();
      await vinr.getByRole('button', { name: 'Spara svaret' }).click();
      await expect.poll(() => vinr.getByText('Barn i hushållet: Ja').count(), poll).toBe(1);

      // 3. A report of concern in one step.
      await vinr.getByLabel('Barnets förnamn').fill('Liten');
      await vinr
        .getByLabel('Vad oroar dig?')
        .fill('Barnet har varit hemma när mamma blivit slagen.');
      await vinr.getByRole('button', { name: 'Skicka orosanmälan' }).click();
      await expect
        .poll(() => vinr.getByRole('region', { name: 'Orosanmälan' }).textContent(), poll)
        .toContain('Förhandsbedömning pågår');
      // The report names the duty to report as the law stands today, unverified number marked.
      const reports = await vinr.getByRole('region', { name: 'Orosanmälan' }).textContent();
      expect(reports).toContain(resolveLegalReference('sol.reportingDuty', today).citation);
      expect(reports).toContain('att verifiera');
      await vinr.getByLabel('Gå till').selectOption({ label: 'Utredning' });
      await vinr.getByRole('button', { name: 'Ändra steg' }).click();
      await expect.poll(() => vinr.getByTestId('stage').textContent(), poll).toBe('Utredning');
      // The stage shows what it rests on, with the dates it is in force.
      const stage = vinr.locator('dd', { has: vinr.getByTestId('stage') });
      await expect
        .poll(() => stage.textContent(), poll)
        .toContain(resolveLegalReference('sol.investigationDuty', today).citation);
      expect(await stage.textContent()).toContain('gäller sedan 1 juli 2025');
      await openCaseTab(vinr, 'Händelser och historik');
      await vinr
        .getByLabel('Händelse', { exact: true })
        .selectOption({ label: 'Delgivning av misstanke' });
      await vinr.getByLabel('Datum').fill('2026-11-20');
      await vinr.getByLabel('Källa').selectOption({ label: 'Polisen' });
      await vinr.getByRole('button', { name: 'Lägg till händelse' }).click();
      await expect
        .poll(() => vinr.getByRole('status').textContent(), poll)
        .toContain('ny riskbedömning senast');
      await expect
        .poll(() => vinr.getByRole('region', { name: 'Händelser' }).textContent(), poll)
        .toContain('2026-11-20 – Delgivning av misstanke (Polisen)');
      await vinr.screenshot({
        path: screenshotPath('walk-2-vinr-case-with-report'),
        fullPage: true,
      });
      expect(await wcagViolations(vinr)).toEqual([]);

      // 4. Barn och unga: the child's case arrives; förhandsbedömning, then an investigation.
      const bou = await signIn('bou');
      await bou.getByRole('link', { name: 'Ärenden' }).click();
      await bou.getByRole('link', { name: 'Liten Övningsdotter' }).click();
      await expect
        .poll(() => heading(bou), poll)
        .toBe('Liten Övningsdotter – Barn som utsatts för eller bevittnat våld');
      await bou.getByLabel('Gå till').selectOption({ label: 'Förhandsbedömning' });
      await bou.getByRole('button', { name: 'Ändra steg' }).click();
      await expect
        .poll(() => bou.getByTestId('stage').textContent(), poll)
        .toBe('Förhandsbedömning');
      await bou.getByLabel('Gå till').selectOption({ label: 'Utredning' });
      await bou.getByRole('button', { name: 'Ändra steg' }).click();
      await expect.poll(() => bou.getByTestId('stage').textContent(), poll).toBe('Utredning');
      await bou.screenshot({
        path: screenshotPath('walk-3-child-investigation-opened'),
        fullPage: true,
      });

      // 5. The reporter sees the outcome, not the content.
      await vinr.reload();
      await openCaseTab(vinr, 'Översikt');
      await expect
        .poll(() => vinr.getByRole('region', { name: 'Orosanmälan' }).textContent(), poll)
        .toContain('Utredning inledd');
      await expect
        .poll(() => vinr.getByRole('region', { name: 'Länkade ärenden' }).textContent(), poll)
        .toContain('annat sekretessområde');
      await vinr.screenshot({
        path: screenshotPath('walk-4-reporter-sees-outcome'),
        fullPage: true,
      });

      // 6. Hanna hands the case to a colleague; it moves only when Vilma confirms, with its tasks.
      await expect
        .poll(() => vinr.getByRole('region', { name: 'Uppgifter' }).textContent(), poll)
        .toContain('Gör en ny riskbedömning');
      await vinr.getByLabel('Ny ansvarig handläggare').selectOption({
        label: 'Vilma VINR-handläggare (övning)',
      });
      await vinr
        .getByLabel('Sammanfattning till den som tar över')
        .fill('Nora bor kvar i lägenheten. Delgivning 20/11, ny riskbedömning behövs.');
      await vinr.getByRole('button', { name: 'Föreslå överlämning' }).click();
      await expect
        .poll(() => vinr.getByRole('region', { name: 'Lämna över ärendet' }).textContent(), poll)
        .toContain('Väntar på att Vilma');
      const colleague = await signIn('vinr2');
      await expect
        .poll(
          () => colleague.getByRole('region', { name: 'Ärenden att ta över' }).textContent(),
          poll,
        )
        .toContain('Delgivning 20/11');
      expect(await wcagViolations(colleague)).toEqual([]);
      await colleague
        .getByRole('button', { name: 'Jag har läst och tar över ärendet för Nora Övningsdotter' })
        .click();
      await expect
        .poll(() => colleague.getByRole('region', { name: 'Mina uppgifter' }).textContent(), poll)
        .toContain('Gör en ny riskbedömning');
      await expect
        .poll(() => colleague.getByRole('region', { name: 'Mina ärenden' }).textContent(), poll)
        .toContain('Nora Övningsdotter');
      await colleague.screenshot({
        path: screenshotPath('walk-5-colleague-took-over-with-tasks'),
        fullPage: true,
      });

      // 7. The team leader reviews who has read Nora's data and prints the case summary.
      const leader = await signIn('teamledare');
      await leader.getByRole('link', { name: 'Ärenden' }).click();
      await leader.getByRole('link', { name: 'Nora Övningsdotter' }).click();
      await openCaseTab(leader, 'Åtkomstlogg');
      await leader.getByRole('button', { name: 'Visa åtkomstloggen' }).click();
      await expect
        .poll(
          () => leader.getByRole('region', { name: 'Åtkomstlogg för personen' }).textContent(),
          poll,
        )
        .toContain('Hanna Handläggare (övning)');
      expect(await wcagViolations(leader)).toEqual([]);
      const [download] = await Promise.all([
        leader.waitForEvent('download'),
        leader.getByRole('link', { name: 'Ladda ner ärendesammanfattning (PDF)' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('arendesammanfattning.pdf');
      const pdf = await readFile((await download.path())!);
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(await pdfText(pdf)).toContain('Nora Övningsdotter');
    });
  },
);
