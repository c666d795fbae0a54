import { sql, type Kysely } from 'kysely';

/**
 * Lower-cased name columns kept by the database itself, indexed for prefix ranges. Searching
 * lower(name) LIKE 'x%' could not use an index under row-level security (LIKE and lower() are
 * not leakproof), so every search scanned the organisation's persons.
 */
export const up = async (db: Kysely<unknown>): Promise<void> => {
  await sql`
    alter table persons
      add column given_name_key text generated always as (lower(given_name)) stored,
      add column family_name_key text generated always as (lower(family_name)) stored;
    drop index persons_family_name_idx;
    drop index persons_given_name_idx;
    create index persons_given_name_key_idx
      on persons (organisation_id, given_name_key text_pattern_ops);
    create index persons_family_name_key_idx
      on persons (organisation_id, family_name_key text_pattern_ops);
    create index persons_updated_idx on persons (organisation_id, updated_at desc);
  `.execute(db);
};

export const down = async (db: Kysely<unknown>): Promise<void> => {
  await sql`
    drop index persons_updated_idx;
    alter table persons drop column given_name_key, drop column family_name_key;
    create index persons_family_name_idx
      on persons (organisation_id, lower(family_name) text_pattern_ops);
    create index persons_given_name_idx
      on persons (organisation_id, lower(given_name) text_pattern_ops);
  `.execute(db);
};
