import { sql, type Kysely } from 'kysely';

/**
 * Indicators (digest 001, 004; Kolada): the goal attainment recorded when a case with
 * interventions closes, the adult population per municipality and year (public statistics,
 * loaded from a file), and the figures a municipality publishes to its county — already
 * suppressed, because they leave the organisation.
 */
export const up = async (db: Kysely<unknown>): Promise<void> => {
  await sql`
    alter table case_transitions add column goal_attainment text
      check (goal_attainment in ('reached','partlyReached','notReached','notAssessable'));
    -- The indicator facts read each table's rows of one organisation at a time.
    create index case_transitions_organisation_idx on case_transitions (organisation_id);
    create index granted_interventions_organisation_idx on granted_interventions (organisation_id);
    create index housing_placements_organisation_idx on housing_placements (organisation_id);
    create index risk_assessments_organisation_idx on risk_assessments (organisation_id);
    create index safety_plans_organisation_idx on safety_plans (organisation_id);
    create index client_ratings_organisation_idx on client_ratings (organisation_id);
    create index case_links_organisation_idx on case_links (organisation_id);

    create table population_figures (
      scb_code text not null check (scb_code ~ '^[0-9]{4}$'),
      year integer not null check (year between 1900 and 2200),
      adults integer not null check (adults > 0),
      source text not null,
      loaded_at timestamptz not null,
      primary key (scb_code, year)
    );
    grant select on population_figures to fristad_app;

    create table indicator_publications (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id),
      county_code text not null,
      period_from date not null,
      period_to date not null check (period_to >= period_from),
      catalogue_version text not null,
      figures jsonb not null,
      published_by uuid not null references users(id),
      published_by_name text not null,
      published_at timestamptz not null
    );
    create index indicator_publications_county_idx
      on indicator_publications (county_code, period_from, period_to);

    -- The county board of the request's organisation, if it is one: it may read what its
    -- municipalities published, never their records.
    create function fristad_board_county() returns text
      language sql stable security definer set search_path = public as $$
        select county_code from organisations
        where kind = 'countyBoard'
          and id = nullif(current_setting('fristad.organisation_id', true), '')::uuid
      $$;
    revoke all on function fristad_board_county() from public;
    grant execute on function fristad_board_county() to fristad_app;

    alter table indicator_publications enable row level security;
    create policy publisher on indicator_publications to fristad_app
      using (organisation_id = nullif(current_setting('fristad.organisation_id', true), '')::uuid)
      with check (organisation_id = nullif(current_setting('fristad.organisation_id', true), '')::uuid);
    create policy county_reader on indicator_publications for select to fristad_app
      using (county_code = fristad_board_county());
    grant select, insert on indicator_publications to fristad_app;
  `.execute(db);
};

export const down = async (db: Kysely<unknown>): Promise<void> => {
  await sql`
    drop table indicator_publications, population_figures;
    drop index case_transitions_organisation_idx, granted_interventions_organisation_idx,
      housing_placements_organisation_idx, risk_assessments_organisation_idx,
      safety_plans_organisation_idx, client_ratings_organisation_idx, case_links_organisation_idx;
    drop function fristad_board_county();
    alter table case_transitions drop column goal_attainment;
  `.execute(db);
};
