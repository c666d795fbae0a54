/** A meeting's agenda: bringing a case to it (by pseudonym, or by name with a ground), and each agency's notes on it. */
import { checkDisclosure } from '../../../domain/collaboration/grounds';
import {
  caseFitsMeeting,
  checkMeetingItem,
  isRepeat,
  pseudonymFor,
  type MeetingCriterion,
} from '../../../domain/collaboration/meetings';
import { DomainError } from '../../../domain/errors';
import { encryptField } from '../../platform/crypto/field-encryption';
import type { CommandContext } from '../../platform/http/context';
import { disclosureContext } from '../collaboration/collaboration.presenter';
import { insertDisclosure } from '../collaboration/collaboration.repository';
import {
  countMeetingItems,
  findAgendaItemForCase,
  insertMeetingItem,
  insertMeetingNote,
  listMeetingDaysForPerson,
} from './meeting.repository';
import { ownOrganisation } from '../organisation/organisation.repository';
import { findUserById } from '../organisation/user.repository';
import { loadCaseFor } from '../../platform/runtime/case-access';
import { disclosureRefused, situationFor } from '../collaboration/disclosure-commands';
import { invalid, loadItem, loadMeeting, requireChair } from './meeting-access';
import { meetingContext as contexts } from './meeting.presenter';
import {
  auditOrganisationEvent,
  auditPersonEvent,
  runAudited,
} from '../../platform/runtime/person-access';

/** How a meeting is named as a recipient: consents name it so, disclosures record it so. */
export const meetingRecipientLabel = 'Samverkansmöte';

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
        fields: problems.map(({ field, ...issue }) => ({ path: `body.${field}`, ...issue })),
      });
    const { record, decision } = await loadCaseFor(ctx, tx, input.caseId, 'case.write', {
      audit: 'meeting.item_added',
      reads: 'caseHistory',
      passesOn: true,
    });
    const onAgenda = await findAgendaItemForCase(tx, meetingId, record.id);
    if (onAgenda)
      throw new DomainError('rule.violation', {
        reason: 'meeting.case_on_agenda',
        message: 'Ärendet finns redan på mötets dagordning.',
      });
    if (!caseFitsMeeting(loaded.meeting.kind, record.type))
      throw invalid(
        'caseId',
        'Till ett samråd på Barnahus tas bara ett barns ärende upp.',
        'notAChildsCase',
      );
    const earlier = await listMeetingDaysForPerson(tx, record.personId);
    const count = await countMeetingItems(tx, meetingId);
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
    const { id } = await insertMeetingItem(tx, {
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
    });
    await auditPersonEvent(ctx, tx, {
      type: 'meeting.item_added',
      personId: record.personId,
      reason: decision.reason,
      details: { meetingId, caseId: record.id, itemId: id, named: disclosureId !== null },
    });
    return { id };
  });

/** What one agency knows about a case, written by that agency (host or participant). */
export const addMeetingNote = (ctx: CommandContext, itemId: string, input: { body: string }) =>
  runAudited(ctx, async (tx) => {
    const { item } = await loadItem(ctx, tx, itemId);
    if (input.body.trim().length < 3)
      throw invalid('body', 'Skriv vad er organisation vet.', 'required');
    const organisation = await ownOrganisation(tx, ctx.actor.organisationId);
    const author = await findUserById(tx, ctx.actor.userId);
    const { id } = await insertMeetingNote(tx, {
      itemId,
      meetingId: item.meetingId,
      organisationId: ctx.actor.organisationId,
      organisationName: organisation.name,
      authorName: author?.displayName ?? '–',
      bodyEnc: encryptField(ctx.keys, contexts.note, input.body.trim()),
      writtenAt: ctx.now(),
    });
    await auditOrganisationEvent(ctx, tx, {
      type: 'meeting.note_added',
      reason: 'meeting.party',
      details: { meetingId: item.meetingId, itemId },
    });
    return { id };
  });
