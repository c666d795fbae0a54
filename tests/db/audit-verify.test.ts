import { spawnSync } from 'node:child_process';
import { sql } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import { runAuditVerify } from '../../src/cli/audit-verify';
import { appendAuditEvent } from '../../src/server/platform/audit/audit.repository';
import { asSystem } from '../../src/server/platform/db/transaction';
import { engineAvailable, testEngine } from '../helpers/test-database';
import { useTestWorld } from '../helpers/test-world';

describe.runIf(engineAvailable)('fristad audit verify', () => {
  const t = useTestWorld({ app: false });
  const actor = '00000000-0000-4000-8000-000000000001';

  const verify = async () => {
    const lines: string[] = [];
    const ok = await runAuditVerify(t.database.db, (line) => lines.push(line));
    return { ok, output: lines.join('\n') };
  };

  const eventIds = () =>
    asSystem(t.database.db, (tx) =>
      tx
        .selectFrom('auditEvents')
        .select(['id', 'chainSeq'])
        .where('actorUserId', '=', actor)
        .orderBy('chainSeq')
        .execute(),
    );

  // Each test starts from the same five untouched events (the owner may delete; the app may not).
  beforeEach(async () => {
    await asSystem(t.database.db, async (tx) => {
      await tx.deleteFrom('auditEvents').execute();
      await tx.deleteFrom('auditChainHeads').execute();
    });
    for (let index = 0; index < 5; index += 1) {
      await asSystem(t.database.db, (tx) =>
        appendAuditEvent(
          tx,
          {
            type: 'person.read',
            organisationId: t.world.north.org.id,
            actorUserId: actor,
            outcome: 'allowed',
            reason: 'access.same_secrecy_area',
            details: { index },
          },
          new Date(Date.UTC(2026, 10, 24, 9, index)),
        ),
      );
    }
  });

  it('passes an untouched log', async () => {
    const result = await verify();
    expect(result.ok).toBe(true);
    expect(result.output).toContain('Kontrollerade 5 händelser');
  });

  it('catches an edited event and says which', async () => {
    const [, second] = await eventIds();
    await asSystem(t.database.db, (tx) =>
      sql`update audit_events set reason = 'ändrad i efterhand' where id = ${second!.id}`.execute(
        tx,
      ),
    );
    const result = await verify();
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(new RegExp(`FEL altered .* nr=2 id=${second!.id}`));
  });

  it('catches a deleted event in the middle', async () => {
    const [, , third] = await eventIds();
    await asSystem(t.database.db, (tx) =>
      sql`delete from audit_events where id = ${third!.id}`.execute(tx),
    );
    const result = await verify();
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/FEL missing .* nr=3/);
  });

  it('catches the last event deleted', async () => {
    const events = await eventIds();
    await asSystem(t.database.db, (tx) =>
      sql`delete from audit_events where id = ${events.at(-1)!.id}`.execute(tx),
    );
    const result = await verify();
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/FEL tail_missing .* nr=5/);
  });

  it('catches two events swapped in order', async () => {
    const [first, second] = await eventIds();
    await asSystem(t.database.db, async (tx) => {
      await sql`update audit_events set chain_seq = -1 where id = ${first!.id}`.execute(tx);
      await sql`update audit_events set chain_seq = 1 where id = ${second!.id}`.execute(tx);
      await sql`update audit_events set chain_seq = 2 where id = ${first!.id}`.execute(tx);
    });
    const result = await verify();
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/FEL (out_of_order|altered) .* nr=1/);
  });

  // The command as an operator types it, on a PostgreSQL server (PGlite here is in memory).
  it.runIf(testEngine === 'postgres')(
    'the command exits 1 and names the event when one is deleted',
    async () => {
      const [first] = await eventIds();
      await asSystem(t.database.db, (tx) =>
        sql`delete from audit_events where id = ${first!.id}`.execute(tx),
      );
      const run = spawnSync('npx', ['tsx', 'src/cli/main.ts', 'audit', 'verify'], {
        env: { ...process.env, DATABASE_URL: t.database.url, FRISTAD_LOG_LEVEL: 'silent' },
        encoding: 'utf8',
      });
      expect(run.status).toBe(1);
      expect(run.stdout).toMatch(/FEL missing .* nr=1/);
    },
  );
});
