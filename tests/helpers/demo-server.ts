import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { swedishDate } from '../../src/domain/calendar';
import { currentTotpCode } from '../../src/server/platform/auth/totp';
import { loadConfig } from '../../src/server/config';
import { startServer, type RunningServer } from '../../src/server/start';

export const poll = { timeout: 15_000 };

/** Today as the server counts it: the Swedish date, which after 23:00 UTC is already tomorrow. */
export const today = () => swedishDate(new Date());

/** The real server with the demo world, in a fresh data directory with a throwaway key. */
export const startDemoServer = (
  name: string,
  now: () => Date = () => new Date(),
): Promise<RunningServer> => {
  const dataDir = mkdtempSync(join(tmpdir(), `fristad-${name}-`));
  const keys = JSON.stringify({
    activeKeyId: name,
    keys: { [name]: Buffer.alloc(32, 3).toString('base64') },
  });
  return startServer(
    loadConfig({
      PORT: '0',
      FRISTAD_DATA_DIR: dataDir,
      FRISTAD_KEYS: keys,
      FRISTAD_LOG_LEVEL: 'silent',
    }),
    () => {},
    now,
  );
};

/**
 * Signs a demo user in through the login page (with the one-time code where the role needs it).
 * With browserTime, the page's clock stands still at that moment (Playwright's clock), so a test
 * can be at 00:30 in Stockholm whatever the time of the run.
 */
export const signInAs = async (
  browser: Browser,
  server: RunningServer,
  username: string,
  now: Date = new Date(),
  browserTime?: Date,
): Promise<Page> => {
  const user = server.credentials.find((credential) => credential.username === username)!;
  // CSP is bypassed only so the axe accessibility checker can be injected.
  const context = await browser.newContext({ bypassCSP: true });
  if (browserTime) await context.clock.setFixedTime(browserTime);
  const page = await context.newPage();
  await page.goto(server.url);
  await page.getByLabel('Användarnamn').fill(user.username);
  await page.getByLabel('Lösenord').fill(user.password);
  await page.keyboard.press('Enter');
  if (user.totpSecret) {
    await page.getByLabel('Engångskod').fill(currentTotpCode(user.totpSecret, now));
    await page.keyboard.press('Enter');
  }
  await expect
    .poll(() => page.getByRole('heading', { level: 1 }).textContent(), poll)
    .toContain('Start');
  return page;
};

export const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();

/**
 * From "Ny kontakt" to an open adult case in the worker's own unit: register a person without a
 * number, answer yes to exposure, open the case. Returns the case page's address.
 */
export const openCaseThroughIntake = async (page: Page, givenName: string, familyName: string) => {
  await page.getByRole('link', { name: 'Ny kontakt' }).click();
  await page.getByLabel('Förnamn').fill(givenName);
  await page.getByLabel('Efternamn').fill(familyName);
  await page.getByLabel('Typ av nummer').selectOption({ label: 'Inget nummer' });
  await page.getByRole('button', { name: 'Registrera och gå vidare' }).click();
  await page
    .getByRole('group', { name: /blivit utsatt/ })
    .getByLabel('Ja')
    .check();
  await page.getByRole('button', { name: 'Spara svaren' }).click();
  await page.getByRole('button', { name: 'Öppna ärende i min enhet' }).click();
  await expect
    .poll(() => heading(page), poll)
    .toBe(`${givenName} ${familyName} – Våldsutsatt vuxen`);
  return page.url();
};

/** Registers a person at "Ny kontakt" and answers the routine questions. */
export const registerAndScreen = async (
  page: Page,
  person: { givenName: string; familyName: string; number: string | null; protection?: string },
  answers: { exposure: 'Ja' | 'Nej'; perpetration: 'Ja' | 'Nej' },
) => {
  await page.getByRole('link', { name: 'Ny kontakt' }).click();
  await page.getByLabel('Förnamn').fill(person.givenName);
  await page.getByLabel('Efternamn').fill(person.familyName);
  if (person.number) await page.getByLabel('Nummer', { exact: true }).fill(person.number);
  else await page.getByLabel('Typ av nummer').selectOption({ label: 'Inget nummer' });
  if (person.protection)
    await page.getByLabel('Skyddade personuppgifter').selectOption({ label: person.protection });
  await page.getByRole('button', { name: 'Registrera och gå vidare' }).click();
  await page
    .getByRole('group', { name: /blivit utsatt/ })
    .getByLabel(answers.exposure)
    .check();
  await page
    .getByRole('group', { name: /Har du utsatt/ })
    .getByLabel(answers.perpetration)
    .check();
  await page.getByRole('button', { name: 'Spara svaren' }).click();
};

/**
 * One signed-in page per demo user, opened at the start page on every call. A one-time code is
 * accepted once, so signing the same user in twice within 30 seconds would rightly be refused.
 */
export const pagePerUser = () => {
  const pages = new Map<string, Page>();
  return async (browser: Browser, server: RunningServer, username: string) => {
    const page = pages.get(username) ?? (await signInAs(browser, server, username));
    pages.set(username, page);
    await page.getByRole('link', { name: 'Start' }).click();
    return page;
  };
};

/** The open case's row of tabs (the case as a workspace: an overview and a tab per kind of work). */
const caseTabs = (page: Page) => page.getByRole('navigation', { name: /Ärendets delar|Parts of/ });

/** Opens one of the open case's tabs by its name and waits until it is the current one. */
export const openCaseTab = async (page: Page, name: string) => {
  const link = caseTabs(page).getByRole('link', { name, exact: true });
  await link.click();
  await expect.poll(() => link.getAttribute('aria-current'), poll).toBe('page');
};
