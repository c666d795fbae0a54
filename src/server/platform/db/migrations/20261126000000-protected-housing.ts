import { sql, type Kysely } from 'kysely';
import { isolateByOrganisation } from './row-security';

const currentOrganisation = sql.raw(
  `nullif(current_setting('fristad.organisation_id', true), '')::uuid`,
);

/**
 * Protected housing across the county (digest 004 and 000: nobody has an overview; staff phone
 * around). Each provider keeps its own units and their availability; everyone in the county
 * reads the directory, which names an area, never an address. A request for a place is shared
 * by the placing and the providing organisation only, and carries needs, not identity.
 *
 * Occupied places never fall below zero or rise above capacity: a check constraint holds it
 * whatever the application does, and a booking is one conditional update, so two answers to
 * the last place cannot both succeed.
 */
export const up = async (db: Kysely<unknown>): Promise<void> => {
  await sql`
    create table housing_units (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id),
      name text not null,
      provider_kind text not null check (provider_kind in ('municipal','womensShelter','ngo','private')),
      ivo_permit text,
      specialisations text[] not null default '{}',
      area_description text not null,
      -- The address is the provider's own: it is never shown in the directory.
      address_enc text,
      phone text not null,
      capacity integer not null check (capacity >= 0),
      occupied integer not null default 0,
      availability_updated_at timestamptz not null,
      availability_updated_by_name text not null,
      version integer not null default 1,
      constraint housing_units_places_within_capacity check (occupied >= 0 and occupied <= capacity)
    );
    create index housing_units_organisation_idx on housing_units (organisation_id);
    alter table housing_units enable row level security;
    create policy read_in_county on housing_units for select to fristad_app
      using (organisation_id in (select id from directory_organisations));
    create policy write_own on housing_units for insert to fristad_app
      with check (organisation_id = ${currentOrganisation});
    create policy update_own on housing_units for update to fristad_app
      using (organisation_id = ${currentOrganisation});
    grant select, insert, update on housing_units to fristad_app;

    create table housing_requests (
      id uuid primary key default gen_random_uuid(),
      from_organisation_id uuid not null references organisations(id),
      from_unit_id uuid not null references units(id),
      from_user_name text not null,
      from_unit_name text not null,
      from_organisation_name text not null,
      -- The placing side's case: the provider cannot read it (row-level security on cases).
      case_id uuid references cases(id),
      housing_unit_id uuid not null references housing_units(id),
      to_organisation_id uuid not null references organisations(id),
      housing_unit_name text not null,
      places integer not null check (places between 1 and 12),
      children integer not null check (children >= 0 and children < places),
      needs text[] not null default '{}',
      note_enc text not null,
      wanted_from date not null,
      status text not null default 'sent' check (status in ('sent','offered','declined','withdrawn')),
      sent_at timestamptz not null,
      answered_at timestamptz,
      answered_by_name text,
      -- Arrival instructions on an offer, the reason on a decline.
      answer_enc text,
      released_at timestamptz,
      version integer not null default 1
    );
    create index housing_requests_to_idx on housing_requests (to_organisation_id, sent_at);
    create index housing_requests_from_idx on housing_requests (from_organisation_id, sent_at);
    alter table housing_requests enable row level security;
    create policy between_two_organisations on housing_requests to fristad_app
      using (${currentOrganisation} in (from_organisation_id, to_organisation_id))
      with check (${currentOrganisation} in (from_organisation_id, to_organisation_id));
    grant select, insert, update on housing_requests to fristad_app;

    -- Gives back the places an offered request booked, once: called by either side when the
    -- stay ends. It runs as the schema owner because the placing side may not update the
    -- provider's unit, and it can release nothing but that request's own places.
    create function release_housing_places(request_id uuid, released timestamptz) returns boolean
      language plpgsql security definer set search_path = public as $$
    declare
      booked record;
    begin
      update housing_requests set released_at = released, version = version + 1
        where id = request_id and status = 'offered' and released_at is null
          and nullif(current_setting('fristad.organisation_id', true), '')::uuid
            in (from_organisation_id, to_organisation_id)
        returning housing_unit_id, places into booked;
      if not found then
        return false;
      end if;
      update housing_units set occupied = greatest(0, occupied - booked.places),
          version = version + 1
        where id = booked.housing_unit_id;
      return true;
    end $$;
    revoke all on function release_housing_places(uuid, timestamptz) from public;
    grant execute on function release_housing_places(uuid, timestamptz) to fristad_app;

    create table housing_placements (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id),
      case_id uuid not null references cases(id),
      request_id uuid unique references housing_requests(id),
      housing_unit_id uuid references housing_units(id),
      provider_name text not null,
      start_on date not null,
      planned_end_on date,
      cost_per_day numeric(10,2),
      debts text not null default 'unknown' check (debts in ('none','some','unknown')),
      rental_contract text not null default 'none' check (rental_contract in ('has','applying','none')),
      housing_company_contacted boolean not null default false,
      end_on date,
      exit_destination text check (exit_destination in ('ownHousing','secondHandContract',
        'otherProtectedHousing','relativesOrFriends','returnedToAbuser','other','unknown')),
      exit_note_enc text,
      created_by uuid not null references users(id),
      created_at timestamptz not null,
      version integer not null default 1,
      check ((end_on is null) = (exit_destination is null))
    );
    create index housing_placements_case_idx on housing_placements (case_id);
    create table placement_children (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id),
      placement_id uuid not null references housing_placements(id),
      first_name_enc text not null,
      born_year integer not null,
      decision_on date,
      school text not null check (school in ('sameSchool','newSchool','distanceTeaching',
        'preschool','notYetArranged','notOfSchoolAge')),
      school_note_enc text not null,
      recorded_at timestamptz not null
    );
    create index placement_children_placement_idx on placement_children (placement_id);
    create table placement_visits (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id),
      placement_id uuid not null references housing_placements(id),
      visited_on date not null,
      mode text not null check (mode in ('inPerson','digital','phone')),
      note_enc text not null,
      recorded_by uuid not null references users(id)
    );
    create index placement_visits_placement_idx on placement_visits (placement_id);
    -- A need with no place: no identity, so it can be counted and reported.
    create table housing_unmet_needs (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id),
      unit_id uuid not null references units(id),
      recorded_on date not null,
      places integer not null check (places between 1 and 12),
      children integer not null check (children >= 0),
      needs text[] not null default '{}',
      note_enc text not null,
      recorded_by uuid not null references users(id)
    );
  `.execute(db);
  await isolateByOrganisation(db, [
    'housing_placements',
    'placement_children',
    'placement_visits',
    'housing_unmet_needs',
  ]);
};

export const down = async (db: Kysely<unknown>): Promise<void> => {
  await sql`
    drop table housing_unmet_needs, placement_visits, placement_children, housing_placements;
    drop function release_housing_places(uuid, timestamptz);
    drop table housing_requests, housing_units;
  `.execute(db);
};
