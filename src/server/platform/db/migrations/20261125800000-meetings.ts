import { sql, type Kysely } from 'kysely';

/**
 * Collaboration meetings. A meeting belongs to its host organisation and is visible to the
 * organisations taking part (meeting_organisations carries the host id too, so the two policies
 * never ask each other). Cases appear by pseudonym; a name is stored only when allowed.
 */
export const up = async (db: Kysely<unknown>): Promise<void> => {
  await sql`
    create table meetings (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id),
      unit_id uuid not null references units(id),
      -- A Barnahus consultation (samråd) is a meeting about a child with police and prosecutor.
      kind text not null default 'collaboration'
        check (kind in ('collaboration','barnahusConsultation')),
      title text not null,
      held_on date not null,
      minutes_enc text,
      created_by uuid not null references users(id),
      created_at timestamptz not null,
      version integer not null default 1
    );
    create table meeting_organisations (
      meeting_id uuid not null references meetings(id),
      organisation_id uuid not null references organisations(id),
      host_organisation_id uuid not null references organisations(id),
      organisation_name text not null,
      primary key (meeting_id, organisation_id)
    );
    create table meeting_items (
      id uuid primary key default gen_random_uuid(),
      meeting_id uuid not null references meetings(id),
      organisation_id uuid not null references organisations(id),
      case_id uuid not null references cases(id),
      position integer not null,
      pseudonym text not null,
      -- Set only when a consent or a legal ground allows the name in the meeting.
      disclosed_name_enc text,
      disclosure_id uuid references disclosures(id),
      criteria text[] not null,
      rationale_enc text not null,
      repeat boolean not null,
      unique (meeting_id, case_id),
      unique (meeting_id, position)
    );
    create table meeting_notes (
      id uuid primary key default gen_random_uuid(),
      item_id uuid not null references meeting_items(id),
      meeting_id uuid not null references meetings(id),
      organisation_id uuid not null references organisations(id),
      organisation_name text not null,
      author_name text not null,
      body_enc text not null,
      written_at timestamptz not null
    );
    create table meeting_actions (
      id uuid primary key default gen_random_uuid(),
      item_id uuid not null references meeting_items(id),
      meeting_id uuid not null references meetings(id),
      organisation_id uuid not null references organisations(id),
      owner_agency text not null,
      description_enc text not null,
      due_on date not null,
      done_at timestamptz,
      created_at timestamptz not null,
      version integer not null default 1
    );
    create index meeting_items_case_idx on meeting_items (case_id);
    create index meeting_organisations_org_idx on meeting_organisations (organisation_id);

    alter table meeting_organisations enable row level security;
    create policy host_or_participant on meeting_organisations to fristad_app
      using (nullif(current_setting('fristad.organisation_id', true), '')::uuid
        in (organisation_id, host_organisation_id))
      with check (host_organisation_id = nullif(current_setting('fristad.organisation_id', true), '')::uuid);
    alter table meetings enable row level security;
    create policy host_or_participant on meetings to fristad_app
      using (organisation_id = nullif(current_setting('fristad.organisation_id', true), '')::uuid
        or exists (select 1 from meeting_organisations mo where mo.meeting_id = meetings.id
          and mo.organisation_id = nullif(current_setting('fristad.organisation_id', true), '')::uuid))
      with check (organisation_id = nullif(current_setting('fristad.organisation_id', true), '')::uuid);
  `.execute(db);
  // Items and actions are the host's to write; notes are written by each agency for itself.
  for (const table of ['meeting_items', 'meeting_notes', 'meeting_actions']) {
    await sql`
      alter table ${sql.table(table)} enable row level security;
      create policy on_a_visible_meeting on ${sql.table(table)} to fristad_app
        using (exists (select 1 from meetings m where m.id = meeting_id))
        with check (organisation_id = nullif(current_setting('fristad.organisation_id', true), '')::uuid
          and exists (select 1 from meetings m where m.id = meeting_id));
    `.execute(db);
  }
  await sql`
    grant select, insert, update on meetings, meeting_actions to fristad_app;
    grant select, insert on meeting_organisations, meeting_items, meeting_notes to fristad_app;
  `.execute(db);
};

export const down = async (db: Kysely<unknown>): Promise<void> => {
  await sql`drop table meeting_actions, meeting_notes, meeting_items, meeting_organisations, meetings`.execute(
    db,
  );
};
