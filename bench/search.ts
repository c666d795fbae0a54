/**
 * Benchmark (not a test): person search by name and by personnummer over HTTP on the
 * municipality dataset, through session, policy, row-level security and audit. Runs on
 * embedded PGlite (npm start's default) and, when one answers, on the PostgreSQL server.
 * Prints p50/p95/p99 per engine. Run: npm run bench:search  (target p95 < 20 ms)
 */
import { scaleSizes } from '../src/cli/seed';
import { loadConfig } from '../src/server/config';
import { catalogues } from './catalogues';
import { ephemeralKeyRing } from '../src/server/platform/crypto/key-ring';
import { migrateToLatest, type DatabaseHandle } from '../src/server/platform/db/database';
import { onEachEngine, runBench } from './engines';
import { asSystem } from '../src/server/platform/db/transaction';
import { buildApp } from '../src/server/platform/http/app';
import { generateSynthetic } from '../src/server/seed/synthetic';
import { buildSignedUpUser } from '../tests/factories/world';
import { signIn } from './http-sign-in';

const searches = Number(process.env.BENCH_SEARCHES ?? 600);
const log = (line: string) => process.stdout.write(`${line}\n`);

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

const measure = async (engine: string, handle: DatabaseHandle) => {
  await migrateToLatest(handle.db);
  const keys = ephemeralKeyRing();
  const started = Date.now();
  await generateSynthetic(handle.db, keys, scaleSizes.municipality, () => {});
  log(
    `${engine}: seeded ${scaleSizes.municipality.personsPerMunicipality} persons in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );

  // A team leader holding roles in every unit searches the whole municipality.
  const units = await asSystem(handle.db, (tx) =>
    tx.selectFrom('units').select(['id', 'organisationId']).execute(),
  );
  const user = await buildSignedUpUser(handle, keys, {
    organisationId: units[0]!.organisationId,
    unitId: units[0]!.id,
    role: 'teamLeader',
  });
  await asSystem(handle.db, (tx) =>
    tx
      .insertInto('roleAssignments')
      .values(
        units.slice(1).map((unit) => ({
          userId: user.id,
          organisationId: unit.organisationId,
          unitId: unit.id,
          role: 'teamLeader' as const,
        })),
      )
      .execute(),
  );
  const persons = await asSystem(handle.db, (tx) =>
    tx.selectFrom('persons').select(['givenName', 'familyName', 'personalNumber']).execute(),
  );

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
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const cookie = await signIn(base, user.username, user.password, user.totpSecret);

  const queries = Array.from({ length: searches }, (_, index) => {
    const person = persons[(index * 7919) % persons.length]!;
    switch (index % 4) {
      case 0:
        return person.familyName.slice(0, 3);
      case 1:
        return `${person.givenName} ${person.familyName.slice(0, 2)}`;
      case 2:
        return person.personalNumber!;
      default:
        return person.personalNumber!.slice(0, 8);
    }
  });
  const timings: number[] = [];
  let results = 0;
  for (const [index, query] of queries.entries()) {
    const startedAt = performance.now();
    const response = await fetch(`${base}/api/persons/search?q=${encodeURIComponent(query)}`, {
      headers: { cookie },
    });
    const body = (await response.json()) as unknown[];
    const elapsed = performance.now() - startedAt;
    if (!response.ok) throw new Error(`search failed: ${response.status}`);
    results += body.length;
    if (index >= 20) timings.push(elapsed); // the first few warm caches and JIT
  }
  await app.close();
  const sorted = timings.sort((a, b) => a - b);
  log(
    `${engine}: ${timings.length} searches (name, name+word, personnummer, date), ${(results / queries.length).toFixed(1)} hits on average; ` +
      `p50 ${percentile(sorted, 50).toFixed(1)} ms, p95 ${percentile(sorted, 95).toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(1)} ms`,
  );
};

runBench(() => onEachEngine('search', measure, log));
