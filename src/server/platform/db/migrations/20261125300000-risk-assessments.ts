import { sql, type Kysely } from 'kysely';

/**
 * Risk assessments. The answers, evidence and reasons are one encrypted document; only codes
 * the system needs without decrypting (instrument, levels, score, completeness) are plain.
 * A signed assessment is immutable: a trigger refuses any change to it, whoever asks.
 */
export const up = async (db: Kysely<unknown>): Promise<void> => {
  await sql`
    -- How long a signed assessment holds before the owner is asked to reassess, per level.
    alter table organisations
      add column reassessment_days jsonb not null default '{"low": 90, "medium": 30, "high": 14}';

    create table instrument_permissions (
      organisation_id uuid not null references organisations(id),
      instrument_id text not null,
      licence_note text not null,
      recorded_by uuid not null references users(id),
      recorded_at timestamptz not null,
      primary key (organisation_id, instrument_id)
    );

    create table user_trainings (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id),
      user_id uuid not null references users(id),
      instrument_id text not null,
      completed_on date not null,
      recorded_at timestamptz not null
    );
    create index user_trainings_user_idx on user_trainings (user_id, instrument_id);

    create table risk_assessments (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id),
      case_id uuid not null references cases(id),
      subject_person_id uuid not null references persons(id),
      subject_role text not null check (subject_role in ('victim', 'perpetrator', 'child')),
      instrument_id text not null,
      instrument_version text not null,
      origin text not null check (origin in ('own', 'police')),
      mode text not null check (mode in ('inPerson', 'remote', 'records')),
      assessor_user_id uuid not null references users(id),
      co_assessor_user_id uuid references users(id),
      content_enc text not null,
      score numeric,
      completeness numeric not null,
      final_level text check (final_level in ('low', 'medium', 'high')),
      judgement_levels jsonb not null default '{}',
      supersedes_id uuid references risk_assessments(id),
      created_at timestamptz not null,
      updated_at timestamptz not null,
      signed_at timestamptz,
      signed_by uuid references users(id),
      version integer not null default 1,
      check ((signed_at is null) = (signed_by is null))
    );
    create index risk_assessments_case_idx on risk_assessments (case_id, created_at);

    create function risk_assessments_signed_immutable() returns trigger
      language plpgsql as $$
      begin
        if old.signed_at is not null then
          -- Key rotation (run by the schema owner, never the app role) may re-encrypt the
          -- content with a new key; nothing else about a signed assessment may change.
          if tg_op = 'UPDATE'
             and current_user <> 'fristad_app'
             and current_setting('fristad.reencrypting', true) = 'on'
             and (to_jsonb(new) - 'content_enc') = (to_jsonb(old) - 'content_enc') then
            return new;
          end if;
          raise exception 'a signed risk assessment cannot be changed' using errcode = 'check_violation';
        end if;
        return case when tg_op = 'DELETE' then old else new end;
      end;
      $$;
    create trigger risk_assessments_signed_immutable
      before update or delete on risk_assessments
      for each row execute function risk_assessments_signed_immutable();
  `.execute(db);
  for (const table of ['instrument_permissions', 'user_trainings', 'risk_assessments']) {
    await sql`
      alter table ${sql.table(table)} enable row level security;
      create policy organisation_isolation on ${sql.table(table)} to fristad_app
        using (organisation_id = nullif(current_setting('fristad.organisation_id', true), '')::uuid)
        with check (organisation_id = nullif(current_setting('fristad.organisation_id', true), '')::uuid);
    `.execute(db);
  }
  await sql`
    grant update (reassessment_days, version) on organisations to fristad_app;
    grant select, insert, delete on instrument_permissions to fristad_app;
    grant select, insert on user_trainings to fristad_app;
    grant select, insert, update on risk_assessments to fristad_app;
  `.execute(db);
};

export const down = async (db: Kysely<unknown>): Promise<void> => {
  await sql`
    drop table risk_assessments;
    drop function risk_assessments_signed_immutable();
    drop table user_trainings;
    drop table instrument_permissions;
    revoke update (reassessment_days, version) on organisations from fristad_app;
    alter table organisations drop column reassessment_days;
  `.execute(db);
};
