/** Meetings as a viewer sees them: the agenda's cases by pseudonym or name, notes, actions, minutes. */
import type { Selectable } from 'kysely';
import { actionOverdue } from '../../../domain/collaboration/meetings';
import { decryptField, type KeyRing } from '../../platform/crypto/field-encryption';
import type {
  MeetingActionsTable,
  MeetingItemsTable,
  MeetingNotesTable,
  MeetingsTable,
} from '../../platform/db/schema/collaboration';

export const meetingContext = {
  minutes: 'meetings.minutes',
  name: 'meeting_items.disclosed_name',
  rationale: 'meeting_items.rationale',
  note: 'meeting_notes.body',
  action: 'meeting_actions.description',
} as const;

type Item = Selectable<MeetingItemsTable>;
type Note = Selectable<MeetingNotesTable>;
type Action = Selectable<MeetingActionsTable> & { dueOnText: string };

/**
 * The name an agenda item is shown by: the one allowed into the meeting, or else the case's own
 * to a viewer who may read the case anyway (`known`); otherwise none, and the pseudonym stands.
 */
export const itemNameOf = (
  keys: KeyRing,
  item: Pick<Item, 'disclosedNameEnc'>,
  known: { givenName: string; familyName: string } | null,
) =>
  item.disclosedNameEnc
    ? decryptField(keys, meetingContext.name, item.disclosedNameEnc)
    : known
      ? `${known.givenName} ${known.familyName}`
      : null;

/** One agenda item with its notes and actions; the case id only to a viewer who may read the case. */
export const presentMeetingItem = (
  item: Item,
  view: { name: string | null; readable: boolean; today: string },
  notes: readonly Note[],
  actions: readonly Action[],
  keys: KeyRing,
) => ({
  id: item.id,
  pseudonym: item.pseudonym,
  name: view.name,
  namesAllowed: item.disclosedNameEnc !== null,
  caseId: view.readable ? item.caseId : null,
  criteria: item.criteria,
  rationale: decryptField(keys, meetingContext.rationale, item.rationaleEnc),
  repeat: item.repeat,
  notes: notes
    .filter((note) => note.itemId === item.id)
    .map((note) => ({
      id: note.id,
      organisation: note.organisationName,
      author: note.authorName,
      body: decryptField(keys, meetingContext.note, note.bodyEnc),
      writtenAt: note.writtenAt.toISOString(),
    })),
  actions: actions
    .filter((action) => action.itemId === item.id)
    .map((action) => ({
      id: action.id,
      ownerAgency: action.ownerAgency,
      description: decryptField(keys, meetingContext.action, action.descriptionEnc),
      dueOn: action.dueOnText,
      done: action.doneAt !== null,
      overdue: actionOverdue({ dueOn: action.dueOnText, done: action.doneAt !== null }, view.today),
      version: action.version,
    })),
});

/** A meeting as the viewer may see it, its agenda items already presented. */
export const presentMeeting = (
  meeting: Pick<Selectable<MeetingsTable>, 'kind' | 'title' | 'minutesEnc' | 'version'>,
  view: {
    id: string;
    heldOn: string;
    hosted: boolean;
    chairs: boolean;
    participants: readonly { organisationName: string }[];
    items: ReturnType<typeof presentMeetingItem>[];
  },
  keys: KeyRing,
) => ({
  id: view.id,
  kind: meeting.kind,
  title: meeting.title,
  heldOn: view.heldOn,
  hosted: view.hosted,
  chairs: view.chairs,
  participants: view.participants.map((row) => row.organisationName),
  minutes: meeting.minutesEnc
    ? decryptField(keys, meetingContext.minutes, meeting.minutesEnc)
    : null,
  version: meeting.version,
  items: view.items,
});
