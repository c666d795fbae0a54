import { sql, type Kysely } from 'kysely';

/**
 * Tasks with deadlines on a case, and case-owner hand-overs that wait for the new owner's
 * acknowledgement. Free text (task note, hand-over summary) is encrypted like other case text.
 */
export const up = async (db: Kysely<unknown>): Promise<void> => {
  await sql`
    create table case_tasks (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id),
      case_id uuid not null references cases(id),
      kind text not null,
      note_enc text,
      assignee_user_id uuid references users(id),
      due_on date not null,
      source_event_id uuid references case_events(id),
      created_by uuid not null references users(id),
      created_at timestamptz not null,
      done_at timestamptz,
      done_by uuid references users(id),
      version integer not null default 1
    );
    create index case_tasks_case_idx on case_tasks (case_id);
    create index case_tasks_open_assignee_idx on case_tasks (assignee_user_id, due_on)
      where done_at is null;

    create table case_handovers (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id),
      case_id uuid not null references cases(id),
      from_user_id uuid references users(id),
      to_user_id uuid not null references users(id),
      summary_enc text not null,
      proposed_by uuid not null references users(id),
      proposed_at timestamptz not null,
      acknowledged_at timestamptz,
      cancelled_at timestamptz
    );
    -- At most one hand-over per case waits for acknowledgement at a time.
    create unique index case_handovers_pending_idx on case_handovers (case_id)
      where acknowledged_at is null and cancelled_at is null;
    create index case_handovers_recipient_idx on case_handovers (to_user_id)
      where acknowledged_at is null and cancelled_at is null;
  `.execute(db);
  for (const table of ['case_tasks', 'case_handovers']) {
    await sql`
      grant select, insert, update on ${sql.table(table)} to fristad_app;
      alter table ${sql.table(table)} enable row level security;
      create policy organisation_isolation on ${sql.table(table)} to fristad_app
        using (organisation_id = nullif(current_setting('fristad.organisation_id', true), '')::uuid)
        with check (organisation_id = nullif(current_setting('fristad.organisation_id', true), '')::uuid);
    `.execute(db);
  }
};

export const down = async (db: Kysely<unknown>): Promise<void> => {
  await sql`drop table case_handovers; drop table case_tasks;`.execute(db);
};
