import { sql, type Kysely } from 'kysely';

/**
 * Collaboration under secrecy: consents (and refusals) per person, disclosures across a secrecy
 * border with their legal ground, concerns for a victim raised in a perpetrator's case, and the
 * reviewers' signed log reviews. Free text that may describe someone's life is encrypted.
 */
export const up = async (db: Kysely<unknown>): Promise<void> => {
  await sql`
    create table consents (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id),
      person_id uuid not null references persons(id),
      decision text not null check (decision in ('given','refused')),
      purpose_enc text not null,
      -- [{kind, organisationId, unitId, label}]: units or organisations in Fristad, or functions in words.
      recipients jsonb not null,
      categories text[] not null default '{}',
      given_by text not null check (given_by in ('self','custodian','legalRepresentative')),
      giver_name_enc text,
      form text not null check (form in ('oral','written')),
      given_on date not null,
      expires_on date,
      -- How many custodians the child has: each must consent.
      custodian_count integer not null default 0,
      withdrawn_on date,
      withdrawal_reason_enc text,
      recorded_by uuid not null references users(id),
      recorded_at timestamptz not null,
      version integer not null default 1
    );
    create index consents_person_idx on consents (person_id);

    create table disclosures (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id),
      person_id uuid not null references persons(id),
      case_id uuid references cases(id),
      recipient_kind text not null,
      recipient_unit_id uuid references units(id),
      recipient_label text not null,
      categories text[] not null default '{}',
      ground_code text not null,
      -- The catalogue's version: the wording in force when the decision was made.
      ground_catalogue_version text not null,
      provision_text text,
      consent_ids uuid[] not null default '{}',
      assessment_enc text,
      content_enc text,
      decided_by uuid not null references users(id),
      decided_at timestamptz not null,
      -- An internal disclosure of a whole case opens it for reading in the recipient unit.
      shares_case boolean not null default false,
      share_ends_at timestamptz,
      share_ended_at timestamptz,
      check (not shares_case or (case_id is not null and recipient_unit_id is not null))
    );
    create index disclosures_person_idx on disclosures (person_id, decided_at);
    create index disclosures_shared_case_idx on disclosures (case_id)
      where shares_case and share_ended_at is null;

    create table concerns (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id),
      perpetrator_case_id uuid not null references cases(id),
      path text not null check (path in ('sameUnit','noHarm','consent','dangerToLife')),
      what_was_said_enc text not null,
      disclosure_id uuid references disclosures(id),
      raised_by uuid not null references users(id),
      raised_at timestamptz not null
    );
    create index concerns_case_idx on concerns (perpetrator_case_id);

    create table log_reviews (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id),
      scope text not null check (scope in ('protectedPersons','breakGlass','person','user')),
      subject_id uuid,
      period_from date not null,
      period_to date not null,
      events_reviewed integer not null,
      findings_enc text not null,
      deviations boolean not null,
      reviewed_by uuid not null references users(id),
      signed_at timestamptz not null,
      check (period_from <= period_to)
    );
    create index log_reviews_signed_idx on log_reviews (organisation_id, signed_at);
  `.execute(db);
  for (const table of ['consents', 'disclosures', 'concerns', 'log_reviews']) {
    await sql`
      alter table ${sql.table(table)} enable row level security;
      create policy organisation_isolation on ${sql.table(table)} to fristad_app
        using (organisation_id = nullif(current_setting('fristad.organisation_id', true), '')::uuid)
        with check (organisation_id = nullif(current_setting('fristad.organisation_id', true), '')::uuid);
    `.execute(db);
  }
  // Disclosures and signed reviews are records of decisions: never rewritten, only a share ended.
  await sql`
    grant select, insert, update on consents to fristad_app;
    grant select, insert on concerns, log_reviews to fristad_app;
    grant select, insert, update (share_ended_at) on disclosures to fristad_app;
  `.execute(db);
};

export const down = async (db: Kysely<unknown>): Promise<void> => {
  await sql`drop table log_reviews, concerns, disclosures, consents`.execute(db);
};
