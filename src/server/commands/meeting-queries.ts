/** Reading meetings: the list the actor may see, and one meeting with its agenda, notes and actions. */
import { can } from '../../domain/access/policy';
import { swedishDate } from '../../domain/calendar';
import { actionOverdue } from '../../domain/collaboration/meetings';
import { decryptField } from '../crypto/field-encryption';
import type { CommandContext } from '../http/context';
import { caseResource } from '../presenters/case.presenter';
import { findCases } from '../repositories/case.repository';
import { contexts, loadMeeting } from './meeting-access';
import { auditOrganisationEvent, auditPersonEvent, runAudited } from './person-access';
import { unitsWhereActorMay } from './readable-units';

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
