/** Referrals as each side sees them: the list row, one referral in full, and what was handed over. */
import { swedishDate } from '../../../domain/calendar';
import { acknowledgeBy, referralState } from '../../../domain/collaboration/referrals';
import { presentPersonalNumber } from '../../../domain/identity/protected-identity';
import type { ReferralPackage, ReferralSubject } from './referral-package';
import { decryptField, type KeyRing } from '../../platform/crypto/field-encryption';
import type { listReferralMessages, ReferralRow } from './referral.repository';

export const referralContext = {
  subject: 'referrals.subject',
  package: 'referrals.package',
  declineReason: 'referrals.decline_reason',
  message: 'referral_messages.body',
} as const;

/** The viewer's side: its organisation, the keys, and the moment the state is judged at. */
type Viewer = { organisationId: string; keys: KeyRing; now: Date };

type ReferralMessage = Awaited<ReturnType<typeof listReferralMessages>>[number];

/** Who the referral is about, as sent: also what the receiver registers the person from. */
export const referralSubjectOf = (keys: KeyRing, row: Pick<ReferralRow, 'subjectEnc'>) =>
  JSON.parse(decryptField(keys, referralContext.subject, row.subjectEnc)) as ReferralSubject;

/** What was handed over: shown to the sides, and read by the receiver when it opens a case. */
export const referralPackageOf = (keys: KeyRing, row: Pick<ReferralRow, 'packageEnc'>) =>
  JSON.parse(decryptField(keys, referralContext.package, row.packageEnc)) as ReferralPackage;

/** A referral as one side sees it: the receiver never sees the sender's case id, and vice versa. */
export const presentReferral = (row: ReferralRow, viewer: Viewer) => {
  const incoming = row.toOrganisationId === viewer.organisationId;
  const subject = referralSubjectOf(viewer.keys, row);
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
      swedishDate(viewer.now),
    ),
    acknowledgedAt: row.acknowledgedAt?.toISOString() ?? null,
    acknowledgedByName: row.acknowledgedByName,
    declineReason: row.declineReasonEnc
      ? decryptField(viewer.keys, referralContext.declineReason, row.declineReasonEnc)
      : null,
    caseId: incoming ? row.receivedCaseId : row.sourceCaseId,
    messageCount: Number(row.messageCount ?? 0),
    version: row.version,
  };
};

/** One referral with its package and thread. The identity number is masked as everywhere. */
export const presentReferralInFull = (
  row: ReferralRow,
  messages: readonly ReferralMessage[],
  viewer: Viewer,
) => ({
  ...presentReferral(row, viewer),
  package: referralPackageOf(viewer.keys, row),
  messages: messages.map((message) => ({
    id: message.id,
    kind: message.kind,
    authorName: message.authorName,
    authorOrganisation: message.authorOrganisationName,
    body: decryptField(viewer.keys, referralContext.message, message.bodyEnc),
    sentAt: message.sentAt.toISOString(),
    own: message.organisationId === viewer.organisationId,
  })),
});
