import { sql, type Kysely } from 'kysely';
import { isolateByOrganisation } from './row-security';

/**
 * Link requests (issue 17): linking a perpetrator's case to the victim's by her personnummer used
 * to answer "linked to 1 case" or nothing — so anyone in the perpetrator unit could learn whether
 * a person had a victim case behind another secrecy area. Now the request is recorded for each of
 * her open cases and her own team decides; the asker always gets the same answer.
 */
export const up = async (db: Kysely<unknown>): Promise<void> => {
  await sql`
    create table link_requests (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id),
      -- The perpetrator's case that asks, and the victim's case asked.
      from_case_id uuid not null references cases(id),
      to_case_id uuid not null references cases(id),
      status text not null default 'pending' check (status in ('pending','accepted','declined')),
      requested_by uuid not null references users(id),
      requested_at timestamptz not null,
      answered_by uuid references users(id),
      answered_at timestamptz,
      version integer not null default 1,
      unique (from_case_id, to_case_id),
      check ((status = 'pending') = (answered_at is null))
    );
    create index link_requests_to_case_idx on link_requests (to_case_id) where status = 'pending';
  `.execute(db);
  await isolateByOrganisation(db, ['link_requests']);
};

export const down = async (db: Kysely<unknown>): Promise<void> => {
  await sql`drop table link_requests`.execute(db);
};
