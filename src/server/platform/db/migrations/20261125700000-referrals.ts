import { sql, type Kysely } from 'kysely';

/**
 * Hand-overs between organisations. A referral row is shared by exactly two organisations, the
 * sender and the receiver: row-level security lets each see it, nobody else. The regional
 * directory views show other organisations' names and units in the same county, nothing more.
 */
export const up = async (db: Kysely<unknown>): Promise<void> => {
  await sql`
    create table referrals (
      id uuid primary key default gen_random_uuid(),
      kind text not null check (kind in
        ('policeToSocialServices','betweenMunicipalities','toRegion','toShelter')),
      from_organisation_id uuid not null references organisations(id),
      from_unit_id uuid not null references units(id),
      from_user_id uuid not null references users(id),
      -- Names are copied: neither side may read the other's user or unit rows.
      from_user_name text not null,
      from_unit_name text not null,
      from_organisation_name text not null,
      source_case_id uuid references cases(id),
      to_organisation_id uuid not null references organisations(id),
      to_unit_id uuid not null references units(id),
      to_unit_name text not null,
      case_type text not null,
      protection_level text not null,
      -- Who it is about and what is handed over, encrypted: the package is the presenters' output.
      subject_enc text not null,
      package_enc text not null,
      ground_code text not null,
      ground_catalogue_version text not null,
      sent_at timestamptz not null,
      acknowledged_at timestamptz,
      acknowledged_by_name text,
      received_case_id uuid references cases(id),
      declined_at timestamptz,
      decline_reason_enc text,
      withdrawn_at timestamptz,
      version integer not null default 1,
      check (from_organisation_id <> to_organisation_id)
    );
    create index referrals_to_idx on referrals (to_organisation_id, sent_at);
    create index referrals_from_idx on referrals (from_organisation_id, sent_at);
    create index referrals_source_case_idx on referrals (source_case_id);

    create table referral_messages (
      id uuid primary key default gen_random_uuid(),
      referral_id uuid not null references referrals(id),
      organisation_id uuid not null references organisations(id),
      kind text not null check (kind in ('note','investigationDropped','prosecutionDecided')),
      author_name text not null,
      author_organisation_name text not null,
      body_enc text not null,
      sent_at timestamptz not null
    );
    create index referral_messages_referral_idx on referral_messages (referral_id, sent_at);

    alter table referrals enable row level security;
    create policy between_two_organisations on referrals to fristad_app
      using (nullif(current_setting('fristad.organisation_id', true), '')::uuid
        in (from_organisation_id, to_organisation_id))
      with check (nullif(current_setting('fristad.organisation_id', true), '')::uuid
        in (from_organisation_id, to_organisation_id));
    alter table referral_messages enable row level security;
    create policy on_a_visible_referral on referral_messages to fristad_app
      using (exists (select 1 from referrals r where r.id = referral_id))
      with check (organisation_id = nullif(current_setting('fristad.organisation_id', true), '')::uuid
        and exists (select 1 from referrals r where r.id = referral_id));
    grant select, insert, update on referrals to fristad_app;
    grant select, insert on referral_messages to fristad_app;

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

export const down = async (db: Kysely<unknown>): Promise<void> => {
  await sql`
    drop view directory_units, directory_organisations;
    drop table referral_messages, referrals;
  `.execute(db);
};
