import { can } from '../../domain/access/policy';
import { swedishDate } from '../../domain/calendar';
import { checkDisclosure } from '../../domain/collaboration/grounds';
import {
  actionOverdue,
  caseFitsMeeting,
  checkActionDue,
  checkMeetingItem,
  isRepeat,
  pseudonymFor,
  type MeetingCriterion,
  type MeetingKind,
} from '../../domain/collaboration/meetings';
import { DomainError, staleVersion } from '../../domain/errors';
import { decryptField, encryptField } from '../crypto/field-encryption';
import type { Tx } from '../db/transaction';
import type { CommandContext } from '../http/context';
import { disclosureContext } from '../presenters/collaboration.presenter';
import { caseResource } from '../presenters/case.presenter';
import { findCases } from '../repositories/case.repository';
import { insertDisclosure } from '../repositories/collaboration.repository';
import { listDirectory } from '../repositories/referral.repository';
import { findUserById } from '../repositories/user.repository';
import { loadCaseFor } from './case-access';
import { disclosureRefused, situationFor } from './disclosure-commands';
import {
  AuditedDenial,
  auditOrganisationEvent,
  auditPersonEvent,
  runAudited,
} from './person-access';
import { unitsWhereActorMay } from './readable-units';

const contexts = {
  minutes: 'meetings.minutes',
  name: 'meeting_items.disclosed_name',
  rationale: 'meeting_items.rationale',
  note: 'meeting_notes.body',
  action: 'meeting_actions.description',
} as const;

/** How a meeting is named as a recipient: consents name it so, disclosures record it so. */
export const meetingRecipientLabel = 'Samverkansmöte';

const invalid = (path: string, message: string) =>
  new DomainError('validation.invalid', { fields: [{ path: `body.${path}`, message }] });

const notFound = () =>
  new DomainError('not_found', { message: 'Mötet finns inte eller är inte synligt för dig.' });

/** Whether the actor may see the meeting at all (its host team's area, or a participating organisation). */
export const meetingVisibleTo = async (ctx: CommandContext, tx: Tx, id: string) => {
  try {
    await loadMeeting(ctx, tx, id);
    return true;
  } catch (error) {
    if (error instanceof DomainError && error.code === 'not_found') return false;
    throw error;
  }
};

/** Loads a meeting the actor's organisation hosts or takes part in; says whether the actor chairs it. */
const loadMeeting = async (ctx: CommandContext, tx: Tx, id: string) => {
  const meeting = await tx
    .selectFrom('meetings')
    .selectAll()
    .select((eb) => eb.fn<string>('to_char', ['heldOn', eb.val('YYYY-MM-DD')]).as('heldOnText'))
    .where('id', '=', id)
    .executeTakeFirst();
  if (!meeting) throw notFound();
  const hosts = meeting.organisationId === ctx.actor.organisationId;
  const chairs =
    hosts && (await unitsWhereActorMay(ctx, tx, 'case.write')).includes(meeting.unitId);
  if (
    hosts &&
    !chairs &&
    !(await unitsWhereActorMay(ctx, tx, 'case.read')).includes(meeting.unitId)
  )
    throw notFound();
  return { meeting, hosts, chairs, heldOn: meeting.heldOnText };
};

const requireChair = (
  ctx: CommandContext,
  loaded: { chairs: boolean; meeting: { id: string } },
) => {
  if (!loaded.chairs)
    throw new AuditedDenial(ctx, {
      personId: null,
      reason: 'access.not_meeting_host',
      details: { attempted: 'meeting.change', meetingId: loaded.meeting.id },
    });
};

/** Creates a meeting in a unit where the actor works with cases, with the agencies taking part. */
export const createMeeting = (
  ctx: CommandContext,
  input: {
    unitId: string;
    kind: MeetingKind;
    title: string;
    heldOn: string;
    participantOrganisationIds: string[];
  },
) =>
  runAudited(ctx, async (tx) => {
    if (!(await unitsWhereActorMay(ctx, tx, 'case.write')).includes(input.unitId))
      throw invalid('unitId', 'Välj en enhet där du arbetar med ärenden.');
    if (input.title.trim().length < 3) throw invalid('title', 'Ge mötet ett namn.');
    const directory = await listDirectory(tx);
    const participants = [...new Set(input.participantOrganisationIds)].map((id) =>
      directory.find((row) => row.organisationId === id && id !== ctx.actor.organisationId),
    );
    if (participants.some((row) => !row))
      throw invalid('participantOrganisationIds', 'Välj deltagare bland länets organisationer.');
    const { id } = await tx
      .insertInto('meetings')
      .values({
        organisationId: ctx.actor.organisationId,
        unitId: input.unitId,
        kind: input.kind,
        title: input.title.trim(),
        heldOn: input.heldOn,
        createdBy: ctx.actor.userId,
        createdAt: ctx.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const row of participants)
      await tx
        .insertInto('meetingOrganisations')
        .values({
          meetingId: id,
          organisationId: row!.organisationId,
          hostOrganisationId: ctx.actor.organisationId,
          organisationName: row!.organisationName,
        })
        .execute();
    await auditOrganisationEvent(ctx, tx, {
      type: 'meeting.created',
      reason: 'meeting.host',
      details: { meetingId: id, participants: participants.length },
    });
    return { id };
  });

/** Meetings the actor's organisation hosts (in the actor's areas) or takes part in, newest first. */
export const listMeetings = (ctx: CommandContext) =>
  runAudited(ctx, async (tx) => {
    const units = await unitsWhereActorMay(ctx, tx, 'case.read');
    const rows = await tx
      .selectFrom('meetings')
      .select(['id', 'kind', 'title', 'organisationId', 'unitId'])
      .select((eb) => eb.fn<string>('to_char', ['heldOn', eb.val('YYYY-MM-DD')]).as('heldOn'))
      .orderBy('meetings.heldOn', 'desc')
      .limit(100)
      .execute();
    return rows
      .filter(
        (row) => row.organisationId !== ctx.actor.organisationId || units.includes(row.unitId),
      )
      .map((row) => ({
        id: row.id,
        kind: row.kind,
        title: row.title,
        heldOn: row.heldOn,
        hosted: row.organisationId === ctx.actor.organisationId,
      }));
  });

/**
 * A meeting as the viewer may see it. A case's name is shown only when it was allowed into the
 * meeting, or to a host worker who may read the case anyway; everyone else sees the pseudonym.
 */
export const readMeeting = (ctx: CommandContext, id: string) =>
  runAudited(ctx, async (tx) => {
    const { meeting, chairs, hosts, heldOn } = await loadMeeting(ctx, tx, id);
    const participants = await tx
      .selectFrom('meetingOrganisations')
      .select(['organisationId', 'organisationName'])
      .where('meetingId', '=', id)
      .execute();
    const items = await tx
      .selectFrom('meetingItems')
      .selectAll()
      .where('meetingId', '=', id)
      .orderBy('position')
      .execute();
    const notes = await tx
      .selectFrom('meetingNotes')
      .selectAll()
      .where('meetingId', '=', id)
      .orderBy('writtenAt')
      .execute();
    const actions = await tx
      .selectFrom('meetingActions')
      .selectAll()
      .select((eb) => eb.fn<string>('to_char', ['dueOn', eb.val('YYYY-MM-DD')]).as('dueOnText'))
      .where('meetingId', '=', id)
      .orderBy('createdAt')
      .execute();
    const cases = hosts
      ? await findCases(
          tx,
          items.map((item) => item.caseId),
        )
      : [];
    const presented = [];
    for (const item of items) {
      const record = cases.find((row) => row.id === item.caseId);
      const decision = record ? can(ctx.actor, 'case.read', caseResource(record), ctx.now()) : null;
      const readable = decision?.allowed === true;
      const name = item.disclosedNameEnc
        ? decryptField(ctx.keys, contexts.name, item.disclosedNameEnc)
        : readable && record
          ? `${record.givenName} ${record.familyName}`
          : null;
      if (name && record)
        await auditPersonEvent(ctx, tx, {
          type: 'meeting.read',
          personId: record.personId,
          reason: decision?.allowed ? decision.reason : 'meeting.disclosed_name',
          details: { meetingId: id, caseId: record.id },
        });
      presented.push({
        id: item.id,
        pseudonym: item.pseudonym,
        name,
        namesAllowed: item.disclosedNameEnc !== null,
        caseId: readable ? item.caseId : null,
        criteria: item.criteria,
        rationale: decryptField(ctx.keys, contexts.rationale, item.rationaleEnc),
        repeat: item.repeat,
        notes: notes
          .filter((note) => note.itemId === item.id)
          .map((note) => ({
            id: note.id,
            organisation: note.organisationName,
            author: note.authorName,
            body: decryptField(ctx.keys, contexts.note, note.bodyEnc),
            writtenAt: note.writtenAt.toISOString(),
          })),
        actions: actions
          .filter((action) => action.itemId === item.id)
          .map((action) => ({
            id: action.id,
            ownerAgency: action.ownerAgency,
            description: decryptField(ctx.keys, contexts.action, action.descriptionEnc),
            dueOn: action.dueOnText,
            done: action.doneAt !== null,
            overdue: actionOverdue(
              { dueOn: action.dueOnText, done: action.doneAt !== null },
              swedishDate(ctx.now()),
            ),
            version: action.version,
          })),
      });
    }
    await auditOrganisationEvent(ctx, tx, {
      type: 'meeting.read',
      reason: hosts ? 'meeting.host' : 'meeting.participant',
      details: { meetingId: id, items: items.length },
    });
    return {
      id,
      kind: meeting.kind,
      title: meeting.title,
      heldOn,
      hosted: hosts,
      chairs,
      participants: participants.map((row) => row.organisationName),
      minutes: meeting.minutesEnc
        ? decryptField(ctx.keys, contexts.minutes, meeting.minutesEnc)
        : null,
      version: meeting.version,
      items: presented,
    };
  });

/**
 * Brings a case to the meeting. Without a consent or a legal ground it is presented by pseudonym;
 * with one, its name is disclosed to the meeting and the disclosure recorded like any other.
 */
export const addMeetingItem = (
  ctx: CommandContext,
  meetingId: string,
  input: {
    caseId: string;
    criteria: MeetingCriterion[];
    rationale: string;
    groundCode: string | null;
    assessmentNote: string;
  },
) =>
  runAudited(ctx, async (tx) => {
    const loaded = await loadMeeting(ctx, tx, meetingId);
    requireChair(ctx, loaded);
    const problems = checkMeetingItem(input);
    if (problems.length)
      throw new DomainError('validation.invalid', {
        fields: problems.map((problem) => ({
          path: `body.${problem.field}`,
          message: problem.message,
        })),
      });
    const { record, decision } = await loadCaseFor(ctx, tx, input.caseId, 'case.write', {
      audit: 'meeting.item_added',
      reads: 'caseHistory',
      passesOn: true,
    });
    const onAgenda = await tx
      .selectFrom('meetingItems')
      .select('id')
      .where('meetingId', '=', meetingId)
      .where('caseId', '=', record.id)
      .executeTakeFirst();
    if (onAgenda)
      throw new DomainError('rule.violation', {
        reason: 'meeting.case_on_agenda',
        message: 'Ärendet finns redan på mötets dagordning.',
      });
    if (!caseFitsMeeting(loaded.meeting.kind, record.type))
      throw invalid('caseId', 'Till ett samråd på Barnahus tas bara ett barns ärende upp.');
    const earlier = await tx
      .selectFrom('meetingItems as i')
      .innerJoin('meetings as m', 'm.id', 'i.meetingId')
      .innerJoin('cases as c', 'c.id', 'i.caseId')
      .select((eb) => eb.fn<string>('to_char', ['m.heldOn', eb.val('YYYY-MM-DD')]).as('heldOn'))
      .where('c.personId', '=', record.personId)
      .execute();
    const count = await tx
      .selectFrom('meetingItems')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .where('meetingId', '=', meetingId)
      .executeTakeFirstOrThrow();
    let disclosureId: string | null = null;
    if (input.groundCode) {
      const recipient = {
        kind: 'other' as const,
        organisationId: null,
        unitId: null,
        label: meetingRecipientLabel,
      };
      const { situation, consentIds } = await situationFor(ctx, tx, record, recipient, [
        'identity',
      ]);
      const legal = checkDisclosure(ctx.disclosureGrounds, situation, {
        groundCode: input.groundCode,
        assessmentNote: input.assessmentNote,
        provisionText: '',
      });
      if (legal.length)
        throw disclosureRefused(ctx, situation, legal, 'Namnet visas inte för mötet.');
      ({ id: disclosureId } = await insertDisclosure(tx, {
        organisationId: ctx.actor.organisationId,
        personId: record.personId,
        caseId: record.id,
        recipientKind: 'other',
        recipientUnitId: null,
        recipientLabel: `${meetingRecipientLabel}: ${loaded.meeting.title} ${loaded.heldOn}`,
        categories: ['identity'],
        groundCode: input.groundCode,
        groundCatalogueVersion: ctx.disclosureGrounds.version,
        provisionText: null,
        consentIds: input.groundCode === 'consent' ? consentIds : [],
        assessmentEnc: input.assessmentNote.trim()
          ? encryptField(ctx.keys, disclosureContext.assessment, input.assessmentNote.trim())
          : null,
        contentEnc: encryptField(ctx.keys, disclosureContext.content, 'Namn i samverkansmöte'),
        decidedBy: ctx.actor.userId,
        decidedAt: ctx.now(),
        sharesCase: false,
        shareEndsAt: null,
        shareEndedAt: null,
      }));
    }
    const position = Number(count.count) + 1;
    const { id } = await tx
      .insertInto('meetingItems')
      .values({
        meetingId,
        organisationId: ctx.actor.organisationId,
        caseId: record.id,
        position,
        pseudonym: pseudonymFor(position),
        disclosedNameEnc: disclosureId
          ? encryptField(ctx.keys, contexts.name, `${record.givenName} ${record.familyName}`)
          : null,
        disclosureId,
        criteria: [...input.criteria],
        rationaleEnc: encryptField(ctx.keys, contexts.rationale, input.rationale.trim()),
        repeat: isRepeat(
          earlier.map((row) => row.heldOn),
          loaded.heldOn,
        ),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await auditPersonEvent(ctx, tx, {
      type: 'meeting.item_added',
      personId: record.personId,
      reason: decision.reason,
      details: { meetingId, caseId: record.id, itemId: id, named: disclosureId !== null },
    });
    return { id };
  });

const loadItem = async (ctx: CommandContext, tx: Tx, itemId: string) => {
  const item = await tx
    .selectFrom('meetingItems')
    .selectAll()
    .where('id', '=', itemId)
    .executeTakeFirst();
  if (!item) throw notFound();
  return { item, ...(await loadMeeting(ctx, tx, item.meetingId)) };
};

/** What one agency knows about a case, written by that agency (host or participant). */
export const addMeetingNote = (ctx: CommandContext, itemId: string, input: { body: string }) =>
  runAudited(ctx, async (tx) => {
    const { item } = await loadItem(ctx, tx, itemId);
    if (input.body.trim().length < 3) throw invalid('body', 'Skriv vad er organisation vet.');
    const organisation = await tx
      .selectFrom('organisations')
      .select('name')
      .where('id', '=', ctx.actor.organisationId)
      .executeTakeFirstOrThrow();
    const author = await findUserById(tx, ctx.actor.userId);
    const { id } = await tx
      .insertInto('meetingNotes')
      .values({
        itemId,
        meetingId: item.meetingId,
        organisationId: ctx.actor.organisationId,
        organisationName: organisation.name,
        authorName: author?.displayName ?? '–',
        bodyEnc: encryptField(ctx.keys, contexts.note, input.body.trim()),
        writtenAt: ctx.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await auditOrganisationEvent(ctx, tx, {
      type: 'meeting.note_added',
      reason: 'meeting.party',
      details: { meetingId: item.meetingId, itemId },
    });
    return { id };
  });

/** An action an agency takes on, with a deadline: the action plan of the meeting. */
export const addMeetingAction = (
  ctx: CommandContext,
  itemId: string,
  input: { ownerAgency: string; description: string; dueOn: string },
) =>
  runAudited(ctx, async (tx) => {
    const loaded = await loadItem(ctx, tx, itemId);
    requireChair(ctx, loaded);
    if (input.ownerAgency.trim().length < 2)
      throw invalid('ownerAgency', 'Skriv vilken organisation som ansvarar.');
    if (input.description.trim().length < 5)
      throw invalid('description', 'Skriv vad som ska göras.');
    const due = checkActionDue(input.dueOn, loaded.heldOn);
    if (!due.ok) throw invalid('dueOn', due.message);
    const { id } = await tx
      .insertInto('meetingActions')
      .values({
        itemId,
        meetingId: loaded.item.meetingId,
        organisationId: ctx.actor.organisationId,
        ownerAgency: input.ownerAgency.trim(),
        descriptionEnc: encryptField(ctx.keys, contexts.action, input.description.trim()),
        dueOn: input.dueOn,
        createdAt: ctx.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await auditOrganisationEvent(ctx, tx, {
      type: 'meeting.action_added',
      reason: 'meeting.host',
      details: { meetingId: loaded.item.meetingId, itemId, actionId: id },
    });
    return { id };
  });

/** The minutes, kept by the chair; stale versions are refused. */
export const saveMinutes = (
  ctx: CommandContext,
  meetingId: string,
  input: { minutes: string; version: number },
) =>
  runAudited(ctx, async (tx) => {
    requireChair(ctx, await loadMeeting(ctx, tx, meetingId));
    const done = await tx
      .updateTable('meetings')
      .set((eb) => ({
        minutesEnc: encryptField(ctx.keys, contexts.minutes, input.minutes.trim()),
        version: eb('version', '+', 1),
      }))
      .where('id', '=', meetingId)
      .where('version', '=', input.version)
      .returning('version')
      .executeTakeFirst();
    if (!done) throw staleVersion('Protokollet har ändrats av någon annan. Läs in sidan igen.');
    await auditOrganisationEvent(ctx, tx, {
      type: 'meeting.minutes_saved',
      reason: 'meeting.host',
      details: { meetingId },
    });
    return { version: done.version };
  });

/** Marks an action done, by the chair: the plan shows what is left and what is overdue. */
export const completeMeetingAction = (
  ctx: CommandContext,
  actionId: string,
  input: { version: number },
) =>
  runAudited(ctx, async (tx) => {
    const action = await tx
      .selectFrom('meetingActions')
      .select(['id', 'itemId', 'meetingId'])
      .where('id', '=', actionId)
      .executeTakeFirst();
    if (!action) throw notFound();
    requireChair(ctx, await loadMeeting(ctx, tx, action.meetingId));
    const done = await tx
      .updateTable('meetingActions')
      .set((eb) => ({ doneAt: ctx.now(), version: eb('version', '+', 1) }))
      .where('id', '=', actionId)
      .where('version', '=', input.version)
      .where('doneAt', 'is', null)
      .returning('id')
      .executeTakeFirst();
    if (!done) throw staleVersion('Åtgärden har ändrats eller är redan klar. Läs in sidan igen.');
    await auditOrganisationEvent(ctx, tx, {
      type: 'meeting.action_done',
      reason: 'meeting.host',
      details: { meetingId: action.meetingId, actionId },
    });
    return { id: actionId };
  });
