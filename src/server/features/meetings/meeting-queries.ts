/** Reading meetings: the list the actor may see, and one meeting with its agenda, notes and actions. */
import { can } from '../../../domain/access/policy';
import { swedishDate } from '../../../domain/calendar';
import type { CommandContext } from '../../platform/http/context';
import { caseResource } from '../cases/case.presenter';
import { itemNameOf, presentMeeting, presentMeetingItem } from './meeting.presenter';
import { findCases } from '../cases/case.repository';
import {
  listLatestMeetings,
  listMeetingActions,
  listMeetingItems,
  listMeetingNotes,
  listMeetingParticipants,
} from './meeting.repository';
import { loadMeeting } from './meeting-access';
import {
  auditOrganisationEvent,
  auditPersonEvent,
  runAudited,
} from '../../platform/runtime/person-access';
import { unitsWhereActorMay } from '../../platform/runtime/readable-units';

/** Meetings the actor's organisation hosts (in the actor's areas) or takes part in, newest first. */
export const listMeetings = (ctx: CommandContext) =>
  runAudited(ctx, async (tx) => {
    const units = await unitsWhereActorMay(ctx, tx, 'case.read');
    const rows = await listLatestMeetings(tx, 100);
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
    const participants = await listMeetingParticipants(tx, id);
    const items = await listMeetingItems(tx, id);
    const notes = await listMeetingNotes(tx, id);
    const actions = await listMeetingActions(tx, id);
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
      const name = itemNameOf(ctx.keys, item, readable && record ? record : null);
      if (name && record)
        await auditPersonEvent(ctx, tx, {
          type: 'meeting.read',
          personId: record.personId,
          reason: decision?.allowed ? decision.reason : 'meeting.disclosed_name',
          details: { meetingId: id, caseId: record.id },
        });
      presented.push(
        presentMeetingItem(
          item,
          { name, readable, today: swedishDate(ctx.now()) },
          notes,
          actions,
          ctx.keys,
        ),
      );
    }
    await auditOrganisationEvent(ctx, tx, {
      type: 'meeting.read',
      reason: hosts ? 'meeting.host' : 'meeting.participant',
      details: { meetingId: id, items: items.length },
    });
    return presentMeeting(
      meeting,
      { id, heldOn, hosted: hosts, chairs, participants, items: presented },
      ctx.keys,
    );
  });
