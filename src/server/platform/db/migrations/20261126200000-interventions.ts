import { sql, type Kysely } from 'kysely';
import { isolateByOrganisation } from './row-security';

/**
 * Interventions (digest 002): each organisation's own catalogue with local names, a default dose
 * and who provides it; on a case, a granted intervention with its decision, the goals set with
 * the client, a session log against the quota, and extensions decided with reasons within the
 * organisation's delegation.
 */
export const up = async (db: Kysely<unknown>): Promise<void> => {
  await sql`
    alter table organisations add column decision_delegation jsonb not null
      default '{"grant":["caseWorker","teamLeader"],"extension":{"caseWorker":2,"teamLeader":10}}';
    create table intervention_types (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id),
      name text not null,
      target text not null check (target in ('victim','perpetrator','child','any')),
      eligibility text not null check (eligibility in ('decision','serviceWithoutDecision','lowThreshold')),
      provider text not null check (provider in ('ownUnit','otherMunicipality','region','ngo','purchased')),
      default_sessions integer not null check (default_sessions between 1 and 100),
      default_weeks integer check (default_weeks between 1 and 104),
      group_based boolean not null default false,
      created_at timestamptz not null,
      unique (organisation_id, name)
    );
    create table granted_interventions (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id),
      case_id uuid not null references cases(id),
      type_id uuid not null references intervention_types(id),
      granted_sessions integer not null check (granted_sessions between 1 and 100),
      decided_on date not null,
      decided_by uuid not null references users(id),
      goals_enc text not null,
      materials_enc text not null,
      adaptations_enc text not null,
      ended_on date,
      end_reason text check (end_reason in ('completed','dropout','referredOn','other')),
      dropout_reason_enc text,
      created_at timestamptz not null,
      version integer not null default 1,
      check ((ended_on is null) = (end_reason is null))
    );
    -- One running intervention of a kind per case: sessions and extensions name the kind.
    create unique index granted_interventions_running_idx on granted_interventions (case_id, type_id)
      where ended_on is null;
    create table intervention_sessions (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id),
      intervention_id uuid not null references granted_interventions(id),
      held_on date not null,
      kind text not null check (kind in ('session','betweenContact')),
      mode text not null check (mode in ('inPerson','phone','digital','group')),
      outcome text not null check (outcome in ('attended','noShow','cancelledByClient','cancelledByProvider')),
      note_enc text not null,
      recorded_by uuid not null references users(id),
      recorded_at timestamptz not null
    );
    create index intervention_sessions_idx on intervention_sessions (intervention_id, held_on);
    create table intervention_extensions (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id),
      intervention_id uuid not null references granted_interventions(id),
      sessions integer not null check (sessions between 1 and 100),
      reason_enc text not null,
      decided_by uuid not null references users(id),
      decided_by_role text not null,
      decided_on date not null
    );
    create index intervention_extensions_idx on intervention_extensions (intervention_id);
    grant update (decision_delegation) on organisations to fristad_app;
  `.execute(db);
  await isolateByOrganisation(db, [
    'intervention_types',
    'granted_interventions',
    'intervention_sessions',
    'intervention_extensions',
  ]);
};

export const down = async (db: Kysely<unknown>): Promise<void> => {
  await sql`
    drop table intervention_extensions, intervention_sessions, granted_interventions,
      intervention_types;
    revoke update (decision_delegation) on organisations from fristad_app;
    alter table organisations drop column decision_delegation;
  `.execute(db);
};
