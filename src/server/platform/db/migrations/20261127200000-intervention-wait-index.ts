import { sql, type Kysely } from 'kysely';

/**
 * The wait from decision to first session (issue 8) reads an organisation's intervention
 * sessions; like every table the indicator facts read, they get an index that starts with the
 * organisation, so one municipality does not scan the country's sessions.
 */
export const up = async (db: Kysely<unknown>): Promise<void> => {
  await sql`
    create index intervention_sessions_organisation_idx on intervention_sessions (organisation_id)
  `.execute(db);
};

export const down = async (db: Kysely<unknown>): Promise<void> => {
  await sql`drop index intervention_sessions_organisation_idx`.execute(db);
};
