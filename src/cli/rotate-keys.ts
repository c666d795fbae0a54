import { sql, type Kysely } from 'kysely';
import { appendAuditEvent } from '../server/platform/audit/audit.repository';
import {
  decryptField,
  encryptField,
  encryptedColumns,
  keyIdOf,
  type KeyRing,
} from '../server/platform/crypto/field-encryption';
import { addKeyToFile, loadKeyRing } from '../server/platform/crypto/key-ring';
import type { Database } from '../server/platform/db/schema';
import { asSystem } from '../server/platform/db/transaction';

/**
 * Re-encrypts every encrypted column with the active key, in one transaction: either every
 * value moves to the new key or none does. Old keys stay in the file until removed by hand.
 */
export const reencryptAll = async (
  db: Kysely<Database>,
  oldRing: KeyRing,
  newRing: KeyRing,
): Promise<number> =>
  asSystem(db, async (tx) => {
    // Lets the immutability trigger on signed risk assessments accept a new encryption of the
    // same content, for this transaction only.
    await sql`select set_config('fristad.reencrypting', 'on', true)`.execute(tx);
    let count = 0;
    for (const { table, column, key, context } of encryptedColumns) {
      const rows = await sql<{ id: string; value: string }>`
        select ${sql.ref(key)} as id, ${sql.ref(column)} as value from ${sql.table(table)}
        where ${sql.ref(column)} is not null`.execute(tx);
      for (const row of rows.rows) {
        if (keyIdOf(row.value) === newRing.activeKeyId) continue;
        const plain = decryptField(oldRing, context, row.value);
        await sql`update ${sql.table(table)} set ${sql.ref(column)} = ${encryptField(newRing, context, plain)}
          where ${sql.ref(key)} = ${row.id}`.execute(tx);
        count += 1;
      }
    }
    await appendAuditEvent(
      tx,
      {
        type: 'keys.rotated',
        organisationId: null,
        actorUserId: null,
        outcome: 'allowed',
        details: { values: count, activeKeyId: newRing.activeKeyId },
      },
      new Date(),
    );
    return count;
  });

export const runKeyRotation = async (
  db: Kysely<Database>,
  keyFile: string,
  print: (line: string) => void,
) => {
  const oldRing = loadKeyRing({ file: keyFile });
  const newRing = addKeyToFile(keyFile);
  const count = await reencryptAll(db, oldRing, newRing);
  print(`Ny aktiv nyckel ${newRing.activeKeyId}; ${count} värden krypterades om.`);
};
