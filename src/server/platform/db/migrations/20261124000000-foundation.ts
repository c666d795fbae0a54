import { sql, type Kysely } from 'kysely';

/**
 * The foundation: organisations, units, secrecy areas, users and roles, sessions, OIDC,
 * a minimal person record, break-glass grants and the hash-chained audit log.
 * Runs unchanged on PostgreSQL and on PGlite.
 */
export const up = async (db: Kysely<unknown>): Promise<void> => {
  await sql`
    create table organisations (
      id uuid primary key default gen_random_uuid(),
      kind text not null check (kind in ('municipality','policeRegion','region','countyBoard','ngo')),
      name text not null,
      scb_code text check (scb_code ~ '^[0-9]{4}$'),
      county_code text check (county_code ~ '^[0-9]{2}$'),
      fictitious boolean not null default false,
      created_at timestamptz not null default now(),
      version integer not null default 1,
      check (kind <> 'municipality' or scb_code is not null)
    );

    create table secrecy_areas (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id),
      name text not null,
      version integer not null default 1
    );

    create table units (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id),
      name text not null,
      kind text not null,
      secrecy_area_id uuid references secrecy_areas(id),
      version integer not null default 1
    );
    create index units_organisation_idx on units (organisation_id);

    create table users (
      id uuid primary key default gen_random_uuid(),
      username text not null unique,
      display_name text not null,
      password_hash text,
      totp_secret_enc text,
      -- The last accepted TOTP time step: a code is accepted once, never replayed.
      totp_last_step bigint,
      totp_confirmed_at timestamptz,
      failed_logins integer not null default 0,
      locked_until timestamptz,
      disabled boolean not null default false,
      fictitious boolean not null default false,
      created_at timestamptz not null default now(),
      version integer not null default 1
    );

    create table role_assignments (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users(id),
      organisation_id uuid not null references organisations(id),
      unit_id uuid not null references units(id),
      role text not null check (role in ('caseWorker','therapist','teamLeader','coordinator',
        'police','partner','countyAnalyst','administrator')),
      unique (user_id, unit_id, role)
    );
    create index role_assignments_user_idx on role_assignments (user_id);

    create table sessions (
      id_hash text primary key,
      user_id uuid not null references users(id),
      organisation_id uuid references organisations(id),
      -- The unit the user works in right now; a preference for screens, never a permission.
      unit_id uuid references units(id),
      auth_method text not null check (auth_method in ('password','oidc')),
      created_at timestamptz not null default now(),
      last_seen_at timestamptz not null,
      second_factor_at timestamptz,
      expires_at timestamptz not null,
      ended_at timestamptz
    );

    create table oidc_providers (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id),
      name text not null,
      issuer text not null,
      client_id text not null,
      client_secret_enc text,
      -- Municipal identity providers (SITHS, Freja eID+, BankID) authenticate with two factors.
      mfa_by_provider boolean not null default true,
      enabled boolean not null default true
    );

    create table user_identities (
      provider_id uuid not null references oidc_providers(id),
      subject text not null,
      user_id uuid not null references users(id),
      primary key (provider_id, subject)
    );

    create table oidc_login_states (
      state text primary key,
      provider_id uuid not null references oidc_providers(id),
      code_verifier text not null,
      nonce text not null,
      created_at timestamptz not null default now()
    );

    create table persons (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id),
      unit_id uuid not null references units(id),
      given_name text not null,
      family_name text not null,
      personal_number text,
      protection_level text not null default 'none' check (protection_level in
        ('none','confidentialityMarking','protectedRegistration','fictitiousIdentity')),
      address_enc text,
      fictitious boolean not null default false,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version integer not null default 1
    );
    create index persons_organisation_unit_idx on persons (organisation_id, unit_id);

    create table person_assignments (
      person_id uuid not null references persons(id),
      user_id uuid not null references users(id),
      organisation_id uuid not null references organisations(id),
      primary key (person_id, user_id)
    );

    create table break_glass_grants (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id),
      user_id uuid not null references users(id),
      person_id uuid not null references persons(id),
      reason text not null,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null
    );
    create index break_glass_user_idx on break_glass_grants (user_id, expires_at);

    -- The audit log is chained per shard of an organisation, so concurrent requests do not all
    -- wait on one head row; each head holds the last sequence number and hash of its chain.
    create table audit_chain_heads (
      chain text primary key,
      organisation_id uuid,
      last_seq bigint not null,
      last_hash text not null
    );

    create table audit_events (
      id bigint generated always as identity primary key,
      chain text not null,
      chain_seq bigint not null,
      occurred_at timestamptz not null,
      type text not null,
      organisation_id uuid,
      actor_user_id uuid,
      person_id uuid,
      outcome text not null check (outcome in ('allowed','denied','failed')),
      reason text,
      break_glass_id uuid,
      request_id text,
      details jsonb not null default '{}',
      prev_hash text not null,
      hash text not null,
      unique (chain, chain_seq)
    );
    -- Log review asks "who read this person" and "what did this user do".
    create index audit_events_person_idx on audit_events (person_id, occurred_at);
    create index audit_events_actor_idx on audit_events (actor_user_id, occurred_at);
  `.execute(db);

  await sql`
    do $$ begin
      create role fristad_app nologin;
    exception when duplicate_object or unique_violation then null;
    end $$;
  `.execute(db);

  // The application's requests run as fristad_app, which row-level security binds to the
  // request's organisation. The audit log gets no update or delete grant: it is append-only.
  await sql`
    grant select on organisations, secrecy_areas, units, role_assignments, users to fristad_app;
    grant select, insert, update on persons, person_assignments to fristad_app;
    grant select, insert on audit_events, break_glass_grants to fristad_app;
    grant select, insert, update on audit_chain_heads to fristad_app;
  `.execute(db);

  const orgScoped = [
    'secrecy_areas',
    'units',
    'role_assignments',
    'persons',
    'person_assignments',
    'break_glass_grants',
    'audit_events',
    'audit_chain_heads',
  ];
  for (const table of orgScoped) {
    await sql`
      alter table ${sql.table(table)} enable row level security;
      create policy organisation_isolation on ${sql.table(table)} to fristad_app
        using (organisation_id = nullif(current_setting('fristad.organisation_id', true), '')::uuid)
        with check (organisation_id = nullif(current_setting('fristad.organisation_id', true), '')::uuid);
    `.execute(db);
  }
  await sql`
    alter table organisations enable row level security;
    create policy organisation_isolation on organisations to fristad_app
      using (id = nullif(current_setting('fristad.organisation_id', true), '')::uuid);
    alter table users enable row level security;
    create policy users_in_organisation on users to fristad_app
      using (id = nullif(current_setting('fristad.user_id', true), '')::uuid or exists (
        select 1 from role_assignments ra where ra.user_id = users.id
          and ra.organisation_id = nullif(current_setting('fristad.organisation_id', true), '')::uuid));
  `.execute(db);
};

export const down = async (db: Kysely<unknown>): Promise<void> => {
  await sql`
    drop table audit_events, audit_chain_heads, break_glass_grants, person_assignments, persons,
      oidc_login_states, user_identities, oidc_providers, sessions, role_assignments, users,
      units, secrecy_areas, organisations;
  `.execute(db);
};
