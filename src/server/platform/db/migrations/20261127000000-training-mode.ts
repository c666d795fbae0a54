import { sql, type Kysely } from 'kysely';

/**
 * Training mode (issue 8): practice cases with invented people, marked so they are kept apart
 * from real records in every list and left out of every statistic.
 */
export const up = async (db: Kysely<unknown>): Promise<void> => {
  await sql`
    alter table persons add column practice boolean not null default false;
    alter table cases add column practice boolean not null default false;
  `.execute(db);
};

export const down = async (db: Kysely<unknown>): Promise<void> => {
  await sql`
    alter table cases drop column practice;
    alter table persons drop column practice;
  `.execute(db);
};
