import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { claimDataFolder, DataFolderInUse } from '../../src/server/platform/db/data-folder';
import { openDatabase } from '../../src/server/platform/db/database';
import { testEngine } from '../helpers/test-database';

/**
 * The embedded folder belongs to one server (issue 18): two servers on one folder lost half of
 * one's acknowledged writes. A second server is refused with who holds the folder; a server that
 * died leaves a lock the next start takes over at once; what lies in the folder is its user's.
 */
describe.runIf(testEngine === 'pglite')('the embedded data folder', () => {
  const freshDir = () => join(mkdtempSync(join(tmpdir(), 'fristad-folder-')), 'pglite');

  /** Another process that claims the folder and holds it until killed. */
  const holder = async (dir: string) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '-e',
        `import('${join(process.cwd(), 'src/server/platform/db/data-folder.ts')}')` +
          `.then((m) => m.claimDataFolder(${JSON.stringify(dir)}))` +
          `.then(() => { console.log('held'); setInterval(() => {}, 1000); })`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('held')) resolve();
      });
      child.on('exit', (code) => reject(new Error(`holder exited with ${code}`)));
    });
    return child;
  };

  it('refuses a second server on a folder in use, naming the process that holds it', async () => {
    const dir = freshDir();
    const child = await holder(dir);
    try {
      const refused = await claimDataFolder(dir).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(DataFolderInUse);
      expect(String(refused)).toContain(`process ${child.pid}`);
      await expect(openDatabase({ dataDir: dir })).rejects.toBeInstanceOf(DataFolderInUse);
    } finally {
      child.kill('SIGKILL');
    }
    // Killed without a word: the next start takes the folder over at once.
    await new Promise((resolve) => child.on('exit', resolve));
    const release = await claimDataFolder(dir);
    await release();
  }, 60_000);

  it('keeps the folder, and every file in it once the server stops, to the server’s own user', async () => {
    const dir = freshDir();
    const handle = await openDatabase({ dataDir: dir });
    await sql`create table t (personal_number text)`.execute(handle.db);
    await sql`insert into t values ('18900101-0002')`.execute(handle.db);
    // While it runs, nobody else can even enter the folder.
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    await handle.close();
    const loose: string[] = [];
    const walk = (path: string) => {
      const mode = statSync(path).mode & 0o777;
      if (statSync(path).isDirectory()) {
        if (mode !== 0o700) loose.push(`${path} ${mode.toString(8)}`);
        for (const name of readdirSync(path)) walk(join(path, name));
      } else if (mode !== 0o600) loose.push(`${path} ${mode.toString(8)}`);
    };
    walk(dir);
    expect(loose).toEqual([]);
    // Closed, the folder is free for the next server.
    const again = await openDatabase({ dataDir: dir });
    await again.close();
  }, 60_000);
});
