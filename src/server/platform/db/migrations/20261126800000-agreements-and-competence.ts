import { sql, type Kysely } from 'kysely';
import { isolateByOrganisation } from './row-security';

/**
 * The agreement register and the competence register (digest 001, 004): collaboration
 * agreements with their parties, status and review date; and staff training per course with
 * the day it was completed (a course's renewal is data in catalogues/competence.json).
 */
export const up = async (db: Kysely<unknown>): Promise<void> => {
  await sql`
    create table agreements (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id),
      title text not null,
      parties text[] not null,
      partner_kinds text[] not null default '{}',
      status text not null check (status in ('draft','active','expired','terminated')),
      signed_on date,
      review_on date,
      used_in_practice text not null check (used_in_practice in ('yes','partly','no','unknown')),
      updated_by uuid not null references users(id),
      updated_at timestamptz not null,
      version integer not null default 1
    );
    create table competence_records (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id),
      user_id uuid not null references users(id),
      course_code text not null,
      completed_on date not null,
      recorded_by uuid not null references users(id),
      recorded_at timestamptz not null
    );
    create index competence_records_user_idx on competence_records (organisation_id, user_id);
  `.execute(db);
  await isolateByOrganisation(db, ['agreements', 'competence_records']);
};

export const down = async (db: Kysely<unknown>): Promise<void> => {
  await sql`drop table competence_records, agreements`.execute(db);
};
