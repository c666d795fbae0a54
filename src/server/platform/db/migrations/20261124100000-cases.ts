import { sql, type Kysely } from 'kysely';

/**
 * Cases and what belongs to them: stages with their history, links between the cases of one
 * household, routine screening answers, and the person fields the cases capability needs.
 */
export const up = async (db: Kysely<unknown>): Promise<void> => {
  await sql`
    alter table persons
      add column identity_kind text not null default 'none'
        check (identity_kind in ('personnummer','samordningsnummer','reservnummer','none')),
      add column vulnerability_markers text[] not null default '{}',
      add column interpreter_language text,
      -- Safe-contact preferences (channels, times, who must not be contacted, safe places), encrypted.
      add column safe_contact_enc text;
    update persons set identity_kind = 'personnummer' where personal_number is not null;
    -- Person search matches the start of names and numbers.
    create index persons_family_name_idx on persons (organisation_id, lower(family_name) text_pattern_ops);
    create index persons_given_name_idx on persons (organisation_id, lower(given_name) text_pattern_ops);
    create index persons_number_idx on persons (organisation_id, personal_number text_pattern_ops);

    create table cases (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id),
      unit_id uuid not null references units(id),
      person_id uuid not null references persons(id),
      type text not null check (type in ('adultVictim','childExposed','perpetrator')),
      -- Honour-related violence and oppression: a marker on any case type.
      hrv boolean not null default false,
      stage text not null default 'intake' check (stage in ('intake','preliminaryAssessment',
        'investigation','decision','intervention','followUp','service','closed')),
      owner_user_id uuid references users(id),
      detection_source text,
      violence_forms text[] not null default '{}',
      perpetrator_relation text,
      -- Children in the household, asked in every adult case: none, yes or not known yet.
      children_answer text check (children_answer in ('none','yes','unknown')),
      -- An internal referral from another unit, and whether the client agreed to it.
      referred_from_unit_id uuid references units(id),
      referral_consent boolean,
      opened_at timestamptz not null,
      closed_at timestamptz,
      created_by uuid not null references users(id),
      version integer not null default 1
    );
    create index cases_unit_stage_idx on cases (organisation_id, unit_id, stage);
    create index cases_owner_idx on cases (owner_user_id) where stage <> 'closed';
    create index cases_person_idx on cases (person_id);

    create table case_transitions (
      id bigint generated always as identity primary key,
      organisation_id uuid not null references organisations(id),
      case_id uuid not null references cases(id),
      from_stage text,
      to_stage text not null,
      -- Why, in the worker's words; free text is encrypted.
      reason_enc text,
      decided_by uuid not null references users(id),
      decided_at timestamptz not null
    );
    create index case_transitions_case_idx on case_transitions (case_id, id);

    -- Links are stored in both directions, written together, so either case finds the other.
    create table case_links (
      organisation_id uuid not null references organisations(id),
      case_id uuid not null references cases(id),
      linked_case_id uuid not null references cases(id),
      kind text not null check (kind in ('victimPerpetrator','parentChild','household')),
      created_by uuid not null references users(id),
      created_at timestamptz not null,
      primary key (case_id, linked_case_id),
      check (case_id <> linked_case_id)
    );

    -- Orosanmälan (the duty to report, law catalogue sol.reportingDuty): from any case to
    -- barn och unga, no consent needed; the child's case shows what came of it.
    create table reports_of_concern (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id),
      from_case_id uuid not null references cases(id),
      child_case_id uuid not null references cases(id),
      concern_enc text not null,
      reported_by uuid not null references users(id),
      reported_at timestamptz not null
    );
    create index reports_of_concern_from_idx on reports_of_concern (from_case_id);

    create table screenings (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id),
      unit_id uuid not null references units(id),
      person_id uuid not null references persons(id),
      case_id uuid references cases(id),
      topic text not null check (topic in ('exposure','perpetration')),
      outcome text not null check (outcome in ('positive','negative','declined','notAsked')),
      not_asked_reason text,
      asked_by uuid not null references users(id),
      asked_at timestamptz not null,
      check ((outcome = 'notAsked') = (not_asked_reason is not null))
    );
    -- Coverage is counted per unit and period.
    create index screenings_unit_time_idx on screenings (organisation_id, unit_id, asked_at);

    grant select, insert, update on cases to fristad_app;
    grant select, insert on case_transitions, case_links, screenings, reports_of_concern to fristad_app;
  `.execute(db);

  for (const table of [
    'cases',
    'case_transitions',
    'case_links',
    'screenings',
    'reports_of_concern',
  ]) {
    await sql`
      alter table ${sql.table(table)} enable row level security;
      create policy organisation_isolation on ${sql.table(table)} to fristad_app
        using (organisation_id = nullif(current_setting('fristad.organisation_id', true), '')::uuid)
        with check (organisation_id = nullif(current_setting('fristad.organisation_id', true), '')::uuid);
    `.execute(db);
  }
};

export const down = async (db: Kysely<unknown>): Promise<void> => {
  await sql`
    drop table screenings, reports_of_concern, case_links, case_transitions, cases;
    alter table persons drop column identity_kind, drop column vulnerability_markers,
      drop column interpreter_language, drop column safe_contact_enc;
  `.execute(db);
};
