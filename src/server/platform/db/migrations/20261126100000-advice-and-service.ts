import { sql, type Kysely } from 'kysely';

/**
 * Råd och service (digest 003 §4.5): contacts on a case in the stage "Råd och service", bounded
 * by the organisation's own rule, a number of sessions, a time, or both. A contact may be
 * anonymous; what the first contacts covered is kept so the checklist can show what is left.
 */
export const up = async (db: Kysely<unknown>): Promise<void> => {
  await sql`
    alter table organisations
      add column ros_session_cap integer default 5 check (ros_session_cap between 1 and 50),
      add column ros_max_days integer check (ros_max_days between 1 and 730);
    grant update (ros_session_cap, ros_max_days) on organisations to fristad_app;
    create table advice_contacts (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id),
      case_id uuid not null references cases(id),
      held_on date not null,
      mode text not null check (mode in ('inPerson','phone','digital')),
      anonymous boolean not null default false,
      covered text[] not null default '{}',
      note_enc text not null,
      recorded_by uuid not null references users(id),
      recorded_at timestamptz not null
    );
    create index advice_contacts_case_idx on advice_contacts (case_id, held_on);
    alter table advice_contacts enable row level security;
    create policy organisation_isolation on advice_contacts to fristad_app
      using (organisation_id = nullif(current_setting('fristad.organisation_id', true), '')::uuid)
      with check (organisation_id = nullif(current_setting('fristad.organisation_id', true), '')::uuid);
    grant select, insert on advice_contacts to fristad_app;
  `.execute(db);
};

export const down = async (db: Kysely<unknown>): Promise<void> => {
  await sql`
    drop table advice_contacts;
    revoke update (ros_session_cap, ros_max_days) on organisations from fristad_app;
    alter table organisations drop column ros_session_cap, drop column ros_max_days;
  `.execute(db);
};
