import { addDays } from '../calendar';
import type { FieldIssueCode } from '../field-issues';
import type { DataCategory } from './consent';
import type { RecipientKind } from './grounds';

/**
 * Hand-overs between organisations (digest 000: BOPS drops cases "in the lap" of social
 * services; digest 002: clients retell their story after moving). A referral is sent with a
 * package and a legal ground, must be acknowledged by the receiver, and carries a thread both
 * sides read. The kind follows from who sends to whom.
 */
export type OrganisationKind = 'municipality' | 'policeRegion' | 'region' | 'countyBoard' | 'ngo';

export const referralKinds = [
  'policeToSocialServices',
  'betweenMunicipalities',
  'toRegion',
  'toShelter',
] as const;
export type ReferralKind = (typeof referralKinds)[number];

/** The kind of a referral from one organisation to another, or null when none is foreseen. */
export const referralKindFor = (
  from: OrganisationKind,
  to: OrganisationKind,
): ReferralKind | null => {
  if (from === 'policeRegion' && to === 'municipality') return 'policeToSocialServices';
  if (from === 'municipality' && to === 'municipality') return 'betweenMunicipalities';
  if (from === 'municipality' && to === 'region') return 'toRegion';
  if (from === 'municipality' && to === 'ngo') return 'toShelter';
  return null;
};

/** How the recipient is weighed against the disclosure grounds. */
export const recipientKindOf: Record<ReferralKind, RecipientKind> = {
  policeToSocialServices: 'socialServices',
  betweenMunicipalities: 'socialServices',
  toRegion: 'healthCare',
  toShelter: 'other',
};

/**
 * How a recipient in another organisation is weighed against the disclosure grounds, by what
 * kind of organisation it is (a consent or disclosure to it need not be a referral).
 */
export const recipientKindOfOrganisation: Record<OrganisationKind, RecipientKind> = {
  municipality: 'socialServices',
  policeRegion: 'police',
  region: 'healthCare',
  ngo: 'other',
  countyBoard: 'other',
};

/** What each kind may carry: the police hand over what happened, a move carries the whole case. */
export const packageCategories: Record<ReferralKind, readonly DataCategory[]> = {
  policeToSocialServices: [
    'identity',
    'contactDetails',
    'caseHistory',
    'riskAssessments',
    'children',
  ],
  betweenMunicipalities: [
    'identity',
    'contactDetails',
    'caseHistory',
    'riskAssessments',
    'safetyPlan',
    'children',
  ],
  toRegion: ['identity', 'contactDetails', 'caseHistory', 'riskAssessments'],
  toShelter: ['identity', 'contactDetails', 'safetyPlan'],
};

/**
 * The day by which the receiver must acknowledge: the next day. A hand-over nobody has
 * acknowledged is the case "in the lap" the seeds describe, so both sides see it overdue.
 */
export const acknowledgeBy = (sentOn: string): string => addDays(sentOn, 1);

export type ReferralState = 'sent' | 'overdue' | 'acknowledged' | 'declined' | 'withdrawn';

export const referralState = (
  referral: {
    sentOn: string;
    acknowledgedAt: Date | null;
    declinedAt: Date | null;
    withdrawnAt: Date | null;
  },
  today: string,
): ReferralState =>
  referral.withdrawnAt
    ? 'withdrawn'
    : referral.declinedAt
      ? 'declined'
      : referral.acknowledgedAt
        ? 'acknowledged'
        : today > acknowledgeBy(referral.sentOn)
          ? 'overdue'
          : 'sent';

/** A receiver's answer is final: once acknowledged or declined, the referral is answered. */
export const checkAnswer = (
  state: ReferralState,
  answer: { decline: boolean; reason: string },
):
  | { ok: true }
  | { ok: false; field: null; message: string }
  | { ok: false; field: string; message: string; code: FieldIssueCode } => {
  if (state === 'acknowledged' || state === 'declined' || state === 'withdrawn')
    return { ok: false, field: null, message: 'Överlämningen är redan besvarad.' };
  if (answer.decline && answer.reason.trim().length < 10)
    return {
      ok: false,
      field: 'reason',
      message:
        'Skriv varför ni inte tar emot överlämningen och vart avsändaren kan vända sig i stället.',
      code: 'required',
    };
  return { ok: true };
};

/** Thread messages: a plain note, or the police telling that the investigation was dropped. */
export const messageKinds = ['note', 'investigationDropped', 'prosecutionDecided'] as const;
export type MessageKind = (typeof messageKinds)[number];
