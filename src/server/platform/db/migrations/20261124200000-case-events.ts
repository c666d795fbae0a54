import { sql, type Kysely } from 'kysely';

/** The timeline of a case: dated events with their source; the description is encrypted. */
export const up = async (db: Kysely<unknown>): Promise<void> => {
  await sql`
    create table case_events (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id),
      case_id uuid not null references cases(id),
      kind text not null,
      occurred_on date not null,
      source text not null,
      description_enc text,
      recorded_by uuid not null references users(id),
      recorded_at timestamptz not null
    );
    create index case_events_case_idx on case_events (case_id, occurred_on);
    grant select, insert on case_events to fristad_app;
    alter table case_events enable row level security;
    create policy organisation_isolation on case_events to fristad_app
      using (organisation_id = nullif(current_setting('fristad.organisation_id', true), '')::uuid)
      with check (organisation_id = nullif(current_setting('fristad.organisation_id', true), '')::uuid);
  `.execute(db);
};

export const down = async (db: Kysely<unknown>): Promise<void> => {
  await sql`drop table case_events`.execute(db);
};
