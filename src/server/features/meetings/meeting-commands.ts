/** Creating a meeting and keeping its minutes. */
import type { MeetingKind } from '../../../domain/collaboration/meetings';
import { staleVersion } from '../../../domain/errors';
import { encryptField } from '../../platform/crypto/field-encryption';
import type { CommandContext } from '../../platform/http/context';
import {
  insertMeeting,
  insertMeetingOrganisation,
  updateMinutesIfVersion,
} from './meeting.repository';
import { listDirectory } from '../referrals/referral.repository';
import { invalid, loadMeeting, requireChair } from './meeting-access';
import { meetingContext as contexts } from './meeting.presenter';
import { auditOrganisationEvent, runAudited } from '../../platform/runtime/person-access';
import { unitsWhereActorMay } from '../../platform/runtime/readable-units';

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
      throw invalid('unitId', 'Välj en enhet där du arbetar med ärenden.', 'unitNotYours');
    if (input.title.trim().length < 3) throw invalid('title', 'Ge mötet ett namn.', 'required');
    const directory = await listDirectory(tx);
    const participants = [...new Set(input.participantOrganisationIds)].map((id) =>
      directory.find((row) => row.organisationId === id && id !== ctx.actor.organisationId),
    );
    if (participants.some((row) => !row))
      throw invalid(
        'participantOrganisationIds',
        'Välj deltagare bland länets organisationer.',
        'notAnId',
      );
    const { id } = await insertMeeting(tx, {
      organisationId: ctx.actor.organisationId,
      unitId: input.unitId,
      kind: input.kind,
      title: input.title.trim(),
      heldOn: input.heldOn,
      createdBy: ctx.actor.userId,
      createdAt: ctx.now(),
    });
    for (const row of participants)
      await insertMeetingOrganisation(tx, {
        meetingId: id,
        organisationId: row!.organisationId,
        hostOrganisationId: ctx.actor.organisationId,
        organisationName: row!.organisationName,
      });
    await auditOrganisationEvent(ctx, tx, {
      type: 'meeting.created',
      reason: 'meeting.host',
      details: { meetingId: id, participants: participants.length },
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
    const done = await updateMinutesIfVersion(
      tx,
      meetingId,
      input.version,
      encryptField(ctx.keys, contexts.minutes, input.minutes.trim()),
    );
    if (!done) throw staleVersion('Protokollet har ändrats av någon annan. Läs in sidan igen.');
    await auditOrganisationEvent(ctx, tx, {
      type: 'meeting.minutes_saved',
      reason: 'meeting.host',
      details: { meetingId },
    });
    return { version: done.version };
  });
