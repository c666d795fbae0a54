import { createServer as createHttpServer, type Server } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Provider from 'oidc-provider';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config';
import { encryptField } from '../../src/server/platform/crypto/field-encryption';
import { loadKeyRing } from '../../src/server/platform/crypto/key-ring';
import { oidcSecretContext } from '../../src/server/platform/auth/oidc-client';
import { asSystem } from '../../src/server/platform/db/transaction';
import { startServer, type RunningServer } from '../../src/server/start';
import { buildUser } from '../factories/world';
import { browserAvailable, launchChromium, screenshotPath } from '../helpers/browser';

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });

/**
 * A municipality's identity provider, played by a real OpenID provider (oidc-provider) on
 * loopback, with its own login and consent pages. Fristad talks to it over HTTP exactly as to
 * a production provider: discovery, authorisation code with PKCE, token, ID token checks.
 */
describe.runIf(browserAvailable)('sign-in through the municipality’s OpenID provider', () => {
  let fristad: RunningServer;
  let idp: Server;
  let browser: Browser;
  let linkedUserName: string;

  beforeAll(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'fristad-oidc-'));
    const keysJson = JSON.stringify({
      activeKeyId: 'test',
      keys: { test: Buffer.alloc(32, 7).toString('base64') },
    });
    const config = loadConfig({
      PORT: '0',
      FRISTAD_DATA_DIR: dataDir,
      FRISTAD_KEYS: keysJson,
      FRISTAD_LOG_LEVEL: 'silent',
    });
    fristad = await startServer(config, () => {});
    const keys = loadKeyRing({ json: keysJson, file: '' });

    const idpPort = await freePort();
    const issuer = `http://127.0.0.1:${idpPort}`;
    const clientSecret = 'test-only-secret-for-a-loopback-provider';
    const provider = new Provider(issuer, {
      clients: [
        {
          client_id: 'fristad',
          client_secret: clientSecret,
          redirect_uris: [`${fristad.url}/api/auth/oidc/callback`],
          grant_types: ['authorization_code'],
          response_types: ['code'],
        },
      ],
      findAccount: async (_ctx, sub) => ({ accountId: sub, claims: async () => ({ sub }) }),
      cookies: { keys: ['test-only-cookie-key'] },
    });
    idp = createHttpServer(provider.callback()).listen(idpPort, '127.0.0.1');

    const municipality = await asSystem(fristad.handle.db, (tx) =>
      tx
        .selectFrom('organisations')
        .select('id')
        .where('kind', '=', 'municipality')
        .executeTakeFirstOrThrow(),
    );
    const unit = await asSystem(fristad.handle.db, (tx) =>
      tx
        .selectFrom('units')
        .select('id')
        .where('organisationId', '=', municipality.id)
        .where('kind', '=', 'adultVinr')
        .executeTakeFirstOrThrow(),
    );
    const user = await buildUser(fristad.handle, {
      organisationId: municipality.id,
      unitId: unit.id,
      role: 'caseWorker',
    });
    linkedUserName = user.displayName;
    await asSystem(fristad.handle.db, async (tx) => {
      const row = await tx
        .insertInto('oidcProviders')
        .values({
          organisationId: municipality.id,
          name: 'Övningsby e-legitimation',
          issuer,
          clientId: 'fristad',
          clientSecretEnc: encryptField(keys, oidcSecretContext, clientSecret),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await tx
        .insertInto('userIdentities')
        .values({ providerId: row.id, subject: 'ovning-anvandare-1', userId: user.id })
        .execute();
    });
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => idp?.close(resolve));
    await fristad?.close();
  });

  const signInAtProvider = async (subject: string) => {
    const page = await browser.newPage();
    await page.goto(fristad.url);
    await page.getByRole('link', { name: 'Logga in med Övningsby e-legitimation' }).click();
    await page.locator('input[name="login"]').fill(subject);
    await page.locator('input[name="password"]').fill('valfritt');
    await page.locator('button[type="submit"]').click();
    await page.locator('button[type="submit"]').click(); // consent: Continue
    return page;
  };

  it('signs in a linked user without a local password', async () => {
    const page = await signInAtProvider('ovning-anvandare-1');
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 15_000 })
      .toBe('Start – Övningsby kommun');
    await expect
      .poll(() => page.getByRole('banner').textContent(), { timeout: 15_000 })
      .toContain(linkedUserName);
    await page.screenshot({ path: screenshotPath('oidc-signed-in'), fullPage: true });
    await page.close();
  });

  it('refuses a person the provider knows but Fristad has not linked, and says so', async () => {
    const page = await signInAtProvider('okand-anvandare');
    await expect
      .poll(() => page.getByRole('alert').textContent(), { timeout: 15_000 })
      .toContain('inte kopplat till Fristad');
    await page.close();
  });
});
