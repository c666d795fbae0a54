import { sql, type Kysely } from 'kysely';

/**
 * Training mode's feedback (issue 8): a practice case remembers the scenario it was opened from,
 * so the worker can be shown which of the scenario's steps the case shows done.
 */
export const up = async (db: Kysely<unknown>): Promise<void> => {
  await sql`
    alter table cases add column practice_scenario_id text;
    alter table cases add constraint cases_scenario_only_in_practice
      check (practice_scenario_id is null or practice);
  `.execute(db);
};

export const down = async (db: Kysely<unknown>): Promise<void> => {
  await sql`alter table cases drop column practice_scenario_id`.execute(db);
};
