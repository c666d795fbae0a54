import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadCatalogues } from './platform/catalogues/load-catalogues';
import type { FastifyInstance } from 'fastify';
import type { ServerConfig } from './config';
import type { KeyRing } from './platform/crypto/field-encryption';
import { ensureKeyFile, loadKeyRing } from './platform/crypto/key-ring';
import { assertKeysPresent, keyIdsInUse, MissingKeys } from './platform/crypto/keys-in-use';
import { tightenModes } from './platform/db/data-folder';
import { migrateToLatest, openDatabase, type DatabaseHandle } from './platform/db/database';
import { buildApp } from './platform/http/app';
import {
  isEmpty,
  readDemoCredentials,
  saveDemoCredentials,
  seedDemo,
  type DemoCredential,
} from './seed/seed-demo';

export type RunningServer = {
  app: FastifyInstance;
  url: string;
  handle: DatabaseHandle;
  credentials: DemoCredential[];
  close: () => Promise<void>;
};

/** Opens the database, migrates, seeds the demo on an empty database and starts listening. */
export const startServer = async (
  config: ServerConfig,
  log: (line: string) => void,
  /** The clock; browser tests pass one they can move forward (days pass in seconds). */
  now: () => Date = () => new Date(),
): Promise<RunningServer> => {
  // A broken catalogue or instrument definition stops the start with its file and path.
  const catalogues = loadCatalogues();
  // The data folder holds the demo's sign-ins and the embedded database: its user's alone.
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  tightenModes(config.dataDir);
  const handle = await openDatabase({
    url: config.databaseUrl,
    dataDir: join(config.dataDir, 'pglite'),
  });
  let keys: KeyRing;
  try {
    await migrateToLatest(handle.db);
    keys = await openKeyRing(config, handle, log);
  } catch (error) {
    await handle.close();
    throw error;
  }
  if (await isEmpty(handle.db)) {
    saveDemoCredentials(config.dataDir, await seedDemo(handle.db, keys));
  }
  const credentials = readDemoCredentials(config.dataDir);
  const app = await buildApp(
    {
      db: handle.db,
      keys,
      now,
      config,
      ...catalogues,
    },
    { logger: config.logLevel !== 'silent' },
  );
  const address = await app.listen({ port: config.port, host: config.host });
  const url = address.replace('[::1]', 'localhost');
  return {
    app,
    url,
    handle,
    credentials,
    close: async () => {
      await app.close();
      await handle.close();
    },
  };
};

/**
 * The key ring the stored data needs. A new key is made only for an empty database: a database
 * with data and no key file is a restore without its key, and starting would seal new data
 * under a key nobody kept. Every key the data was sealed with must be in the ring.
 */
const openKeyRing = async (
  config: ServerConfig,
  handle: DatabaseHandle,
  log: (line: string) => void,
): Promise<KeyRing> => {
  const where = config.keysJson ? 'FRISTAD_KEYS' : config.keyFile;
  if (!config.keysJson && !existsSync(config.keyFile)) {
    const inUse = [...(await keyIdsInUse(handle.db))];
    if (inUse.length > 0) throw new MissingKeys(inUse.sort(), where);
    ensureKeyFile(config.keyFile);
    log(`Skapade en ny krypteringsnyckel i ${config.keyFile}`);
  }
  const keys = loadKeyRing({ json: config.keysJson, file: config.keyFile });
  await assertKeysPresent(handle.db, keys, where);
  return keys;
};

/** The printed list of demo users; tests read it the way a newcomer would. */
export const formatCredentials = (credentials: DemoCredential[]): string[] => [
  'ÖVNINGSDATA – påhittade demoanvändare för den här installationen:',
  ...credentials.map(
    (credential) =>
      `  demo-user username=${credential.username} password=${credential.password} totp-secret=${credential.totpSecret ?? '-'} roles=${credential.roles}`,
  ),
  'Engångskoden (andra faktorn) visas av en autentiseringsapp med hemligheten ovan,',
  'eller i terminalen: npm run fristad -- demo-code <användarnamn>',
];
