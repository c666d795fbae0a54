import { sql, type Kysely } from 'kysely';
import { isolateByOrganisation } from './row-security';

/**
 * Point-prevalence surveys (digest 004): a short period in which each unit reports how many
 * people it knows of per category; counts only, never who.
 */
export const up = async (db: Kysely<unknown>): Promise<void> => {
  await sql`
    create table prevalence_surveys (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id),
      title text not null,
      opens_on date not null,
      closes_on date not null check (closes_on >= opens_on),
      created_by uuid not null references users(id),
      created_at timestamptz not null
    );
    create table prevalence_reports (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id),
      survey_id uuid not null references prevalence_surveys(id),
      unit_id uuid not null references units(id),
      category text not null
        check (category in ('adultVictim','childExposed','perpetrator','honourRelated')),
      count integer not null check (count between 0 and 100000),
      reported_by uuid not null references users(id),
      reported_at timestamptz not null,
      unique (survey_id, unit_id, category)
    );
  `.execute(db);
  await isolateByOrganisation(db, ['prevalence_surveys', 'prevalence_reports']);
};

export const down = async (db: Kysely<unknown>): Promise<void> => {
  await sql`drop table prevalence_reports, prevalence_surveys`.execute(db);
};
