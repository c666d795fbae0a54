import { sql, type Kysely } from 'kysely';

/**
 * The regional contact directory: each organisation keeps who holds its functions (with
 * history: a new holder ends the previous one); everyone in the county reads them. Staff
 * contact details only, never a client's.
 */
export const up = async (db: Kysely<unknown>): Promise<void> => {
  await sql`
    create table contact_entries (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id),
      function_code text not null,
      holder_name text not null,
      phone text not null,
      hours text not null,
      out_of_hours text not null,
      valid_from date not null,
      valid_to date,
      recorded_by uuid not null references users(id),
      recorded_at timestamptz not null
    );
    -- One current holder per function and organisation.
    create unique index contact_entries_current_idx on contact_entries (organisation_id, function_code)
      where valid_to is null;
    alter table contact_entries enable row level security;
    create policy read_in_county on contact_entries for select to fristad_app
      using (organisation_id in (select id from directory_organisations));
    create policy write_own on contact_entries for insert to fristad_app
      with check (organisation_id = nullif(current_setting('fristad.organisation_id', true), '')::uuid);
    create policy update_own on contact_entries for update to fristad_app
      using (organisation_id = nullif(current_setting('fristad.organisation_id', true), '')::uuid);
    grant select, insert, update (valid_to) on contact_entries to fristad_app;
  `.execute(db);
};

export const down = async (db: Kysely<unknown>): Promise<void> => {
  await sql`drop table contact_entries`.execute(db);
};
