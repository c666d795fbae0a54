import type { Kysely } from 'kysely';
import { appendAuditEvent, verifyAuditLog } from '../server/platform/audit/audit.repository';
import type { Database } from '../server/platform/db/schema';
import { asSystem } from '../server/platform/db/transaction';

/** Verifies the whole audit log and prints every finding; returns false if anything is wrong. */
export const runAuditVerify = async (
  db: Kysely<Database>,
  print: (line: string) => void,
): Promise<boolean> => {
  const result = await asSystem(db, (tx) => verifyAuditLog(tx));
  print(`Kontrollerade ${result.events} händelser i ${result.chains} kedjor.`);
  for (const finding of result.findings) {
    print(
      `FEL ${finding.problem} kedja=${finding.chain} nr=${finding.chainSeq}${finding.eventId ? ` id=${finding.eventId}` : ''}: ${finding.detail}`,
    );
  }
  if (result.findings.length === 0) print('Granskningsloggen är oförändrad.');
  // The verification itself is logged, after the check so it does not alter what was checked.
  await asSystem(db, (tx) =>
    appendAuditEvent(
      tx,
      {
        type: 'audit.verified',
        organisationId: null,
        actorUserId: null,
        outcome: result.findings.length ? 'failed' : 'allowed',
        details: { events: result.events, findings: result.findings.length },
      },
      new Date(),
    ),
  );
  return result.findings.length === 0;
};
