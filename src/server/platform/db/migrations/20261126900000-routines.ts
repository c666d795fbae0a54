import { sql, type Kysely } from 'kysely';
import { isolateByOrganisation } from './row-security';

/**
 * The routine library (digest 004, 001): routines with the step they govern, their versions
 * (each approved by someone, in force from a day) and each employee's acknowledgement of the
 * version they read.
 */
export const up = async (db: Kysely<unknown>): Promise<void> => {
  await sql`
    create table routines (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id),
      title text not null,
      step text not null,
      created_by uuid not null references users(id),
      created_at timestamptz not null,
      unique (organisation_id, title)
    );
    create table routine_versions (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id),
      routine_id uuid not null references routines(id),
      version_no integer not null check (version_no > 0),
      body text not null,
      approved_by text not null,
      valid_from date not null,
      created_by uuid not null references users(id),
      created_at timestamptz not null,
      unique (routine_id, version_no)
    );
    create table routine_acknowledgements (
      organisation_id uuid not null references organisations(id),
      version_id uuid not null references routine_versions(id),
      user_id uuid not null references users(id),
      acknowledged_at timestamptz not null,
      primary key (version_id, user_id)
    );
  `.execute(db);
  await isolateByOrganisation(db, ['routines', 'routine_versions', 'routine_acknowledgements']);
};

export const down = async (db: Kysely<unknown>): Promise<void> => {
  await sql`drop table routine_acknowledgements, routine_versions, routines`.execute(db);
};
