import { sql, type Kysely } from 'kysely';

/**
 * Safety plans (skydds- och åtgärdsplaner): one living plan per case with its measures, the
 * victim's own strategies, a review date and a history; and each signed assessment's
 * follow-through (a plan, or a reasoned "no measures"). Free text is encrypted.
 */
export const up = async (db: Kysely<unknown>): Promise<void> => {
  await sql`
    create table safety_plans (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id),
      case_id uuid not null unique references cases(id),
      victim_strategies_enc text,
      out_of_hours_enc text,
      review_on date,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      version integer not null default 1
    );

    create table plan_measures (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id),
      plan_id uuid not null references safety_plans(id),
      measure_code text not null,
      owner_organisation text not null,
      owner_function text,
      status text not null check (status in ('proposed', 'offered', 'accepted', 'declined', 'active', 'ended')),
      status_reason_enc text,
      due_on date,
      review_on date,
      suggested_by text[] not null default '{}',
      created_by uuid not null references users(id),
      created_at timestamptz not null,
      updated_at timestamptz not null,
      version integer not null default 1
    );
    create index plan_measures_plan_idx on plan_measures (plan_id);

    create table plan_events (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id),
      plan_id uuid not null references safety_plans(id),
      measure_id uuid references plan_measures(id),
      kind text not null,
      measure_code text,
      to_status text,
      reason_enc text,
      actor_user_id uuid not null references users(id),
      occurred_at timestamptz not null
    );
    create index plan_events_plan_idx on plan_events (plan_id, occurred_at);

    create table assessment_follow_throughs (
      assessment_id uuid primary key references risk_assessments(id),
      organisation_id uuid not null references organisations(id),
      plan_id uuid references safety_plans(id),
      no_measures_reason_enc text,
      closed_by uuid not null references users(id),
      closed_at timestamptz not null
    );
  `.execute(db);
  for (const table of [
    'safety_plans',
    'plan_measures',
    'plan_events',
    'assessment_follow_throughs',
  ]) {
    await sql`
      alter table ${sql.table(table)} enable row level security;
      create policy organisation_isolation on ${sql.table(table)} to fristad_app
        using (organisation_id = nullif(current_setting('fristad.organisation_id', true), '')::uuid)
        with check (organisation_id = nullif(current_setting('fristad.organisation_id', true), '')::uuid);
    `.execute(db);
  }
  await sql`
    grant select, insert, update on safety_plans, plan_measures to fristad_app;
    grant select, insert on plan_events, assessment_follow_throughs to fristad_app;
  `.execute(db);
};

export const down = async (db: Kysely<unknown>): Promise<void> => {
  await sql`
    drop table assessment_follow_throughs;
    drop table plan_events;
    drop table plan_measures;
    drop table safety_plans;
  `.execute(db);
};
