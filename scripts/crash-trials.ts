/**
 * Crash trials (issue 18): does an acknowledged write survive a crash? A real server is started
 * (`fristad start`), a worker signs in once, four writers register persons as fast as they are
 * answered, and in the middle of it the server process is killed with SIGKILL (`--kill server`),
 * the PostgreSQL server is stopped in immediate mode and started again (`--kill database`, with
 * DATABASE_URL), or the embedded folder's disk fills up and is given space again (`--kill disk`). Afterwards every write that was answered 201 must be in the database, the
 * server must come back (restarted, or by itself when the database returns) and the audit log
 * must verify. Prints one line of figures per trial and a summary.
 *
 *   npx tsx scripts/crash-trials.ts --kill server --trials 20
 *   npx tsx scripts/crash-trials.ts --kill disk --trials 3    # as root: a small tmpfs fills up
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/crash npx tsx scripts/crash-trials.ts \
 *     --kill database --trials 5 --cluster "15 main"
 *
 * Fictitious data only: it runs on a data folder of its own (a temporary one unless
 * FRISTAD_DATA_DIR is set) and seeds the demo there.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { verifyAuditLog } from '../src/server/platform/audit/audit.repository';
import { currentTotpCode } from '../src/server/platform/auth/totp';
import { openDatabase } from '../src/server/platform/db/database';
import { asSystem } from '../src/server/platform/db/transaction';
import { readDemoCredentials } from '../src/server/seed/seed-demo';

const { values: options } = parseArgs({
  options: {
    kill: { type: 'string', default: 'server' },
    trials: { type: 'string', default: '10' },
    cluster: { type: 'string', default: '15 main' },
  },
});
const kill = options.kill as 'server' | 'database' | 'disk';
const trials = Number(options.trials);
if (kill === 'database' && !process.env.DATABASE_URL)
  throw new Error('--kill database needs DATABASE_URL (a PostgreSQL server to stop and start).');

if (kill === 'disk' && process.env.DATABASE_URL)
  throw new Error('--kill disk fills the embedded folder: run it without DATABASE_URL.');

/**
 * For `--kill disk`: the data folder lies on a tmpfs of its own (needs root), so its space
 * can be filled and freed again.
 */
const diskDir = kill === 'disk' ? mkdtempSync(join(tmpdir(), 'fristad-disk-')) : undefined;
if (diskDir) execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=512m', 'tmpfs', diskDir]);

const dataDir =
  process.env.FRISTAD_DATA_DIR ?? diskDir ?? mkdtempSync(join(tmpdir(), 'fristad-crash-'));
const env = {
  ...process.env,
  PORT: '0',
  FRISTAD_DATA_DIR: dataDir,
  FRISTAD_KEY_FILE: process.env.FRISTAD_KEY_FILE ?? join(dataDir, 'keys.json'),
  FRISTAD_LOG_LEVEL: 'error',
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Server = { process: ChildProcess; url: string; output: string[] };

const startServer = (): Promise<Server> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'start'], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output: string[] = [];
    const timer = setTimeout(() => reject(new Error(`no start:\n${output.join('')}`)), 120_000);
    const read = (chunk: Buffer) => {
      output.push(chunk.toString());
      const url = /Fristad är igång: (\S+)/.exec(output.join(''))?.[1];
      if (url) {
        clearTimeout(timer);
        resolve({ process: child, url, output });
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server stopped (${code}):\n${output.join('')}`));
    });
  });

/** A signed-in worker: cookies and the CSRF token, kept across server restarts. */
class Worker {
  cookies = new Map<string, string>();
  csrf = '';
  constructor(public url: string) {}
  async request(method: string, path: string, body?: unknown) {
    const response = await fetch(`${this.url}${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '),
        ...(this.csrf ? { 'x-csrf-token': this.csrf } : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(10_000),
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const [name, value] = pair!.split('=');
      if (name && value !== undefined) this.cookies.set(name, value);
    }
    return response;
  }
  async signIn() {
    const demo = readDemoCredentials(dataDir).find((entry) => entry.username === 'handlaggare')!;
    const { password } = demo;
    const secret = demo.totpSecret!;
    this.csrf = (
      (await (await this.request('GET', '/api/auth/csrf')).json()) as { token: string }
    ).token;
    await this.request('POST', '/api/auth/login', { username: 'handlaggare', password });
    this.csrf = (
      (await (await this.request('GET', '/api/auth/csrf')).json()) as { token: string }
    ).token;
    const answer = await this.request('POST', '/api/auth/totp', {
      code: currentTotpCode(secret, new Date()),
    });
    if (answer.status !== 200) throw new Error(`sign-in failed: ${answer.status}`);
    // The CSRF token is bound to the session: take one for the session now signed in.
    this.csrf = (
      (await (await this.request('GET', '/api/auth/csrf')).json()) as { token: string }
    ).token;
    const session = (await (await this.request('GET', '/api/session')).json()) as {
      activeUnitId: string;
    };
    return session.activeUnitId;
  }
}

/** Writers register persons until told to stop; the names answered 201 are acknowledged. */
const write = async (worker: Worker, unitId: string, trial: number, stop: () => boolean) => {
  const acknowledged: string[] = [];
  /** How the failed writes were answered (503 "nothing saved" is the right one). */
  const statuses = new Map<number, number>();
  let failed = 0;
  let next = 0;
  await Promise.all(
    [0, 1, 2, 3].map(async (writer) => {
      while (!stop()) {
        const familyName = `Kraschprov${trial}x${writer}x${next++}`;
        try {
          const response = await worker.request('POST', '/api/persons', {
            unitId,
            givenName: 'Övning',
            familyName,
            identityKind: 'none',
            personalNumber: null,
            protectionLevel: 'none',
            notSameAsSimilar: true,
          });
          if (response.status === 201) acknowledged.push(familyName);
          else {
            failed += 1;
            statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
            if (failed === 1 && response.status < 500)
              console.error(`refused: ${response.status} ${await response.text()}`);
          }
        } catch {
          failed += 1;
          await sleep(100);
        }
      }
    }),
  );
  if (statuses.size)
    console.log(`  answered: ${[...statuses].map(([status, n]) => `${n} × ${status}`).join(', ')}`);
  return { acknowledged, failed };
};

const stopGracefully = async (server: Server) => {
  const exited = new Promise((resolve) => server.process.on('exit', resolve));
  server.process.kill('SIGTERM');
  await exited;
};

const main = async () => {
  let server = await startServer();
  const worker = new Worker(server.url);
  const unitId = await worker.signIn();
  const totals = { acknowledged: 0, lost: 0, failedRestarts: 0, auditBreaks: 0, refused: 0 };
  for (let trial = 1; trial <= trials; trial += 1) {
    let stopped = false;
    const writing = write(worker, unitId, trial, () => stopped);
    await sleep(500 + Math.random() * 2500);
    if (kill === 'server') {
      server.process.kill('SIGKILL');
      await new Promise((resolve) => server.process.on('exit', resolve));
      stopped = true;
      await writing.catch(() => undefined);
      try {
        server = await startServer();
        worker.url = server.url;
      } catch (error) {
        totals.failedRestarts += 1;
        console.error(String(error));
        break;
      }
    } else if (kill === 'disk') {
      // The disk fills up (a file takes every free byte), then the space comes back.
      execFileSync('sh', ['-c', `dd if=/dev/zero of=${diskDir}/fyllnad bs=64k 2>/dev/null; true`]);
      await sleep(6000);
      rmSync(join(diskDir!, 'fyllnad'));
      await sleep(3000);
      stopped = true;
    } else {
      const [version, cluster] = options.cluster!.split(' ');
      execFileSync('pg_ctlcluster', [
        '--skip-systemctl-redirect',
        version!,
        cluster!,
        'stop',
        '-m',
        'immediate',
      ]);
      await sleep(1000);
      execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', version!, cluster!, 'start']);
      // The server is not restarted: it must come back by itself.
      await sleep(2000);
      stopped = true;
    }
    const { acknowledged, failed } = await writing;
    const ok = await worker.request('GET', '/api/health').catch(() => null);
    if (!ok || ok.status !== 200) totals.failedRestarts += 1;
    // Count what is there, with the server stopped when it holds the embedded folder.
    if (!process.env.DATABASE_URL) await stopGracefully(server);
    const handle = await openDatabase({
      url: process.env.DATABASE_URL,
      dataDir: join(dataDir, 'pglite'),
    });
    const { rows } = await sql<{ familyName: string }>`
      select family_name from persons where family_name like ${`Kraschprov${trial}x%`}`.execute(
      handle.db,
    );
    const present = new Set(rows.map((row) => row.familyName));
    const lost = acknowledged.filter((name) => !present.has(name)).length;
    const audit = await asSystem(handle.db, (tx) => verifyAuditLog(tx));
    await handle.close();
    totals.acknowledged += acknowledged.length;
    totals.lost += lost;
    totals.refused += failed;
    totals.auditBreaks += audit.findings.length;
    console.log(
      `trial ${trial}: ${acknowledged.length} acknowledged, ${lost} lost, ${failed} failed during the crash, audit ${audit.findings.length ? 'BROKEN' : 'whole'}`,
    );
    if (!process.env.DATABASE_URL) {
      server = await startServer();
      worker.url = server.url;
    }
  }
  await stopGracefully(server);
  if (diskDir) execFileSync('umount', [diskDir]);
  console.log(
    `crash trials (${kill}, ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}): ${trials} trials, ` +
      `${totals.acknowledged} acknowledged writes, ${totals.lost} lost, ` +
      `${totals.failedRestarts} failed restarts, ${totals.auditBreaks} audit-chain breaks`,
  );
  process.exitCode = totals.lost || totals.failedRestarts || totals.auditBreaks ? 1 : 0;
};

await main();
