import { sql, type Kysely } from 'kysely';

/**
 * Routine screening is configurable per unit and on by default, so a new unit asks about
 * violence until someone decides otherwise (and that decision is logged).
 */
export const up = async (db: Kysely<unknown>): Promise<void> => {
  await sql`
    alter table units add column routine_screening boolean not null default true;
    grant update (routine_screening, version) on units to fristad_app;
  `.execute(db);
};

export const down = async (db: Kysely<unknown>): Promise<void> => {
  await sql`
    revoke update (routine_screening, version) on units from fristad_app;
    alter table units drop column routine_screening;
  `.execute(db);
};
