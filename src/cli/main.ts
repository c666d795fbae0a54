import { join } from 'node:path';
import { Command } from 'commander';
import { currentTotpCode } from '../server/platform/auth/totp';
import { loadConfig } from '../server/config';
import { ensureKeyFile, loadKeyRing } from '../server/platform/crypto/key-ring';
import { restoreBackup, writeBackup } from '../server/platform/db/backup';
import { migrateToLatest, openDatabase } from '../server/platform/db/database';
import { loadPopulationFile } from '../server/features/indicators/population-file';
import { readDemoCredentials } from '../server/seed/seed-demo';
import { formatCredentials, startServer } from '../server/start';
import { runAuditVerify } from './audit-verify';
import { runKeyRotation } from './rotate-keys';
import { runSeed, scales, type Scale } from './seed';

const program = new Command('fristad').description('Fristad – drift och underhåll');
const print = (line: string) => process.stdout.write(`${line}\n`);

const openConfigured = async () => {
  const config = loadConfig();
  const handle = await openDatabase({
    url: config.databaseUrl,
    dataDir: join(config.dataDir, 'pglite'),
  });
  await migrateToLatest(handle.db);
  return { config, handle };
};

program
  .command('start')
  .description('starta servern (PGlite i datamappen, eller DATABASE_URL)')
  .action(async () => {
    const config = loadConfig();
    const server = await startServer(config, print);
    print(`Fristad är igång: ${server.url}`);
    print(
      `Databas: ${server.handle.engine === 'pglite' ? `PGlite i ${join(config.dataDir, 'pglite')}` : 'PostgreSQL-server'}`,
    );
    formatCredentials(server.credentials).forEach((line) => print(line));
    const stop = async () => {
      await server.close();
      process.exit(0);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });

program
  .command('migrate')
  .description('kör databasmigreringar')
  .action(async () => {
    const { handle } = await openConfigured();
    print('Databasen är migrerad.');
    await handle.close();
  });

program
  .command('seed')
  .description('skapa påhittade data i en viss skala')
  .option('--scale <scale>', `en av ${scales.join(', ')}`, 'demo')
  .action(async (options: { scale: string }) => {
    if (!scales.includes(options.scale as Scale)) throw new Error(`Okänd skala: ${options.scale}`);
    const { config, handle } = await openConfigured();
    if (!config.keysJson) ensureKeyFile(config.keyFile);
    const keys = loadKeyRing({ json: config.keysJson, file: config.keyFile });
    await runSeed(handle.db, keys, options.scale as Scale, print, config.dataDir);
    await handle.close();
  });

const audit = program.command('audit').description('granskningsloggen');
audit
  .command('verify')
  .description('kontrollera att ingen händelse ändrats, tagits bort eller flyttats')
  .action(async () => {
    const { handle } = await openConfigured();
    const ok = await runAuditVerify(handle.db, print);
    await handle.close();
    process.exitCode = ok ? 0 : 1;
  });

program
  .command('backup <file>')
  .description('skriv hela databasen till en säkerhetskopia (nyckelfilen sparas för sig)')
  .action(async (file: string) => {
    const { handle } = await openConfigured();
    try {
      const header = await writeBackup(handle.db, file, new Date());
      const rows = Object.values(header.tables).reduce((sum, count) => sum + count, 0);
      print(`Säkerhetskopian ${file} har ${rows} rader (migrering ${header.migration}).`);
      print(
        `Den behöver nycklarna ${header.keyIds.join(', ') || '(inga)'}: spara nyckelfilen för sig.`,
      );
    } finally {
      await handle.close();
    }
  });

program
  .command('restore <file>')
  .description('läs tillbaka en säkerhetskopia till en tom databas eller datamapp')
  .action(async (file: string) => {
    const config = loadConfig();
    const keys = loadKeyRing({ json: config.keysJson, file: config.keyFile });
    const handle = await openDatabase({
      url: config.databaseUrl,
      dataDir: join(config.dataDir, 'pglite'),
    });
    try {
      const header = await restoreBackup(
        handle.db,
        file,
        keys,
        config.keysJson ? 'FRISTAD_KEYS' : config.keyFile,
      );
      print(`Säkerhetskopian från ${header.createdAt} är tillbakaläst.`);
      const ok = await runAuditVerify(handle.db, print);
      process.exitCode = ok ? 0 : 1;
    } finally {
      await handle.close();
    }
  });

const keysCommand = program.command('keys').description('krypteringsnycklar');
keysCommand
  .command('rotate')
  .description('skapa en ny nyckel och kryptera om alla krypterade fält med den')
  .action(async () => {
    const { config, handle } = await openConfigured();
    if (config.keysJson) throw new Error('Nycklarna kommer från FRISTAD_KEYS; rotera dem där.');
    await runKeyRotation(handle.db, config.keyFile, print);
    await handle.close();
  });

program
  .command('population <file>')
  .description('läs in antalet vuxna invånare per kommun och år (se data/population/README.md)')
  .action(async (file: string) => {
    const { handle } = await openConfigured();
    const count = await loadPopulationFile(handle.db, file, new Date());
    print(`Befolkningen är inläst: ${count} rader.`);
    await handle.close();
  });

program
  .command('demo-code <username>')
  .description('visa demoanvändarens aktuella engångskod (bara övningsdata)')
  .action((username: string) => {
    const secret = readDemoCredentials(loadConfig().dataDir).find(
      (credential) => credential.username === username,
    )?.totpSecret;
    if (!secret) throw new Error(`Ingen demoanvändare ${username} med engångskod`);
    print(currentTotpCode(secret, new Date()));
  });

program.parseAsync().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
