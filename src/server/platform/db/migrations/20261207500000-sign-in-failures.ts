import { sql, type Kysely } from 'kysely';

/**
 * Sign-in limits that cannot be turned against staff (issue 18). Five wrong passwords used to lock
 * the account itself for 15 minutes, so anyone could keep an on-call worker out. Failures now count
 * per username and address: the address that guessed waits (longer each time), the owner at her
 * own desk signs in. The username is kept only as a hash: people type passwords into it.
 */
export const up = async (db: Kysely<unknown>): Promise<void> => {
  await sql`
    create table sign_in_failures (
      username_key text not null,
      address text not null,
      failures integer not null,
      last_failed_at timestamptz not null,
      locked_until timestamptz,
      primary key (username_key, address)
    );
    alter table users drop column failed_logins, drop column locked_until;
  `.execute(db);
};

export const down = async (db: Kysely<unknown>): Promise<void> => {
  await sql`
    drop table sign_in_failures;
    alter table users add column failed_logins integer not null default 0,
      add column locked_until timestamptz;
  `.execute(db);
};
