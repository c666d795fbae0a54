import { sql, type Kysely } from 'kysely';
import { isolateByOrganisation } from './row-security';

/** SIP: one coordinated plan per case, with the agencies' commitments and a follow-up. */
export const up = async (db: Kysely<unknown>): Promise<void> => {
  await sql`
    create table sip_plans (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id),
      case_id uuid not null unique references cases(id),
      participants jsonb not null,
      coordinator_agency text not null,
      goal_enc text not null,
      follow_up_on date not null,
      consent_ids uuid[] not null default '{}',
      updated_by uuid not null references users(id),
      updated_at timestamptz not null,
      version integer not null default 1
    );
    create table sip_commitments (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id),
      plan_id uuid not null references sip_plans(id),
      agency text not null,
      what_enc text not null,
      due_on date not null,
      done_at timestamptz,
      version integer not null default 1
    );
    create index sip_commitments_plan_idx on sip_commitments (plan_id);
  `.execute(db);
  await isolateByOrganisation(db, ['sip_plans', 'sip_commitments']);
};

export const down = async (db: Kysely<unknown>): Promise<void> => {
  await sql`drop table sip_commitments, sip_plans`.execute(db);
};
