import { addDays } from '../calendar';
import type { FieldProblem } from '../field-issues';

/**
 * The agreement register (digest 001 Q24, digest 004 D5, I4): collaboration agreements with
 * the police, the region, women's shelters and other municipalities, with status and a review
 * date — so an agreement does not become a "paper product" nobody follows or remembers.
 */
export const agreementStatuses = ['draft', 'active', 'expired', 'terminated'] as const;
export type AgreementStatus = (typeof agreementStatuses)[number];

export const partnerKinds = [
  'police',
  'region',
  'shelter',
  'otherMunicipality',
  'school',
  'housingCompany',
  'other',
] as const;
export type PartnerKind = (typeof partnerKinds)[number];

/** Whether the agreement is used in practice — the answer digest 004 found was often "on paper". */
export const usageAnswers = ['yes', 'partly', 'no', 'unknown'] as const;
export type Usage = (typeof usageAnswers)[number];

export type AgreementDraft = {
  title: string;
  parties: string[];
  partnerKinds: PartnerKind[];
  status: AgreementStatus;
  signedOn: string | null;
  reviewOn: string | null;
  usedInPractice: Usage;
};

export const checkAgreement = (draft: AgreementDraft): FieldProblem[] => [
  ...(draft.title.trim().length < 3
    ? [{ field: 'title', message: 'Ge avtalet ett namn.', code: 'required' as const }]
    : []),
  ...(draft.parties.filter((party) => party.trim()).length === 0
    ? [
        {
          field: 'parties',
          message: 'Ange minst en part utöver er själva.',
          code: 'required' as const,
        },
      ]
    : []),
  ...(draft.status === 'active' && !draft.reviewOn
    ? [
        {
          field: 'reviewOn',
          message: 'Ett gällande avtal behöver ett datum då det ska ses över.',
          code: 'required' as const,
        },
      ]
    : []),
  ...(draft.signedOn && draft.reviewOn && draft.reviewOn < draft.signedOn
    ? [
        {
          field: 'reviewOn',
          message: 'Översynen kommer efter att avtalet tecknats.',
          code: 'endBeforeStart' as const,
        },
      ]
    : []),
];

export type ReviewState = 'overdue' | 'soon' | 'ok' | 'none';

/** A gällande agreement whose review date has passed is overdue; within 60 days, soon. */
export const reviewState = (
  agreement: { status: AgreementStatus; reviewOn: string | null },
  today: string,
): ReviewState => {
  if (agreement.status !== 'active' || !agreement.reviewOn) return 'none';
  if (agreement.reviewOn < today) return 'overdue';
  return agreement.reviewOn <= addDays(today, 60) ? 'soon' : 'ok';
};
