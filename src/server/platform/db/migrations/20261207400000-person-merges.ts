import { sql, type Kysely } from 'kysely';
import { isolateByOrganisation } from './row-security';

/**
 * Merging duplicate person records (issue 17). A merge moves every reference to the merged
 * record onto the survivor and writes down which rows it moved, so it can be undone for a
 * period. The app may re-point exactly the columns that reference a person, nothing else of the
 * rows it moves; a signed assessment may be re-pointed only between the two records of one
 * merge (it is still about the same human), and stays unchanged in every other way.
 */
export const up = async (db: Kysely<unknown>): Promise<void> => {
  await sql`
    create table person_merges (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id),
      survivor_id uuid not null references persons(id),
      merged_id uuid not null references persons(id),
      -- What the merged record was marked as before (restored on undo).
      previous_duplicate_of uuid references persons(id),
      -- The merged record's unit, where the survivor was placed so that unit still finds her.
      placed_in_unit_id uuid references units(id),
      -- The rows moved: [{ table, column, keys: [{ column: value }] }], as they are after the move.
      moved jsonb not null,
      reason text not null,
      merged_by uuid not null references users(id),
      merged_at timestamptz not null,
      undone_by uuid references users(id),
      undone_at timestamptz,
      check (survivor_id <> merged_id),
      check ((undone_at is null) = (undone_by is null))
    );
    create unique index person_merges_active_idx on person_merges (merged_id) where undone_at is null;
    create index person_merges_survivor_idx on person_merges (survivor_id);
  `.execute(db);
  await isolateByOrganisation(db, ['person_merges']);

  // Every column that references a person may be re-pointed by the app (the merge, and its undo).
  await sql`
    do $$
    declare ref record;
    begin
      for ref in
        select c.conrelid::regclass::text as table_name, a.attname as column_name
        from pg_constraint c
        join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any (c.conkey)
        where c.contype = 'f' and c.confrelid = 'persons'::regclass
          and c.conrelid <> 'person_merges'::regclass
      loop
        execute format('grant update (%I) on %s to fristad_app', ref.column_name, ref.table_name);
      end loop;
    end $$;
    grant delete on person_units to fristad_app;
  `.execute(db);

  await sql`
    create or replace function risk_assessments_signed_immutable() returns trigger
      language plpgsql as $$
      begin
        if old.signed_at is not null then
          if tg_op = 'UPDATE'
             and current_user <> 'fristad_app'
             and current_setting('fristad.reencrypting', true) = 'on'
             and (to_jsonb(new) - 'content_enc') = (to_jsonb(old) - 'content_enc') then
            return new;
          end if;
          -- A merge (or its undo) re-points the assessment between the two records of one person.
          if tg_op = 'UPDATE'
             and (to_jsonb(new) - 'subject_person_id') = (to_jsonb(old) - 'subject_person_id')
             and exists (
               select 1 from person_merges m
               where m.undone_at is null
                 and ((m.merged_id = old.subject_person_id and m.survivor_id = new.subject_person_id)
                   or (m.merged_id = new.subject_person_id and m.survivor_id = old.subject_person_id))
             ) then
            return new;
          end if;
          raise exception 'a signed risk assessment cannot be changed' using errcode = 'check_violation';
        end if;
        return case when tg_op = 'DELETE' then old else new end;
      end;
      $$;
  `.execute(db);
};

export const down = async (db: Kysely<unknown>): Promise<void> => {
  await sql`
    create or replace function risk_assessments_signed_immutable() returns trigger
      language plpgsql as $$
      begin
        if old.signed_at is not null then
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
    revoke delete on person_units from fristad_app;
    drop table person_merges;
  `.execute(db);
};
