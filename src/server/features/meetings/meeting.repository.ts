import type { Insertable } from 'kysely';
import type {
  MeetingActionsTable,
  MeetingItemsTable,
  MeetingNotesTable,
  MeetingOrganisationsTable,
  MeetingsTable,
} from '../../platform/db/schema';
import type { Tx } from '../../platform/db/transaction';

/** Collaboration meetings, their agendas, notes and actions. Commands decide who may see them. */
export const findMeeting = (tx: Tx, id: string) =>
  tx
    .selectFrom('meetings')
    .selectAll()
    .select((eb) => eb.fn<string>('to_char', ['heldOn', eb.val('YYYY-MM-DD')]).as('heldOnText'))
    .where('id', '=', id)
    .executeTakeFirst();

/** The latest meetings of every organisation the row-level security lets through, newest first. */
export const listLatestMeetings = (tx: Tx, limit: number) =>
  tx
    .selectFrom('meetings')
    .select(['id', 'kind', 'title', 'organisationId', 'unitId'])
    .select((eb) => eb.fn<string>('to_char', ['heldOn', eb.val('YYYY-MM-DD')]).as('heldOn'))
    .orderBy('meetings.heldOn', 'desc')
    .limit(limit)
    .execute();

export const insertMeeting = (tx: Tx, values: Insertable<MeetingsTable>) =>
  tx.insertInto('meetings').values(values).returning('id').executeTakeFirstOrThrow();

/** Saves the minutes if nobody changed the meeting since `version`; undefined when stale. */
export const updateMinutesIfVersion = (tx: Tx, id: string, version: number, minutesEnc: string) =>
  tx
    .updateTable('meetings')
    .set((eb) => ({ minutesEnc, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('version')
    .executeTakeFirst();

export const insertMeetingOrganisation = (tx: Tx, values: Insertable<MeetingOrganisationsTable>) =>
  tx.insertInto('meetingOrganisations').values(values).execute();

/** The organisations taking part in a meeting besides the host. */
export const listMeetingParticipants = (tx: Tx, meetingId: string) =>
  tx
    .selectFrom('meetingOrganisations')
    .select(['organisationId', 'organisationName'])
    .where('meetingId', '=', meetingId)
    .execute();

export const findMeetingItem = (tx: Tx, id: string) =>
  tx.selectFrom('meetingItems').selectAll().where('id', '=', id).executeTakeFirst();

/** The agenda item that already brings this case to the meeting, if any. */
export const findAgendaItemForCase = (tx: Tx, meetingId: string, caseId: string) =>
  tx
    .selectFrom('meetingItems')
    .select('id')
    .where('meetingId', '=', meetingId)
    .where('caseId', '=', caseId)
    .executeTakeFirst();

/** The days of every meeting where one of the person's cases was on the agenda. */
export const listMeetingDaysForPerson = (tx: Tx, personId: string) =>
  tx
    .selectFrom('meetingItems as i')
    .innerJoin('meetings as m', 'm.id', 'i.meetingId')
    .innerJoin('cases as c', 'c.id', 'i.caseId')
    .select((eb) => eb.fn<string>('to_char', ['m.heldOn', eb.val('YYYY-MM-DD')]).as('heldOn'))
    .where('c.personId', '=', personId)
    .execute();

/** How many items the meeting's agenda has (a count as text, as the driver gives it). */
export const countMeetingItems = (tx: Tx, meetingId: string) =>
  tx
    .selectFrom('meetingItems')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('meetingId', '=', meetingId)
    .executeTakeFirstOrThrow();

export const insertMeetingItem = (tx: Tx, values: Insertable<MeetingItemsTable>) =>
  tx.insertInto('meetingItems').values(values).returning('id').executeTakeFirstOrThrow();

/** The agenda in order. */
export const listMeetingItems = (tx: Tx, meetingId: string) =>
  tx
    .selectFrom('meetingItems')
    .selectAll()
    .where('meetingId', '=', meetingId)
    .orderBy('position')
    .execute();

export const insertMeetingNote = (tx: Tx, values: Insertable<MeetingNotesTable>) =>
  tx.insertInto('meetingNotes').values(values).returning('id').executeTakeFirstOrThrow();

/** Every agency's notes in the meeting, oldest first. */
export const listMeetingNotes = (tx: Tx, meetingId: string) =>
  tx
    .selectFrom('meetingNotes')
    .selectAll()
    .where('meetingId', '=', meetingId)
    .orderBy('writtenAt')
    .execute();

export const insertMeetingAction = (tx: Tx, values: Insertable<MeetingActionsTable>) =>
  tx.insertInto('meetingActions').values(values).returning('id').executeTakeFirstOrThrow();

export const findMeetingAction = (tx: Tx, id: string) =>
  tx
    .selectFrom('meetingActions')
    .select(['id', 'itemId', 'meetingId'])
    .where('id', '=', id)
    .executeTakeFirst();

/** The meeting's action plan in the order the actions were added. */
export const listMeetingActions = (tx: Tx, meetingId: string) =>
  tx
    .selectFrom('meetingActions')
    .selectAll()
    .select((eb) => eb.fn<string>('to_char', ['dueOn', eb.val('YYYY-MM-DD')]).as('dueOnText'))
    .where('meetingId', '=', meetingId)
    .orderBy('createdAt')
    .execute();

/** Marks an open action done if nobody changed it since `version`; false when stale or done. */
export const markMeetingActionDoneIfVersion = async (
  tx: Tx,
  id: string,
  version: number,
  doneAt: Date,
) => {
  const done = await tx
    .updateTable('meetingActions')
    .set((eb) => ({ doneAt, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .where('doneAt', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return done !== undefined;
};
