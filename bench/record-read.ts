/**
 * Benchmark (not a test): authenticated reads of one person record through the whole stack
 * (session, actor, access policy, row-level security, audit event in the same transaction)
 * under concurrency, against the same SQL run raw by pgbench on the same PostgreSQL server.
 * Prints both and their ratio. Run: npm run bench   (figures go in docs/performance.md)
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import pg from 'pg';
import { chainFor } from '../src/server/platform/audit/audit-hash';
import { loadConfig } from '../src/server/config';
import { catalogues } from './catalogues';
import { ephemeralKeyRing } from '../src/server/platform/crypto/key-ring';
import { migrateToLatest, openDatabase } from '../src/server/platform/db/database';
import { asSystem } from '../src/server/platform/db/transaction';
import { buildApp } from '../src/server/platform/http/app';
import { scaleSizes } from '../src/cli/seed';
import { generateSynthetic } from '../src/server/seed/synthetic';
import { buildSignedUpUser } from '../tests/factories/world';
import { signIn } from './http-sign-in';

const adminUrl = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const connections = Number(process.env.BENCH_CONNECTIONS ?? 16);
const seconds = Number(process.env.BENCH_SECONDS ?? 15);
const actors = 8;

const log = (line: string) => process.stdout.write(`${line}\n`);

const main = async () => {
  const dbName = `fristad_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${dbName}`);
  const url = new URL(adminUrl);
  url.pathname = `/${dbName}`;
  const handle = await openDatabase({ url: url.toString(), poolSize: connections });
  try {
    await migrateToLatest(handle.db);
    const keys = ephemeralKeyRing();
    log(`Seeding municipality scale into ${dbName} …`);
    const started = Date.now();
    await generateSynthetic(handle.db, keys, scaleSizes.municipality, () => {});
    log(`  seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);

    const org = await asSystem(handle.db, (tx) =>
      tx.selectFrom('organisations').select('id').executeTakeFirstOrThrow(),
    );
    const unit = await asSystem(handle.db, (tx) =>
      tx.selectFrom('units').select('id').where('kind', '=', 'adultVinr').executeTakeFirstOrThrow(),
    );
    const personIds = (
      await asSystem(handle.db, (tx) =>
        tx.selectFrom('persons').select('id').where('unitId', '=', unit.id).execute(),
      )
    ).map((row) => row.id);

    // Bench users on distinct audit chains, as several case workers would be.
    const users: {
      id: string;
      username: string;
      password: string;
      totpSecret: string;
      chain: string;
    }[] = [];
    const shards = new Set<string>();
    while (users.length < actors) {
      const user = await buildSignedUpUser(handle, keys, {
        organisationId: org.id,
        unitId: unit.id,
        role: 'caseWorker',
      });
      const chain = chainFor(org.id, user.id);
      if (shards.has(chain)) continue;
      shards.add(chain);
      users.push({ ...user, chain });
    }

    const app = await buildApp(
      {
        db: handle.db,
        keys,
        now: () => new Date(),
        config: { ...loadConfig({}), logLevel: 'silent' },
        ...catalogues(),
      },
      { webRoot: '/nonexistent' },
    );
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const cookies: string[] = [];
    for (const user of users)
      cookies.push(await signIn(address, user.username, user.password, user.totpSecret));

    log(
      `Fristad: GET /api/persons/:id, ${connections} connections, ${seconds} s, ${actors} users, ${personIds.length} persons`,
    );
    let counter = 0;
    const result = await autocannon({
      url: address,
      connections,
      duration: seconds,
      requests: [
        {
          method: 'GET',
          setupRequest: (request) => {
            counter += 1;
            return {
              ...request,
              path: `/api/persons/${personIds[counter % personIds.length]}`,
              headers: { ...request.headers, cookie: cookies[counter % cookies.length]! },
            };
          },
        },
      ],
    });
    await app.close();
    const fristadRps = result.requests.average;
    const non2xx = result.non2xx;
    log(
      `  ${fristadRps.toFixed(0)} requests/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, non-2xx ${non2xx}, errors ${result.errors}`,
    );
    if (non2xx > 0) throw new Error('Some requests failed; the figure would be meaningless.');

    const auditRows = await asSystem(handle.db, (tx) =>
      sql<{ n: string }>`select count(*) as n from audit_events where type = 'person.read'`.execute(
        tx,
      ),
    );
    log(`  audit events written for the reads: ${auditRows.rows[0]?.n}`);

    const pgbenchTps = await runPgbench(url.toString(), org.id, users, personIds);
    log(`pgbench: same statements raw, ${connections} clients, ${seconds} s`);
    log(`  ${pgbenchTps.toFixed(0)} transactions/s`);
    log(`Ratio Fristad / raw SQL: ${(fristadRps / pgbenchTps).toFixed(2)}`);
  } finally {
    await handle.close();
    await admin.query(`drop database if exists ${dbName} with (force)`);
    await admin.end();
  }
};

/** The statements one Fristad read runs, in its three transactions, for pgbench. */
const runPgbench = async (
  url: string,
  organisationId: string,
  users: { id: string; chain: string }[],
  personIds: string[],
) => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('create table bench_person_ids (n int primary key, id uuid not null)');
  await client.query(
    'create table bench_actors (n int primary key, user_id uuid not null, chain text not null, session_hash text not null)',
  );
  await client.query('grant select on bench_person_ids, bench_actors to fristad_app');
  for (let index = 0; index < personIds.length; index += 1) {
    await client.query('insert into bench_person_ids values ($1, $2)', [
      index + 1,
      personIds[index],
    ]);
  }
  for (let index = 0; index < users.length; index += 1) {
    const session = await client.query<{ id_hash: string }>(
      'select id_hash from sessions where user_id = $1 limit 1',
      [users[index]!.id],
    );
    await client.query('insert into bench_actors values ($1, $2, $3, $4)', [
      index + 1,
      users[index]!.id,
      users[index]!.chain,
      session.rows[0]!.id_hash,
    ]);
  }
  await client.end();

  const script = `
\\set n random(1, ${personIds.length})
\\set a random(1, ${users.length})
SELECT user_id, session_hash, chain FROM bench_actors WHERE n = :a \\gset
BEGIN;
SELECT * FROM sessions WHERE id_hash = :session_hash AND ended_at IS NULL;
SELECT role FROM role_assignments WHERE user_id = :user_id;
COMMIT;
BEGIN;
SELECT ra.unit_id, ra.role, u.secrecy_area_id FROM role_assignments ra JOIN units u ON u.id = ra.unit_id WHERE ra.user_id = :user_id AND ra.organisation_id = '${organisationId}';
SELECT id, person_id, reason, expires_at FROM break_glass_grants WHERE user_id = :user_id AND organisation_id = '${organisationId}' AND expires_at > now();
COMMIT;
SELECT id AS person_id FROM bench_person_ids WHERE n = :n \\gset
BEGIN;
SELECT set_config('fristad.organisation_id', '${organisationId}', true), set_config('fristad.user_id', :user_id, true);
SET LOCAL ROLE fristad_app;
SELECT p.*, u.secrecy_area_id, u.name FROM persons p JOIN units u ON u.id = p.unit_id WHERE p.id = :person_id;
SELECT user_id FROM person_assignments WHERE person_id = :person_id;
INSERT INTO audit_chain_heads (chain, organisation_id, last_seq, last_hash) VALUES (:chain, '${organisationId}', 0, 'genesis') ON CONFLICT (chain) DO NOTHING;
SELECT last_seq, last_hash FROM audit_chain_heads WHERE chain = :chain FOR UPDATE \\gset
INSERT INTO audit_events (chain, chain_seq, occurred_at, type, organisation_id, actor_user_id, person_id, outcome, reason, details, prev_hash, hash)
  VALUES (:chain, :last_seq + 1, now(), 'person.read', '${organisationId}', :user_id, :person_id, 'allowed', 'access.same_secrecy_area', '{}', :last_hash, md5(:last_hash || :last_seq));
UPDATE audit_chain_heads SET last_seq = :last_seq + 1, last_hash = md5(:last_hash || :last_seq) WHERE chain = :chain;
COMMIT;
`;
  const dir = mkdtempSync(join(tmpdir(), 'fristad-bench-'));
  writeFileSync(join(dir, 'read.sql'), script);
  const output = execFileSync(
    'pgbench',
    [
      '-n',
      // Parameters bound as the application's driver binds them (extended protocol).
      '-M',
      'extended',
      '-c',
      String(connections),
      '-j',
      '2',
      '-T',
      String(seconds),
      '-f',
      join(dir, 'read.sql'),
      url,
    ],
    { encoding: 'utf8' },
  );
  const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(output)?.[1];
  if (!tps) throw new Error(`pgbench printed no tps:\n${output}`);
  return Number(tps);
};

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
