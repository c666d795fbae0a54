/** A meeting's action plan: actions an agency takes on, and marking them done. */
import { checkActionDue } from '../../../domain/collaboration/meetings';
import { staleVersion } from '../../../domain/errors';
import { encryptField } from '../../platform/crypto/field-encryption';
import type { CommandContext } from '../../platform/http/context';
import {
  findMeetingAction,
  insertMeetingAction,
  markMeetingActionDoneIfVersion,
} from './meeting.repository';
import { invalid, loadItem, loadMeeting, notFound, requireChair } from './meeting-access';
import { meetingContext as contexts } from './meeting.presenter';
import { auditOrganisationEvent, runAudited } from '../../platform/runtime/person-access';

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
      throw invalid('ownerAgency', 'Skriv vilken organisation som ansvarar.', 'required');
    if (input.description.trim().length < 5)
      throw invalid('description', 'Skriv vad som ska göras.', 'required');
    const due = checkActionDue(input.dueOn, loaded.heldOn);
    if (!due.ok) throw invalid('dueOn', due.message, due.code);
    const { id } = await insertMeetingAction(tx, {
      itemId,
      meetingId: loaded.item.meetingId,
      organisationId: ctx.actor.organisationId,
      ownerAgency: input.ownerAgency.trim(),
      descriptionEnc: encryptField(ctx.keys, contexts.action, input.description.trim()),
      dueOn: input.dueOn,
      createdAt: ctx.now(),
    });
    await auditOrganisationEvent(ctx, tx, {
      type: 'meeting.action_added',
      reason: 'meeting.host',
      details: { meetingId: loaded.item.meetingId, itemId, actionId: id },
    });
    return { id };
  });

/** Marks an action done, by the chair: the plan shows what is left and what is overdue. */
export const completeMeetingAction = (
  ctx: CommandContext,
  actionId: string,
  input: { version: number },
) =>
  runAudited(ctx, async (tx) => {
    const action = await findMeetingAction(tx, actionId);
    if (!action) throw notFound();
    requireChair(ctx, await loadMeeting(ctx, tx, action.meetingId));
    const done = await markMeetingActionDoneIfVersion(tx, actionId, input.version, ctx.now());
    if (!done) throw staleVersion('Åtgärden har ändrats eller är redan klar. Läs in sidan igen.');
    await auditOrganisationEvent(ctx, tx, {
      type: 'meeting.action_done',
      reason: 'meeting.host',
      details: { meetingId: action.meetingId, actionId },
    });
    return { id: actionId };
  });
