import fc from 'fast-check';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildAccessMatrix, type MatrixFixture } from '../helpers/access-matrix';
import type { TestClient } from '../helpers/test-app';
import { testEngine } from '../helpers/test-database';
import { useTestWorld } from '../helpers/test-world';

/**
 * The API fuzzer (issue 18): requests generated from the OpenAPI description of every route —
 * path ids that exist, that belong to someone else or to nobody, bodies shaped like the schema
 * and bodies that are not — sent by workers of several roles and secrecy areas. Whatever comes
 * in, the server answers without a 5xx, and a refused request (4xx) changes nothing but the audit
 * log. Seeded, so a failure repeats; FRISTAD_FUZZ_RUNS sets the count (5,000 in the suite;
 * the documented long run is 100,000: `FRISTAD_FUZZ_RUNS=100000 npx vitest run --project pglite
 * tests/db/fuzz.test.ts`).
 */
const runs = Number(process.env.FRISTAD_FUZZ_RUNS ?? 5000);
const seed = Number(process.env.FRISTAD_FUZZ_SEED ?? 20261207);

/** Routes that end the caller's session or sign in: they would stop the fuzzing clients. */
const notFuzzed = /^\/api\/(auth|oidc|session)\b|^\/api\/docs/;

/** Tables whose change is the point of a refusal (its audit event) or a session's own bookkeeping. */
const changedByAnyRequest = new Set([
  'audit_events',
  'audit_chain_heads',
  'sessions',
  'sign_in_failures',
  'oidc_login_states',
  'kysely_migration',
  'kysely_migration_lock',
]);

type Schema = {
  type?: string | string[];
  enum?: unknown[];
  format?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  minimum?: number;
  maximum?: number;
};
type Operation = {
  parameters?: { in: string; name: string; schema?: Schema; required?: boolean }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
};

const junk = fc.oneof(
  fc.constant(null),
  fc.constant(''),
  fc.constant(' '),
  fc.constant("' or 1=1 --"),
  fc.constant('\u0000'),
  fc.constant('18900101-0002'),
  fc.constant('2026-02-30'),
  fc.constant('00000000-0000-4000-8000-000000000000'),
  fc.constant('x'.repeat(5000)),
  fc.integer({ min: -2_147_483_649, max: 2_147_483_649 }),
  fc.double({ noNaN: true }),
  fc.boolean(),
  fc.string(),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
);

/** Any generated value as text for a URL (objects may have no prototype to call toString on). */
const asText = (value: unknown) =>
  typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);

describe.runIf(testEngine === 'pglite')('fuzzing the API', () => {
  const t = useTestWorld();
  let fixture: MatrixFixture;
  let ids: string[];

  beforeAll(async () => {
    fixture = await buildAccessMatrix(t.database, t.testApp, t.world);
    ids = [
      ...new Set(
        fixture.subjects.flatMap((subject) => [
          ...Object.values(subject.params),
          subject.unitId,
          subject.organisationId,
        ]),
      ),
      fixture.owner.userId,
      fixture.colleague.userId,
      fixture.police.userId,
      fixture.police.unitId,
      fixture.world.north.childUnit.id,
      fixture.world.south.adultUnit.id,
    ].filter((id): id is string => typeof id === 'string');
  }, 240_000);

  /** A value for a schema: mostly of its shape (reaching the commands), sometimes anything. */
  const valueFor = (schema: Schema | undefined, depth = 0): fc.Arbitrary<unknown> => {
    if (!schema || depth > 4) return junk;
    const alternatives = schema.anyOf ?? schema.oneOf;
    if (alternatives) return fc.oneof(...alternatives.map((entry) => valueFor(entry, depth + 1)));
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    const shaped = ((): fc.Arbitrary<unknown> => {
      if (schema.enum) return fc.constantFrom(...schema.enum);
      if (types.includes('object'))
        return fc.record(
          Object.fromEntries(
            Object.entries(schema.properties ?? {}).map(([key, property]) => [
              key,
              valueFor(property, depth + 1),
            ]),
          ),
          { requiredKeys: schema.required ?? [] },
        );
      if (types.includes('array'))
        return fc.array(valueFor(schema.items, depth + 1), { maxLength: 3 });
      if (types.includes('integer'))
        return fc.integer({
          min: schema.minimum ?? -5,
          max: Math.min(schema.maximum ?? 10, 10_000),
        });
      if (types.includes('number')) return fc.double({ min: -5, max: 100, noNaN: true });
      if (types.includes('boolean')) return fc.boolean();
      if (schema.format === 'uuid') return fc.oneof(fc.constantFrom(...ids), fc.uuid());
      if (schema.format === 'date')
        return fc.constantFrom('2026-11-24', '2026-12-31', '2027-01-15', '2020-01-01');
      if (types.includes('string'))
        return fc.oneof(
          fc.string({ maxLength: 40 }),
          fc.constantFrom('Övning', 'Samtycke till polisen'),
        );
      return junk;
    })();
    return fc.oneof({ arbitrary: shaped, weight: 6 }, { arbitrary: junk, weight: 1 });
  };

  it('answers every generated request without a 5xx, and a refused one changes nothing', async () => {
    const spec = (await t.testApp.app.inject({ method: 'GET', url: '/api/docs/json' })).json<{
      paths: Record<string, Record<string, Operation>>;
    }>();
    const operations = Object.entries(spec.paths).flatMap(([path, methods]) =>
      notFuzzed.test(path)
        ? []
        : Object.entries(methods).map(([method, operation]) => ({
            method: method.toUpperCase() as 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
            path,
            operation,
          })),
    );
    expect(operations.length).toBeGreaterThan(100);
    const clients: TestClient[] = [
      fixture.owner.client,
      fixture.perpetratorWorker.client,
      fixture.police.client,
      ...fixture.actors.filter((_, index) => index % 3 === 0).map((actor) => actor.client),
    ];

    const tables = (
      await sql<{ tableName: string }>`
        select table_name from information_schema.tables
         where table_schema = 'public' and table_type = 'BASE TABLE'`.execute(t.database.db)
    ).rows
      .map((row) => row.tableName)
      .filter((name) => !changedByAnyRequest.has(name));
    // One statement: every row of every table hashed and summed.
    const fingerprint = async () =>
      (
        await sql<{ sum: string }>`select (${sql.join(
          tables.map(
            (table) =>
              sql`(select coalesce(sum(hashtext(t::text)::bigint), 0) + count(*) from ${sql.table(table)} as t)`,
          ),
          sql` + `,
        )})::text as sum`.execute(t.database.db)
      ).rows[0]!.sum;

    const request = fc
      .record({
        at: fc.nat({ max: operations.length - 1 }),
        client: fc.nat({ max: clients.length - 1 }),
        ownId: fc.double({ min: 0, max: 1, noNaN: true }),
      })
      .chain(({ at, client }) => {
        const { method, path, operation } = operations[at]!;
        const parameters = operation.parameters ?? [];
        const inPath = parameters.filter((parameter) => parameter.in === 'path');
        const inQuery = parameters.filter((parameter) => parameter.in === 'query');
        const bodySchema = operation.requestBody?.content?.['application/json']?.schema;
        return fc.record({
          method: fc.constant(method),
          path: fc.constant(path),
          client: fc.constant(client),
          params: fc.tuple(
            ...inPath.map(() =>
              fc.oneof(
                { arbitrary: fc.constantFrom(...ids), weight: 8 },
                { arbitrary: fc.uuid(), weight: 1 },
                { arbitrary: fc.constantFrom('x', '0', '%27', 'null'), weight: 1 },
              ),
            ),
          ),
          query: fc.tuple(
            ...inQuery.map((parameter) =>
              fc
                .option(valueFor(parameter.schema), { nil: undefined })
                .map((value) =>
                  value === undefined
                    ? ''
                    : `${parameter.name}=${encodeURIComponent(asText(value))}`,
                ),
            ),
          ),
          body: bodySchema
            ? fc.option(valueFor(bodySchema), { nil: undefined })
            : fc.constant(undefined),
        });
      });

    const failures: string[] = [];
    let before = await fingerprint();
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(request, async (generated) => {
        let index = 0;
        const url =
          generated.path.replace(/\{[^}]+\}/g, () =>
            encodeURIComponent(asText(generated.params[index++])),
          ) +
          (generated.query.some(Boolean) ? `?${generated.query.filter(Boolean).join('&')}` : '');
        const response = await clients[generated.client]!.request(generated.method, url, {
          ...(generated.body !== undefined ? { body: generated.body } : {}),
        });
        const after = await fingerprint();
        const where = `${generated.method} ${url} → ${response.statusCode}`;
        if (response.statusCode >= 500) failures.push(`${where}: ${response.body.slice(0, 200)}`);
        if (response.statusCode >= 400 && response.statusCode < 500) {
          refused += 1;
          if (after !== before) failures.push(`${where} changed the database`);
        }
        before = after;
        return failures.length === 0;
      }),
      { numRuns: runs, seed, endOnFailure: true },
    );
    expect(failures).toEqual([]);
    expect(
      refused,
      'most generated requests are refused: the fuzzer reaches validation and access',
    ).toBeGreaterThan(runs / 4);
    console.info(`fuzz: ${runs} requests (seed ${seed}), ${refused} refused, 0 × 5xx`);
  }, 1_800_000);
});
