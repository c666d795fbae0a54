import { sql, type Kysely } from 'kysely';
import { isolateByOrganisation } from './row-security';

/** Groups with a theme and a number of places, and who waits for them (digest 002). */
export const up = async (db: Kysely<unknown>): Promise<void> => {
  await sql`
    create table intervention_groups (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id),
      type_id uuid not null references intervention_types(id),
      theme text not null,
      capacity integer not null check (capacity between 1 and 30),
      starts_on date not null,
      created_at timestamptz not null
    );
    create table group_places (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id),
      group_id uuid not null references intervention_groups(id),
      case_id uuid not null references cases(id),
      added_on date not null,
      admitted_on date,
      left_on date,
      version integer not null default 1,
      unique (group_id, case_id)
    );
  `.execute(db);
  await isolateByOrganisation(db, ['intervention_groups', 'group_places']);
};

export const down = async (db: Kysely<unknown>): Promise<void> => {
  await sql`drop table group_places, intervention_groups`.execute(db);
};
