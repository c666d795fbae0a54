/**
 * Who may see and chair a meeting, and the helpers the meeting use cases share: loading a meeting
 * or an agenda item, and their errors.
 */
import { DomainError } from '../../../domain/errors';
import type { FieldIssueCode } from '../../../domain/field-issues';
import type { Tx } from '../../platform/db/transaction';
import type { CommandContext } from '../../platform/http/context';
import { findMeeting, findMeetingItem } from './meeting.repository';
import { AuditedDenial } from '../../platform/runtime/person-access';
import { unitsWhereActorMay } from '../../platform/runtime/readable-units';

export const invalid = (path: string, message: string, code: FieldIssueCode) =>
  new DomainError('validation.invalid', { fields: [{ path: `body.${path}`, message, code }] });

export const notFound = () =>
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
export const loadMeeting = async (ctx: CommandContext, tx: Tx, id: string) => {
  const meeting = await findMeeting(tx, id);
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

export const requireChair = (
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

export const loadItem = async (ctx: CommandContext, tx: Tx, itemId: string) => {
  const item = await findMeetingItem(tx, itemId);
  if (!item) throw notFound();
  return { item, ...(await loadMeeting(ctx, tx, item.meetingId)) };
};
