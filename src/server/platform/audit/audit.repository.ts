import { sql } from 'kysely';
import type { AuditEventInput } from '../../../domain/audit/events';
import type { Tx } from '../db/transaction';
import { chainFor, genesisHash, hashEvent } from './audit-hash';

/**
 * Appends one audit event to its chain inside the caller's transaction. The chain head row is
 * locked until the transaction ends, so events in one chain get gap-free sequence numbers in
 * commit order; if the work rolls back, so does its audit event and the head.
 */
export const appendAuditEvent = async (
  tx: Tx,
  event: AuditEventInput,
  now: Date,
): Promise<void> => {
  const chain = chainFor(event.organisationId, event.actorUserId);
  // Creates the head on first use, otherwise locks it (a no-op update) and returns it: one
  // round trip instead of insert + select for update.
  const head = await tx
    .insertInto('auditChainHeads')
    .values({ chain, organisationId: event.organisationId, lastSeq: 0, lastHash: genesisHash })
    .onConflict((conflict) =>
      conflict.column('chain').doUpdateSet((eb) => ({ chain: eb.ref('excluded.chain') })),
    )
    .returning(['lastSeq', 'lastHash'])
    .executeTakeFirstOrThrow();

  const row = {
    chain,
    chainSeq: String(BigInt(head.lastSeq) + 1n),
    occurredAt: now,
    type: event.type,
    organisationId: event.organisationId,
    actorUserId: event.actorUserId,
    personId: event.personId ?? null,
    outcome: event.outcome,
    reason: event.reason ?? null,
    breakGlassId: event.breakGlassId ?? null,
    requestId: event.requestId ?? null,
    details: event.details ?? {},
    prevHash: head.lastHash,
  };
  const hash = hashEvent(row);
  // The event and the new head in one statement.
  await tx
    .with('appended', (db) =>
      db
        .insertInto('auditEvents')
        .values({ ...row, details: JSON.stringify(row.details), hash })
        .returning('id'),
    )
    .updateTable('auditChainHeads')
    .set({ lastSeq: row.chainSeq, lastHash: hash })
    .where('chain', '=', chain)
    .execute();
};

export type AuditFinding = {
  chain: string;
  /** The sequence number in the chain where the problem shows. */
  chainSeq: string;
  eventId: string | null;
  problem: 'altered' | 'missing' | 'out_of_order' | 'tail_missing';
  detail: string;
};

const pageSize = 5000;

/**
 * Walks every chain and recomputes every hash. Finds edited events (hash differs), removed
 * events (a gap, or the head points past the last event) and reordered events (links broken).
 */
export const verifyAuditLog = async (
  tx: Tx,
): Promise<{ events: number; chains: number; findings: AuditFinding[] }> => {
  const heads = await tx.selectFrom('auditChainHeads').selectAll().orderBy('chain').execute();
  const orphanChains = await tx
    .selectFrom('auditEvents')
    .select('chain')
    .distinct()
    .where('chain', 'not in', heads.length ? heads.map((head) => head.chain) : [''])
    .execute();
  const findings: AuditFinding[] = [];
  let events = 0;

  for (const chain of orphanChains) {
    findings.push({
      chain: chain.chain,
      chainSeq: '?',
      eventId: null,
      problem: 'altered',
      detail: 'chain has no head',
    });
  }

  for (const head of heads) {
    let expectedSeq = 1n;
    let prevHash = genesisHash;
    let lastSeq = 0n;
    for (let from = 0n; ;) {
      const page = await tx
        .selectFrom('auditEvents')
        .selectAll()
        .where('chain', '=', head.chain)
        .where(sql<boolean>`chain_seq > ${String(from)}`)
        .orderBy('chainSeq')
        .limit(pageSize)
        .execute();
      for (const row of page) {
        events += 1;
        const seq = BigInt(row.chainSeq);
        if (seq !== expectedSeq) {
          findings.push({
            chain: head.chain,
            chainSeq: String(expectedSeq),
            eventId: null,
            problem: 'missing',
            detail: `events ${expectedSeq}–${seq - 1n} are missing before event id ${row.id}`,
          });
        } else if (row.prevHash !== prevHash) {
          findings.push({
            chain: head.chain,
            chainSeq: row.chainSeq,
            eventId: row.id,
            problem: 'out_of_order',
            detail: 'link to the previous event is broken',
          });
        }
        if (hashEvent({ ...row, details: row.details }) !== row.hash) {
          findings.push({
            chain: head.chain,
            chainSeq: row.chainSeq,
            eventId: row.id,
            problem: 'altered',
            detail: 'content does not match its hash',
          });
        }
        expectedSeq = seq + 1n;
        prevHash = row.hash;
        lastSeq = seq;
        from = seq;
      }
      if (page.length < pageSize) break;
    }
    if (String(lastSeq) !== String(head.lastSeq) || (lastSeq > 0n && prevHash !== head.lastHash)) {
      findings.push({
        chain: head.chain,
        chainSeq: String(head.lastSeq),
        eventId: null,
        problem: 'tail_missing',
        detail: `the chain head expects event ${head.lastSeq} but the log ends at ${lastSeq}`,
      });
    }
  }
  return { events, chains: heads.length, findings };
};
