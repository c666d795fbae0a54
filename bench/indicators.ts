/**
 * Benchmark (not a test): every indicator for every municipality of the invented national
 * dataset (bench/national-dataset.ts: 290 municipalities, ~30 cases per 10,000 adults), each
 * computed as a request computes it — in its own transaction under the organisation's
 * row-level security — then released (small counts withheld) and totalled per county. Runs on
 * embedded PGlite and, when one answers, on the PostgreSQL server. Run: npm run bench:indicators
 * (target: all 290 in < 2 s).
 */
import { migrateToLatest, type DatabaseHandle } from '../src/server/platform/db/database';
import { asSystem, inScope } from '../src/server/platform/db/transaction';
import {
  organisationFigures,
  releaseLevels,
} from '../src/server/features/indicators/organisation-figures';
import { catalogues } from './catalogues';
import { onEachEngine, runBench } from './engines';
import { seedNationalDataset } from './national-dataset';

const runs = Number(process.env.BENCH_RUNS ?? 5);
const period = { from: '2026-01-01', to: '2026-12-31' };
const log = (line: string) => process.stdout.write(`${line}\n`);

const measure = async (engine: string, handle: DatabaseHandle) => {
  await migrateToLatest(handle.db);
  const seeded = Date.now();
  const dataset = await seedNationalDataset(handle.db);
  log(
    `${engine}: seeded ${dataset.municipalities} municipalities, ${dataset.cases} cases in ${((Date.now() - seeded) / 1000).toFixed(1)} s`,
  );
  const { municipalities, users } = await asSystem(handle.db, async (tx) => ({
    municipalities: await tx
      .selectFrom('organisations')
      .select(['id', 'scbCode', 'countyCode'])
      .execute(),
    users: await tx.selectFrom('users').select(['id', 'username']).execute(),
  }));
  const userOf = new Map(users.map((user) => [user.username, user.id]));
  const organisations = municipalities.map((organisation) => ({
    ...organisation,
    userId: userOf.get(`bench-${organisation.scbCode}`)!,
  }));
  const deps = catalogues();
  const timings: number[] = [];
  let withheld = 0;
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    const byCounty = new Map<string, number>();
    withheld = 0;
    for (const organisation of organisations) {
      const { levels } = await inScope(
        handle.db,
        { organisationId: organisation.id, userId: organisation.userId },
        // Computed as after the year's end, so every run measures the same days.
        (tx) => organisationFigures(tx, deps, organisation.id, period, period.to),
      );
      // Released as a publication to the county is: together with the units.
      const released = releaseLevels(deps.indicators, levels).whole;
      withheld += released.filter((figure) => figure.suppressed).length;
      const opened = released.find((figure) => figure.id === 'actualisedCases');
      byCounty.set(
        organisation.countyCode!,
        (byCounty.get(organisation.countyCode!) ?? 0) + (opened?.count ?? 0),
      );
    }
    timings.push(performance.now() - started);
  }
  const sorted = [...timings].sort((a, b) => a - b);
  log(
    `${engine}: all ${deps.indicators.indicators.length} indicators for ${organisations.length} municipalities and their units, ${runs} runs: ` +
      `median ${(sorted[Math.floor(runs / 2)]! / 1000).toFixed(2)} s, best ${(sorted[0]! / 1000).toFixed(2)} s ` +
      `(${withheld} municipal figures withheld as small)`,
  );
};

runBench(() => onEachEngine('indicators', measure, log));
