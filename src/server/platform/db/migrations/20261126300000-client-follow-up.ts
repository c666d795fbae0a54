import { sql, type Kysely } from 'kysely';
import { isolateByOrganisation } from './row-security';

/**
 * Following the client (digest 002: nobody knows the outcome a year later): the person's own
 * 0–10 ratings over time, satisfaction per intervention and per housing provider, and the
 * follow-up after closure that happens only with consent.
 */
export const up = async (db: Kysely<unknown>): Promise<void> => {
  await sql`
    create table client_ratings (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id),
      case_id uuid not null references cases(id),
      phase text not null check (phase in ('start','during','end','followUp6','followUp12')),
      rated_on date not null,
      wellbeing integer not null check (wellbeing between 0 and 10),
      safety integer not null check (safety between 0 and 10),
      violence text not null check (violence in ('none','threats','violence','notAnswered')),
      comment_enc text not null,
      recorded_by uuid not null references users(id),
      recorded_at timestamptz not null
    );
    create index client_ratings_case_idx on client_ratings (case_id, rated_on);
    create table satisfaction_answers (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id),
      case_id uuid not null references cases(id),
      subject text not null check (subject in ('intervention','housing')),
      intervention_type_id uuid references intervention_types(id),
      housing_provider text,
      answered_on date not null,
      score integer not null check (score between 1 and 5),
      comment_enc text not null,
      recorded_by uuid not null references users(id)
    );
    create index satisfaction_answers_case_idx on satisfaction_answers (case_id);
    create table follow_up_plans (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id),
      case_id uuid not null unique references cases(id),
      consent boolean not null,
      closed_on date not null,
      follow_up_dates date[] not null default '{}',
      recorded_by uuid not null references users(id),
      recorded_at timestamptz not null,
      version integer not null default 1
    );
  `.execute(db);
  await isolateByOrganisation(db, ['client_ratings', 'satisfaction_answers', 'follow_up_plans']);
};

export const down = async (db: Kysely<unknown>): Promise<void> => {
  await sql`drop table follow_up_plans, satisfaction_answers, client_ratings`.execute(db);
};
