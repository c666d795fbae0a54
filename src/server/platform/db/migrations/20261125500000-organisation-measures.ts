import { sql, type Kysely } from 'kysely';

/**
 * Each organisation's own measure catalogue: the shipped default with measures switched off that
 * the organisation cannot offer, plus its local measures (a rural municipality's toolbox differs).
 */
export const up = async (db: Kysely<unknown>): Promise<void> => {
  await sql`
    create table organisation_measures (
      organisation_id uuid not null references organisations(id),
      code text not null,
      enabled boolean not null,
      custom jsonb,
      recorded_by uuid not null references users(id),
      recorded_at timestamptz not null,
      primary key (organisation_id, code)
    );
    alter table organisation_measures enable row level security;
    create policy organisation_isolation on organisation_measures to fristad_app
      using (organisation_id = nullif(current_setting('fristad.organisation_id', true), '')::uuid)
      with check (organisation_id = nullif(current_setting('fristad.organisation_id', true), '')::uuid);
    grant select, insert, update on organisation_measures to fristad_app;
  `.execute(db);
};

export const down = async (db: Kysely<unknown>): Promise<void> => {
  await sql`drop table organisation_measures`.execute(db);
};
