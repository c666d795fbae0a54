import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { failureMemoryMinutes } from '../../../domain/identity/sign-in-rules';
import type { Tx } from '../../platform/db/transaction';

/**
 * Failed sign-ins per username and address. The username is stored as a hash (people type their
 * password into it by mistake) and counted whether or not such a user exists, so an unknown and
 * a known username behave alike.
 */
export const usernameKey = (username: string) =>
  createHash('sha256').update(username.trim().toLowerCase()).digest('hex');

export const findSignInWait = (tx: Tx, key: string, address: string) =>
  tx
    .selectFrom('signInFailures')
    .select(['failures', 'lockedUntil'])
    .where('usernameKey', '=', key)
    .where('address', '=', address)
    .executeTakeFirst();

/** Adds one failure in one statement, so parallel guesses cannot slip past the count. */
export const addSignInFailure = async (tx: Tx, key: string, address: string, now: Date) =>
  (
    await sql<{ failures: number }>`
      insert into sign_in_failures (username_key, address, failures, last_failed_at)
      values (${key}, ${address}, 1, ${now})
      on conflict (username_key, address) do update set
        failures = case
          when sign_in_failures.last_failed_at < ${now}::timestamptz - make_interval(mins => ${failureMemoryMinutes})
          then 1 else sign_in_failures.failures + 1 end,
        last_failed_at = ${now}
      returning failures`.execute(tx)
  ).rows[0]!.failures;

export const setSignInWait = (tx: Tx, key: string, address: string, until: Date) =>
  tx
    .updateTable('signInFailures')
    .set({ lockedUntil: until })
    .where('usernameKey', '=', key)
    .where('address', '=', address)
    .execute();

export const clearSignInFailures = (tx: Tx, key: string, address: string) =>
  tx
    .deleteFrom('signInFailures')
    .where('usernameKey', '=', key)
    .where('address', '=', address)
    .execute();
