import type { FieldProblem } from '../field-issues';
import type { RecipientKind } from './grounds';

/**
 * Consent (samtycke; law catalogue: osl.consent) recorded per person: for what, to whom, which information, given
 * by whom and how, until when. Refusals are recorded as well: "she said no to the police" is as
 * important to the next worker as a yes. A child's consent is given by each custodian separately.
 */
export const dataCategories = [
  'identity',
  'contactDetails',
  'caseHistory',
  'riskAssessments',
  'safetyPlan',
  'health',
  'children',
] as const;
export type DataCategory = (typeof dataCategories)[number];

export const consentForms = ['oral', 'written'] as const;
export const consentGivers = ['self', 'custodian', 'legalRepresentative'] as const;
export type ConsentGiver = (typeof consentGivers)[number];

/**
 * A recipient: a unit or organisation in Fristad by id (chosen from the directory; its label is
 * only what is shown), or an agency outside Fristad named in words (e.g. "Skolan").
 */
export type ConsentRecipient = {
  kind: RecipientKind;
  organisationId: string | null;
  unitId: string | null;
  label: string;
  /**
   * A recipient typed as text before recipients were references, which the migration could not
   * match to the directory: shown for review, matched by its words until someone records anew.
   */
  unverified?: boolean;
};

/**
 * A recipient's words for comparison: case, spaces and the separator between organisation and
 * unit ("Region Övningslän, ATV" / "Region Övningslän – ATV") do not make another recipient.
 */
export const recipientWords = (label: string): string =>
  label
    .toLowerCase()
    .replace(/\s*[,–—-]\s*/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

export type ConsentRecord = {
  id: string;
  decision: 'given' | 'refused';
  recipients: readonly ConsentRecipient[];
  categories: readonly DataCategory[];
  givenBy: ConsentGiver;
  /** Who gave it when not the person: each custodian is one record. */
  giverName: string | null;
  givenOn: string;
  expiresOn: string | null;
  withdrawnOn: string | null;
  recordedAt: Date;
};

/** The age below which a person's consent is given by custodians. */
export const adultAge = 18;

/**
 * Whether a consent's recipient covers the one asked about. A unit is matched by its id, an
 * organisation (without a unit) covers each of its units; an agency outside Fristad, named in
 * words, is matched by its words — and words never stand in for a unit in Fristad.
 */
const matches = (offered: ConsentRecipient, wanted: ConsentRecipient): boolean => {
  if (offered.unitId) return offered.unitId === wanted.unitId;
  if (offered.organisationId) return offered.organisationId === wanted.organisationId;
  // Words name an agency outside Fristad; a unit or organisation in Fristad only by its id.
  return (
    !wanted.unitId &&
    !wanted.organisationId &&
    offered.kind === wanted.kind &&
    recipientWords(offered.label) === recipientWords(wanted.label)
  );
};

/** A decision counts from its day until it expires or is withdrawn. */
export const isInForce = (record: ConsentRecord, today: string): boolean =>
  record.givenOn <= today &&
  (record.expiresOn === null || record.expiresOn >= today) &&
  (record.withdrawnOn === null || record.withdrawnOn > today);

const concerns = (
  record: ConsentRecord,
  recipient: ConsentRecipient,
  categories: readonly DataCategory[],
) =>
  record.recipients.some((offered) => matches(offered, recipient)) &&
  categories.every((category) => record.categories.includes(category));

export type ConsentQuestion = {
  recipient: ConsentRecipient;
  categories: readonly DataCategory[];
  today: string;
  /** The person's age, or null when unknown (treated as an adult who answers for themselves). */
  subjectAge: number | null;
  /** How many custodians a child has; each must consent. */
  custodianCount: number;
};

export type ConsentAnswer =
  { covered: true; consentIds: string[] } | { covered: false; reasonSv: string; reasonEn: string };

/**
 * Whether the consents on record let this recipient have these categories today. Each giver's
 * latest decision about the recipient counts, so a later refusal or withdrawal ends an earlier yes.
 */
export const consentCovers = (
  records: readonly ConsentRecord[],
  question: ConsentQuestion,
): ConsentAnswer => {
  const latestByGiver = new Map<string, ConsentRecord>();
  for (const record of [...records].sort((a, b) => a.recordedAt.getTime() - b.recordedAt.getTime()))
    if (record.recipients.some((offered) => matches(offered, question.recipient)))
      latestByGiver.set(
        `${record.givenBy}:${record.giverName?.trim().toLowerCase() ?? ''}`,
        record,
      );
  const decisions = [...latestByGiver.values()];
  if (
    decisions.some((record) => record.decision === 'refused' && isInForce(record, question.today))
  )
    return {
      covered: false,
      reasonSv: 'Samtycke till den här mottagaren har nekats.',
      reasonEn: 'Consent to this recipient was refused.',
    };
  const valid = decisions.filter(
    (record) =>
      record.decision === 'given' &&
      isInForce(record, question.today) &&
      concerns(record, question.recipient, question.categories),
  );
  const child = question.subjectAge !== null && question.subjectAge < adultAge;
  if (child) {
    const custodians = valid.filter((record) => record.givenBy !== 'self');
    if (custodians.length >= Math.max(1, question.custodianCount))
      return { covered: true, consentIds: custodians.map((record) => record.id) };
    return {
      covered: false,
      reasonSv: `Samtycke behövs från varje vårdnadshavare (${custodians.length} av ${Math.max(1, question.custodianCount)}).`,
      reasonEn: `Each custodian must consent (${custodians.length} of ${Math.max(1, question.custodianCount)}).`,
    };
  }
  const own = valid.filter((record) => record.givenBy !== 'custodian');
  if (own.length > 0) return { covered: true, consentIds: own.map((record) => record.id) };
  return {
    covered: false,
    reasonSv: 'Det finns inget gällande samtycke som omfattar mottagaren och uppgifterna.',
    reasonEn: 'No valid consent covers the recipient and the information.',
  };
};

export type ConsentDraft = {
  decision: 'given' | 'refused';
  recipients: readonly ConsentRecipient[];
  categories: readonly DataCategory[];
  givenBy: ConsentGiver;
  giverName: string | null;
  givenOn: string;
  expiresOn: string | null;
  purpose: string;
};

/** Checks a consent before it is recorded; problems by field. */
export const checkConsentDraft = (draft: ConsentDraft, today: string): FieldProblem[] => {
  const problems: FieldProblem[] = [];
  if (draft.purpose.trim().length < 5)
    problems.push({
      field: 'purpose',
      message: 'Skriv vad samtycket gäller (syftet).',
      code: 'required',
    });
  if (draft.recipients.length === 0)
    problems.push({ field: 'recipients', message: 'Ange minst en mottagare.', code: 'required' });
  if (draft.decision === 'given' && draft.categories.length === 0)
    problems.push({
      field: 'categories',
      message: 'Välj vilka uppgifter samtycket omfattar.',
      code: 'required',
    });
  if (draft.givenBy !== 'self' && !draft.giverName?.trim())
    problems.push({
      field: 'giverName',
      message: 'Skriv vem som lämnade svaret. Varje vårdnadshavare registreras för sig.',
      code: 'required',
    });
  if (draft.givenOn > today)
    problems.push({
      field: 'givenOn',
      message: 'Datumet kan inte ligga i framtiden.',
      code: 'dateInFuture',
    });
  if (draft.expiresOn !== null && draft.expiresOn < draft.givenOn)
    problems.push({
      field: 'expiresOn',
      message: 'Sista giltighetsdag är före datumet för svaret.',
      code: 'endBeforeStart',
    });
  return problems;
};
