import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from './schema';

export type Tx = Transaction<Database>;

/** Whose request a transaction serves; row-level security is keyed on these two values. */
export type TxScope = { organisationId: string; userId: string };

/**
 * Runs `work` in one transaction as the restricted role fristad_app, with the request's
 * organisation and user set for row-level security. Everything a request does to personal
 * data, audit event included, happens inside one of these: a failure leaves nothing behind.
 */
export const inScope = <T>(
  db: Kysely<Database>,
  scope: TxScope,
  work: (tx: Tx) => Promise<T>,
): Promise<T> =>
  db.transaction().execute(async (tx) => {
    // One round trip: set_config('role', …, true) is SET LOCAL ROLE.
    await sql`select set_config('fristad.organisation_id', ${scope.organisationId}, true),
                     set_config('fristad.user_id', ${scope.userId}, true),
                     set_config('role', 'fristad_app', true)`.execute(tx);
    return work(tx);
  });

/**
 * Runs `work` in one transaction as the schema owner, outside row-level security. Only for
 * the named system tasks that must see across organisations before one is chosen: sign-in,
 * sessions, migrations, seeding and audit verification. Never for a user's data request.
 */
export const asSystem = <T>(db: Kysely<Database>, work: (tx: Tx) => Promise<T>): Promise<T> =>
  db.transaction().execute(work);
