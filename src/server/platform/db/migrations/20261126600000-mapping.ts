import { sql, type Kysely } from 'kysely';
import { isolateByOrganisation } from './row-security';

/**
 * County mapping (kartläggning, digest 001 and 004): rounds a county board runs with its
 * municipalities, the interview sessions with their participants, the 0–10 rating and the
 * open answers (coded by theme), and the answers to the template's items, where "unknown" and
 * "no data" are kept apart from zero. All of it belongs to the county board; a municipality's
 * records are never read, only the figures it published.
 */
export const up = async (db: Kysely<unknown>): Promise<void> => {
  await sql`
    create table mapping_rounds (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id),
      name text not null check (length(name) between 3 and 200),
      template_id text not null,
      template_version text not null,
      strategy_period text not null,
      period_from date not null,
      period_to date not null check (period_to >= period_from),
      created_by uuid not null references users(id),
      created_at timestamptz not null,
      unique (organisation_id, name)
    );
    create table mapping_municipalities (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id),
      round_id uuid not null references mapping_rounds(id),
      name text not null,
      scb_code text check (scb_code ~ '^[0-9]{4}$'),
      -- The municipality's own Fristad organisation, when it has one: its published figures
      -- pre-fill the round.
      fristad_organisation_id uuid references organisations(id),
      unique (round_id, name)
    );
    create table mapping_sessions (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id),
      round_id uuid not null references mapping_rounds(id),
      municipality_id uuid not null references mapping_municipalities(id),
      label text not null,
      held_on date not null,
      mode text not null check (mode in ('groupInterview','digital','written')),
      participants jsonb not null,
      scale integer check (scale between 0 and 10),
      open_answers jsonb not null,
      recorded_by uuid not null references users(id),
      recorded_at timestamptz not null,
      version integer not null default 1
    );
    create index mapping_sessions_round_idx on mapping_sessions (round_id);
    create table mapping_answers (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id),
      round_id uuid not null references mapping_rounds(id),
      municipality_id uuid not null references mapping_municipalities(id),
      item_id text not null,
      status text not null check (status in ('answered','unknown','noData')),
      value jsonb,
      source text check (source in ('caseSystem','ownCount','estimate','fristad')),
      answered_by uuid not null references users(id),
      answered_at timestamptz not null,
      unique (municipality_id, item_id),
      check ((status = 'answered') = (value is not null))
    );
    create index mapping_answers_round_idx on mapping_answers (round_id);

    -- The county's directory also gives SCB's municipality code (public), so a round can name
    -- the municipalities that run Fristad by code.
    create or replace view directory_organisations as
      select o.id, o.name, o.kind, o.county_code, o.scb_code from organisations o
      where o.county_code = (select c.county_code from organisations c
        where c.id = nullif(current_setting('fristad.organisation_id', true), '')::uuid);
  `.execute(db);
  await isolateByOrganisation(db, [
    'mapping_rounds',
    'mapping_municipalities',
    'mapping_sessions',
    'mapping_answers',
  ]);
};

export const down = async (db: Kysely<unknown>): Promise<void> => {
  await sql`
    drop table mapping_answers, mapping_sessions, mapping_municipalities, mapping_rounds;
    drop view directory_units;
    drop view directory_organisations;
    create view directory_organisations as
      select o.id, o.name, o.kind, o.county_code from organisations o
      where o.county_code = (select c.county_code from organisations c
        where c.id = nullif(current_setting('fristad.organisation_id', true), '')::uuid);
    create view directory_units as
      select u.id, u.organisation_id, u.name, u.kind from units u
      join directory_organisations d on d.id = u.organisation_id;
    grant select on directory_organisations, directory_units to fristad_app;
  `.execute(db);
};
