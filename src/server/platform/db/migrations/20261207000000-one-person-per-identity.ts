import { sql, type Kysely } from 'kysely';
import { isolateByOrganisation } from './row-security';

/**
 * One person per identity (issue 17). Intake used to register the same personnummer again, and
 * protection set on one record left the others showing the full number and name.
 *
 * - A normalised identity number is unique per organisation (a partial unique index). Numbers
 *   registered more than once before this migration keep the oldest record as the person; the
 *   others are marked `duplicate_of` it until someone merges them, and every record of the
 *   number takes the strongest protection any of them had.
 * - `person_units`: a person registered again in another unit is placed there (the same person,
 *   visible where they are placed, as a case already makes them).
 * - `birth_date`: for people without a Swedish number, so a possible duplicate can be noticed.
 * - `consents.recorded_in_unit_id`: a consent belongs to the secrecy area that recorded it
 *   (its purpose and recipients are that area's information); existing consents are given the
 *   unit of the recorder's role where the person was placed, else the person's own unit.
 */
export const up = async (db: Kysely<unknown>): Promise<void> => {
  await sql`
    alter table persons
      add column duplicate_of uuid references persons(id),
      add column birth_date date;

    with ranked as (
      select id, first_value(id) over (
        partition by organisation_id, personal_number order by created_at, id
      ) as first_id
      from persons where personal_number is not null
    )
    update persons p set duplicate_of = r.first_id
      from ranked r where p.id = r.id and r.first_id <> p.id;

    with ranks(level, rank) as (values
      ('none', 0), ('confidentialityMarking', 1), ('protectedRegistration', 2),
      ('fictitiousIdentity', 3)
    ), strongest as (
      select p.organisation_id, p.personal_number, max(r.rank) as rank
      from persons p join ranks r on r.level = p.protection_level
      where p.personal_number is not null
      group by p.organisation_id, p.personal_number having count(*) > 1
    )
    update persons p set protection_level = r.level, version = p.version + 1
      from strongest s join ranks r on r.rank = s.rank
      where p.organisation_id = s.organisation_id and p.personal_number = s.personal_number
        and p.protection_level <> r.level;

    create unique index persons_identity_unique on persons (organisation_id, personal_number)
      where personal_number is not null and duplicate_of is null;
    create index persons_duplicate_of_idx on persons (duplicate_of) where duplicate_of is not null;

    create table person_units (
      organisation_id uuid not null references organisations(id),
      person_id uuid not null references persons(id),
      unit_id uuid not null references units(id),
      placed_by uuid not null references users(id),
      placed_at timestamptz not null,
      primary key (person_id, unit_id)
    );
    create index person_units_unit_idx on person_units (organisation_id, unit_id);

    alter table consents add column recorded_in_unit_id uuid references units(id);
    update consents c set recorded_in_unit_id = coalesce(
      (select ra.unit_id from role_assignments ra
        where ra.user_id = c.recorded_by and ra.organisation_id = c.organisation_id
          and ra.unit_id in (select cs.unit_id from cases cs where cs.person_id = c.person_id)
        order by ra.unit_id limit 1),
      (select p.unit_id from persons p where p.id = c.person_id));
    alter table consents alter column recorded_in_unit_id set not null;
  `.execute(db);
  await isolateByOrganisation(db, ['person_units'], 'select, insert');
};

export const down = async (db: Kysely<unknown>): Promise<void> => {
  await sql`
    alter table consents drop column recorded_in_unit_id;
    drop table person_units;
    drop index persons_identity_unique;
    alter table persons drop column duplicate_of, drop column birth_date;
  `.execute(db);
};
