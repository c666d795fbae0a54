/**
 * Benchmark (not a test): the county synthesis of a mapping round as a PDF, the way the
 * report route makes it — the round read under the county board's row-level security,
 * compared, laid out and rendered. The round is as large as Sweden's largest county: 49
 * municipalities, two interview occasions each with six open answers, every item answered,
 * and an earlier round for the trend. Run: npm run bench:county-report (target < 1 s).
 */
import { printMappingReport } from '../src/server/features/mapping/mapping-commands';
import { loadConfig } from '../src/server/config';
import { ephemeralKeyRing } from '../src/server/platform/crypto/key-ring';
import { migrateToLatest, type DatabaseHandle } from '../src/server/platform/db/database';
import { asSystem } from '../src/server/platform/db/transaction';
import type { CommandContext } from '../src/server/platform/http/context';
import { itemsOf } from '../src/domain/mapping/template';
import { catalogues } from './catalogues';
import { onEachEngine, runBench } from './engines';

const municipalities = 49;
const runs = Number(process.env.BENCH_RUNS ?? 7);
const log = (line: string) => process.stdout.write(`${line}\n`);

const seedRounds = (handle: DatabaseHandle, deps: ReturnType<typeof catalogues>) =>
  asSystem(handle.db, async (tx) => {
    const board = await tx
      .insertInto('organisations')
      .values({ kind: 'countyBoard', name: 'Benchlän', countyCode: '60', fictitious: true })
      .returning('id')
      .executeTakeFirstOrThrow();
    const unit = await tx
      .insertInto('units')
      .values({ organisationId: board.id, name: 'Analys', kind: 'countyAnalysis' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const user = await tx
      .insertInto('users')
      .values({ username: 'bench-analyst', displayName: 'Bench', fictitious: true })
      .returning('id')
      .executeTakeFirstOrThrow();
    const template = deps.mapping.templates.find((entry) => entry.id === 'vasternorrland')!;
    let latest = '';
    for (const [index, year] of [2022, 2026].entries()) {
      const round = await tx
        .insertInto('mappingRounds')
        .values({
          organisationId: board.id,
          name: `Kartläggning ${year}`,
          templateId: template.id,
          templateVersion: deps.mapping.version,
          strategyPeriod: 'Regional strategi',
          periodFrom: `${year}-01-01`,
          periodTo: `${year}-12-31`,
          createdBy: user.id,
          createdAt: new Date(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      latest = round.id;
      for (let number = 0; number < municipalities; number += 1) {
        const municipality = await tx
          .insertInto('mappingMunicipalities')
          .values({
            organisationId: board.id,
            roundId: round.id,
            name: `Benchkommun ${number + 1}`,
            scbCode: `60${String(number).padStart(2, '0')}`,
            fristadOrganisationId: null,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        for (const occasion of [1, 2])
          await tx
            .insertInto('mappingSessions')
            .values({
              organisationId: board.id,
              roundId: round.id,
              municipalityId: municipality.id,
              label: `Benchkommun ${number + 1}:${occasion}`,
              heldOn: `${year}-05-0${occasion}`,
              mode: 'groupInterview',
              participants: JSON.stringify([
                { role: 'unitManager', count: 2 },
                { role: 'caseWorker', count: 4 },
              ]),
              scale: (number + occasion + index) % 11,
              openAnswers: JSON.stringify(
                (['works', 'works', 'next', 'next', 'countySupport', 'countySupport'] as const).map(
                  (question, position) => ({
                    question,
                    text: `Svar ${position + 1} från tillfälle ${occasion}: samverkan, utbildning och boende behöver utvecklas vidare i kommunen.`,
                    themes: position % 2 ? ['collaboration'] : [],
                  }),
                ),
              ),
              recordedBy: user.id,
              recordedAt: new Date(),
            })
            .execute();
        await tx
          .insertInto('mappingAnswers')
          .values(
            itemsOf(template).map((item) => ({
              organisationId: board.id,
              roundId: round.id,
              municipalityId: municipality.id,
              itemId: item.id,
              status: 'answered' as const,
              value: JSON.stringify(
                { number: 12, yesNoPartial: 'partly', multi: ['police'], text: 'Ett svar i text.' }[
                  item.answer.kind
                ],
              ),
              source: item.answer.kind === 'number' ? ('ownCount' as const) : null,
              answeredBy: user.id,
              answeredAt: new Date(),
            })),
          )
          .execute();
      }
    }
    return { boardId: board.id, unitId: unit.id, userId: user.id, roundId: latest };
  });

const measure = async (engine: string, handle: DatabaseHandle) => {
  await migrateToLatest(handle.db);
  const deps = catalogues();
  const seeded = await seedRounds(handle, deps);
  const ctx: CommandContext = {
    db: handle.db,
    keys: ephemeralKeyRing(),
    now: () => new Date(),
    config: loadConfig({}),
    ...deps,
    actor: {
      userId: seeded.userId,
      organisationId: seeded.boardId,
      roles: [{ unitId: seeded.unitId, role: 'countyAnalyst', secrecyAreaId: null }],
      secondFactorVerified: true,
      breakGlass: [],
    },
    requestId: 'bench',
    scope: { organisationId: seeded.boardId, userId: seeded.userId },
  };
  const timings: number[] = [];
  let bytes = 0;
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    const pdf = await printMappingReport(ctx, seeded.roundId, null, 'sv');
    timings.push(performance.now() - started);
    bytes = pdf.length;
  }
  const sorted = timings.slice(1).sort((a, b) => a - b); // the first run warms up
  log(
    `${engine}: county report for ${municipalities} municipalities (${(bytes / 1024).toFixed(0)} kB PDF), ${runs - 1} runs after a warm-up: ` +
      `median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(0)} ms, best ${sorted[0]!.toFixed(0)} ms`,
  );
};

runBench(() => onEachEngine('county_report', measure, log));
