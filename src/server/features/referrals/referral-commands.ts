/** Sending a referral to another organisation, and posting messages in a referral's thread. */
import { swedishDate } from '../../../domain/calendar';
import type { CaseType } from '../../../domain/cases/catalogues';
import type { DataCategory } from '../../../domain/collaboration/consent';
import { checkDisclosure } from '../../../domain/collaboration/grounds';
import {
  acknowledgeBy,
  packageCategories,
  recipientKindOf,
  referralKindFor,
  type MessageKind,
} from '../../../domain/collaboration/referrals';
import { DomainError, ruleViolation } from '../../../domain/errors';
import { buildReferralPackage, type ReferralSubject } from './referral-package';
import { encryptField } from '../../platform/crypto/field-encryption';
import type { CommandContext } from '../../platform/http/context';
import { disclosureContext } from '../collaboration/collaboration.presenter';
import { insertDisclosure } from '../collaboration/collaboration.repository';
import { findUnit, ownOrganisation } from '../organisation/organisation.repository';
import { insertReferral, insertReferralMessage, listDirectory } from './referral.repository';
import { findUserById } from '../organisation/user.repository';
import { loadCaseFor } from '../../platform/runtime/case-access';
import { disclosureRefused, situationFor } from '../collaboration/disclosure-commands';
import { auditPersonEvent, runAudited } from '../../platform/runtime/person-access';
import { loadReferral, sidePersonId } from './referral-access';
import { referralContext as contexts } from './referral.presenter';

export type SendReferralInput = {
  toUnitId: string;
  summary: string;
  categories: DataCategory[];
  groundCode: string | null;
  assessmentNote: string;
};

/**
 * Sends a case on to another organisation: the receiver gets a snapshot of what the sender may
 * disclose, the sender keeps a disclosure record with its ground. Refused without a ground that
 * applies, like every disclosure.
 */
export const sendReferral = (ctx: CommandContext, caseId: string, input: SendReferralInput) =>
  runAudited(ctx, async (tx) => {
    const { record, decision } = await loadCaseFor(ctx, tx, caseId, 'case.write', {
      audit: 'referral.sent',
      reads: 'notShared',
      passesOn: true,
    });
    const own = await ownOrganisation(tx, ctx.actor.organisationId);
    const target = (await listDirectory(tx)).find((row) => row.unitId === input.toUnitId);
    const kind = target ? referralKindFor(own.kind, target.organisationKind) : null;
    if (!target || !kind || target.organisationId === own.id)
      throw new DomainError('validation.invalid', {
        fields: [
          {
            path: 'body.toUnitId',
            message: 'Välj en mottagare i en annan organisation i länet.',
            code: 'notAReferralRecipient',
          },
        ],
      });
    if (input.summary.trim().length < 20)
      throw new DomainError('validation.invalid', {
        fields: [
          {
            path: 'body.summary',
            message: 'Skriv vad som har hänt och vad mottagaren behöver göra (minst 20 tecken).',
            code: 'tooShort',
            limit: 20,
          },
        ],
      });
    const categories = input.categories.filter((category) =>
      packageCategories[kind].includes(category),
    );
    const today = swedishDate(ctx.now());
    const recipient = {
      kind: recipientKindOf[kind],
      organisationId: target.organisationId,
      unitId: target.unitId,
      label: `${target.organisationName} – ${target.unitName}`,
    };
    const { situation, consentIds } = await situationFor(ctx, tx, record, recipient, categories);
    const problems = checkDisclosure(ctx.disclosureGrounds, situation, {
      groundCode: input.groundCode,
      assessmentNote: input.assessmentNote,
      provisionText: '',
    });
    if (problems.length)
      throw disclosureRefused(ctx, situation, problems, 'Överlämningen skickas inte.');
    const now = ctx.now();
    const sender = await findUserById(tx, ctx.actor.userId);
    const fromUnit = (await findUnit(tx, record.unitId))!;
    const subject: ReferralSubject = {
      givenName: record.givenName,
      familyName: record.familyName,
      personalNumber: record.personalNumber,
      protectionLevel: record.protectionLevel as ReferralSubject['protectionLevel'],
    };
    const pack = await buildReferralPackage(ctx, tx, record, input.summary.trim(), categories);
    const { id } = await insertReferral(tx, {
      kind,
      fromOrganisationId: own.id,
      fromUnitId: fromUnit.id,
      fromUserId: ctx.actor.userId,
      fromUserName: sender?.displayName ?? '–',
      fromUnitName: fromUnit.name,
      fromOrganisationName: own.name,
      sourceCaseId: caseId,
      toOrganisationId: target.organisationId,
      toUnitId: target.unitId,
      toUnitName: target.unitName,
      caseType: record.type as CaseType,
      protectionLevel: subject.protectionLevel,
      subjectEnc: encryptField(ctx.keys, contexts.subject, JSON.stringify(subject)),
      packageEnc: encryptField(ctx.keys, contexts.package, JSON.stringify(pack)),
      groundCode: input.groundCode!,
      groundCatalogueVersion: ctx.disclosureGrounds.version,
      sentAt: now,
    });
    await insertDisclosure(tx, {
      organisationId: own.id,
      personId: record.personId,
      caseId,
      recipientKind: recipient.kind,
      recipientUnitId: null,
      recipientLabel: recipient.label,
      categories,
      groundCode: input.groundCode!,
      groundCatalogueVersion: ctx.disclosureGrounds.version,
      provisionText: null,
      consentIds: input.groundCode === 'consent' ? consentIds : [],
      assessmentEnc: input.assessmentNote.trim()
        ? encryptField(ctx.keys, disclosureContext.assessment, input.assessmentNote.trim())
        : null,
      contentEnc: encryptField(
        ctx.keys,
        disclosureContext.content,
        `Överlämning ${id}: ${input.summary.trim()}`,
      ),
      decidedBy: ctx.actor.userId,
      decidedAt: now,
      sharesCase: false,
      shareEndsAt: null,
      shareEndedAt: null,
    });
    await auditPersonEvent(ctx, tx, {
      type: 'referral.sent',
      personId: record.personId,
      reason: decision.reason,
      details: { caseId, referralId: id, kind, ground: input.groundCode },
    });
    return { id, kind, acknowledgeBy: acknowledgeBy(today) };
  });

/**
 * A message in the referral's thread, from either side. Only the police may tell that the
 * investigation was dropped or a prosecution decided: the notice social services otherwise miss.
 */
export const postReferralMessage = (
  ctx: CommandContext,
  id: string,
  input: { kind: MessageKind; body: string },
) =>
  runAudited(ctx, async (tx) => {
    const { row, handling } = await loadReferral(ctx, tx, id, 'case.write', true);
    const own = await ownOrganisation(tx, ctx.actor.organisationId);
    if (input.kind !== 'note' && own.kind !== 'policeRegion')
      throw ruleViolation(
        'referral.police_notice',
        'Bara polisen kan meddela beslut i förundersökningen.',
      );
    if (input.body.trim().length < 3)
      throw new DomainError('validation.invalid', {
        fields: [{ path: 'body.body', message: 'Skriv meddelandet.', code: 'required' }],
      });
    const author = await findUserById(tx, ctx.actor.userId);
    const { id: messageId } = await insertReferralMessage(tx, {
      referralId: id,
      organisationId: own.id,
      kind: input.kind,
      authorName: author?.displayName ?? '–',
      authorOrganisationName: own.name,
      bodyEnc: encryptField(ctx.keys, contexts.message, input.body.trim()),
      sentAt: ctx.now(),
    });
    await auditPersonEvent(ctx, tx, {
      type: 'referral.message_posted',
      personId: await sidePersonId(ctx, tx, row),
      reason: handling.reason,
      details: { referralId: id, messageId, kind: input.kind },
    });
    return { id: messageId };
  });
