import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentTotpCode } from '../../src/server/platform/auth/totp';
import { wcagViolations } from '../helpers/accessibility';
import { browserAvailable, launchChromium, screenshotPath } from '../helpers/browser';

type PrintedUser = { username: string; password: string; totpSecret: string; roles: string };

/** Starts `npm start` as a newcomer would and reads the address and demo users it prints. */
const startLikeANewcomer = (dataDir: string) =>
  new Promise<{ child: ChildProcess; url: string; users: PrintedUser[] }>((resolve, reject) => {
    // A newcomer's shell has no NODE_ENV; vitest's 'test' would make `npm start` build a
    // development bundle into dist/web, which the walks after this one would then run against.
    const newcomersEnv = { ...process.env };
    delete newcomersEnv.NODE_ENV;
    const child = spawn('npm', ['start'], {
      env: {
        ...newcomersEnv,
        PORT: '0',
        FRISTAD_DATA_DIR: dataDir,
        FRISTAD_KEY_FILE: join(dataDir, 'keys.json'),
        FRISTAD_KEYS: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let output = '';
    const timer = setTimeout(
      () => reject(new Error(`npm start printed no address in time:\n${output}`)),
      120_000,
    );
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const url = /Fristad är igång: (http:\/\/\S+)/.exec(output)?.[1];
      if (url && output.includes('npm run fristad -- demo-code')) {
        clearTimeout(timer);
        const users = [
          ...output.matchAll(
            /demo-user username=(\S+) password=(\S+) totp-secret=(\S+) roles=(.+)/g,
          ),
        ].map(([, username, password, totpSecret, roles]) => ({
          username: username!,
          password: password!,
          totpSecret: totpSecret!,
          roles: roles!,
        }));
        resolve({ child, url, users });
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${output}`)));
  });

describe.runIf(browserAvailable)('a newcomer starts Fristad and signs in', () => {
  let server: Awaited<ReturnType<typeof startLikeANewcomer>>;
  let browser: Browser;

  beforeAll(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'fristad-start-'));
    server = await startLikeANewcomer(dataDir);
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    if (server?.child.pid) process.kill(-server.child.pid, 'SIGTERM');
  });

  it('prints one demo user per role, each clearly fictitious', () => {
    const roles = server.users.map((user) => user.roles.split('@')[0]);
    expect(new Set(roles)).toEqual(
      new Set([
        'caseWorker',
        'therapist',
        'teamLeader',
        'coordinator',
        'administrator',
        'police',
        'partner',
        'countyAnalyst',
      ]),
    );
    expect(server.users.find((user) => user.username === 'handlaggare')?.totpSecret).toMatch(
      /^[A-Z2-7]+$/,
    );
  });

  it('serves the login page and signs in the printed case worker with the printed second factor', async () => {
    const user = server.users.find((candidate) => candidate.username === 'handlaggare')!;
    const page = await browser.newPage();
    const external: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(server.url) && !request.url().startsWith('data:'))
        external.push(request.url());
    });
    await page.goto(server.url);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 15_000 })
      .toBe('Logga in');
    expect(await page.getAttribute('html', 'lang')).toBe('sv');

    await page.getByLabel('Användarnamn').fill(user.username);
    await page.getByLabel('Lösenord').fill(user.password);
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 15_000 })
      .toBe('Ange engångskod');
    await page.getByLabel('Engångskod').fill(currentTotpCode(user.totpSecret, new Date()));
    await page.keyboard.press('Enter');

    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 15_000 })
      .toBe('Start – Övningsby kommun');
    await expect
      .poll(() => page.getByRole('note').textContent(), { timeout: 15_000 })
      .toContain('Övningsdata');
    await expect
      .poll(() => page.getByRole('main').textContent(), { timeout: 15_000 })
      .toContain('Vuxenenheten');
    await page.screenshot({ path: screenshotPath('signed-in-start-page'), fullPage: true });
    expect(existsSync(screenshotPath('signed-in-start-page'))).toBe(true);
    expect(external).toEqual([]);

    await page.getByRole('button', { name: 'English' }).click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 15_000 })
      .toBe('Start – Övningsby kommun');
    await expect
      .poll(() => page.getByRole('button', { name: 'Sign out' }).isVisible(), { timeout: 15_000 })
      .toBe(true);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.close();
  });

  it('meets WCAG 2.1 AA (axe) on the login and start pages, and the workplace switch works by keyboard', async () => {
    const user = server.users.find((candidate) => candidate.username === 'teamledare')!;
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(server.url);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 15_000 })
      .toBe('Logga in');
    expect(await wcagViolations(page)).toEqual([]);
    // The checker itself finds real problems (so an empty list above means something).
    const probe = await context.newPage();
    await probe.setContent('<html><body><img src="x.png"><input></body></html>');
    expect((await wcagViolations(probe)).join('\n')).toMatch(
      /image-alt[\s\S]*label|label[\s\S]*image-alt/,
    );
    await probe.close();

    await page.getByLabel('Användarnamn').fill(user.username);
    await page.getByLabel('Lösenord').fill(user.password);
    await page.keyboard.press('Enter');
    await page.getByLabel('Engångskod').fill(currentTotpCode(user.totpSecret, new Date()));
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByRole('heading', { level: 2, name: 'Mottagningen' }).count(), {
        timeout: 15_000,
      })
      .toBe(1);
    expect(await wcagViolations(page)).toEqual([]);

    // Keyboard only: focus the workplace list, choose the other unit.
    await page.getByLabel('Arbetsplats').focus();
    await page.keyboard.press('ArrowDown');
    await expect
      .poll(
        () => page.getByRole('heading', { level: 2, name: 'Vuxenenheten – VINR-teamet' }).count(),
        { timeout: 15_000 },
      )
      .toBe(1);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await context.close();
  });

  it('tells the user plainly when the password is wrong', async () => {
    const page = await browser.newPage();
    await page.goto(server.url);
    await page.getByLabel('Användarnamn').fill('handlaggare');
    await page.getByLabel('Lösenord').fill('fel lösenord');
    await page.getByRole('button', { name: 'Logga in' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent(), { timeout: 15_000 })
      .toBe('Fel användarnamn eller lösenord.');
    await page.close();
  });
});
