import { sql, type Kysely } from 'kysely';

/**
 * Row-level security for tables that belong to one organisation: the request's organisation
 * (set per transaction, see transaction.ts) sees and writes its own rows, nothing else.
 */
export const isolateByOrganisation = async (
  db: Kysely<unknown>,
  tables: readonly string[],
  grants = 'select, insert, update',
): Promise<void> => {
  for (const table of tables)
    await sql`
      alter table ${sql.table(table)} enable row level security;
      create policy organisation_isolation on ${sql.table(table)} to fristad_app
        using (organisation_id = nullif(current_setting('fristad.organisation_id', true), '')::uuid)
        with check (organisation_id = nullif(current_setting('fristad.organisation_id', true), '')::uuid);
      grant ${sql.raw(grants)} on ${sql.table(table)} to fristad_app;
    `.execute(db);
};
