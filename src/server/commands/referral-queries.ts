/** Reading referrals: the actor's incoming and outgoing list, a case's referrals, and one referral with its package and thread. */
import { swedishDate } from '../../domain/calendar';
import { acknowledgeBy, referralState } from '../../domain/collaboration/referrals';
import { presentPersonalNumber } from '../../domain/identity/protected-identity';
import type { ReferralPackage, ReferralSubject } from '../collaboration/referral-package';
import { decryptField } from '../crypto/field-encryption';
import type { CommandContext } from '../http/context';
import {
  listReferralMessages,
  listReferralsOfCase,
  listReferralsOfOrganisation,
  type ReferralRow,
} from '../repositories/referral.repository';
import { loadCaseFor } from './case-access';
import { auditOrganisationEvent, auditPersonEvent, runAudited } from './person-access';
import { contexts, handlingOf, loadReferral, sidePersonId } from './referral-access';

/** A referral as one side sees it: the receiver never sees the sender's case id, and vice versa. */
const presentReferral = (ctx: CommandContext, row: ReferralRow) => {
  const incoming = row.toOrganisationId === ctx.actor.organisationId;
  const subject = JSON.parse(
    decryptField(ctx.keys, contexts.subject, row.subjectEnc),
  ) as ReferralSubject;
  const sentOn = swedishDate(row.sentAt);
  return {
    id: row.id,
    kind: row.kind,
    direction: incoming ? ('incoming' as const) : ('outgoing' as const),
    from: {
      organisation: row.fromOrganisationName,
      unit: row.fromUnitName,
      user: row.fromUserName,
    },
    to: { unitId: row.toUnitId, unit: row.toUnitName },
    caseType: row.caseType,
    subject: {
      name: `${subject.givenName} ${subject.familyName}`,
      personalNumber: presentPersonalNumber(subject.personalNumber, subject.protectionLevel),
      protectionLevel: subject.protectionLevel,
    },
    groundCode: row.groundCode,
    sentAt: row.sentAt.toISOString(),
    acknowledgeBy: acknowledgeBy(sentOn),
    state: referralState(
      {
        sentOn,
        acknowledgedAt: row.acknowledgedAt,
        declinedAt: row.declinedAt,
        withdrawnAt: row.withdrawnAt,
      },
      swedishDate(ctx.now()),
    ),
    acknowledgedAt: row.acknowledgedAt?.toISOString() ?? null,
    acknowledgedByName: row.acknowledgedByName,
    declineReason: row.declineReasonEnc
      ? decryptField(ctx.keys, contexts.declineReason, row.declineReasonEnc)
      : null,
    caseId: incoming ? row.receivedCaseId : row.sourceCaseId,
    messageCount: Number(row.messageCount ?? 0),
    version: row.version,
  };
};

/** Incoming and outgoing referrals the actor may handle, newest first. */
export const listReferrals = (ctx: CommandContext) =>
  runAudited(ctx, async (tx) => {
    const rows = await listReferralsOfOrganisation(tx, ctx.actor.organisationId, 200);
    const visible: ReferralRow[] = [];
    for (const row of rows) {
      const handling = await handlingOf(ctx, tx, row, 'case.read');
      if (!handling) continue;
      // Reached across internal secrecy (break-glass): logged on the person, with how.
      if (handling.reason !== 'referral.party')
        await auditPersonEvent(ctx, tx, {
          type: 'referral.listed',
          personId: handling.personId,
          reason: handling.reason,
          breakGlassId: handling.breakGlassId,
          details: { referralId: row.id },
        });
      visible.push(row);
    }
    await auditOrganisationEvent(ctx, tx, {
      type: 'referral.listed',
      reason: 'referrals.mine',
      details: { count: visible.length },
    });
    return visible.map((row) => presentReferral(ctx, row));
  });

/** Referrals sent from or received into a case the actor may read. */
export const referralsOfCase = (ctx: CommandContext, caseId: string) =>
  runAudited(ctx, async (tx) => {
    const { record, decision } = await loadCaseFor(ctx, tx, caseId, 'case.read', {
      audit: 'referral.read',
      reads: 'notShared',
    });
    const rows = await listReferralsOfCase(tx, caseId);
    await auditPersonEvent(ctx, tx, {
      type: 'referral.read',
      personId: record.personId,
      reason: decision.reason,
      details: { caseId, count: rows.length },
    });
    return rows.map((row) => presentReferral(ctx, row));
  });

/** One referral with its package and thread. The identity number is masked as everywhere. */
export const readReferral = (ctx: CommandContext, id: string) =>
  runAudited(ctx, async (tx) => {
    const { row, handling } = await loadReferral(ctx, tx, id, 'case.read');
    const pack = JSON.parse(
      decryptField(ctx.keys, contexts.package, row.packageEnc),
    ) as ReferralPackage;
    const messages = await listReferralMessages(tx, id);
    await auditPersonEvent(ctx, tx, {
      type: 'referral.read',
      personId: await sidePersonId(ctx, tx, row),
      reason: handling.reason,
      breakGlassId: handling.breakGlassId,
      details: { referralId: id },
    });
    return {
      ...presentReferral(ctx, row),
      package: pack,
      messages: messages.map((message) => ({
        id: message.id,
        kind: message.kind,
        authorName: message.authorName,
        authorOrganisation: message.authorOrganisationName,
        body: decryptField(ctx.keys, contexts.message, message.bodyEnc),
        sentAt: message.sentAt.toISOString(),
        own: message.organisationId === ctx.actor.organisationId,
      })),
    };
  });
