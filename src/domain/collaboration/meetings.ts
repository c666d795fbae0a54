import { addDays } from '../calendar';
import type { FieldIssueCode, FieldProblem } from '../field-issues';

/**
 * Collaboration meetings (samverkansmöte, after the MARAC model, domain-standards §2.1–2.2): the
 * agencies meet about high-risk cases, each says what it knows, and agencies take on actions with
 * owners and deadlines. Cases are presented without names unless a consent or a legal ground
 * allows them; a case that returns within a year is flagged as a repeat.
 */
/** A collaboration meeting (MARAC-like), or a Barnahus consultation (samråd) about a child. */
export const meetingKinds = ['collaboration', 'barnahusConsultation'] as const;
export type MeetingKind = (typeof meetingKinds)[number];

/** A Barnahus consultation is about a child: only a child's case is brought to it. */
export const caseFitsMeeting = (kind: MeetingKind, caseType: string): boolean =>
  kind !== 'barnahusConsultation' || caseType === 'childExposed';

/** An action not done by its last day is overdue: the samråd task that gets lost (digest 002). */
export const actionOverdue = (action: { dueOn: string; done: boolean }, today: string): boolean =>
  !action.done && action.dueOn < today;

export const meetingCriteria = [
  'highRisk',
  'professionalJudgement',
  'escalation',
  'repeat',
] as const;
export type MeetingCriterion = (typeof meetingCriteria)[number];

/** A repeat is a new referral of the same person within twelve months of the last one. */
export const repeatWithinDays = 365;

export const isRepeat = (earlierMeetingDays: readonly string[], heldOn: string): boolean =>
  earlierMeetingDays.some((day) => day < heldOn && addDays(day, repeatWithinDays) >= heldOn);

/** The shortest rationale that says why the case is brought: the chair must understand it. */
export const rationaleMinLength = 20;

export type MeetingItemDraft = {
  criteria: readonly MeetingCriterion[];
  rationale: string;
};

/** Checks a case's referral to a meeting; problems by field. */
export const checkMeetingItem = (draft: MeetingItemDraft): FieldProblem[] => {
  const problems: FieldProblem[] = [];
  if (draft.criteria.length === 0)
    problems.push({
      field: 'criteria',
      message:
        'Välj minst ett skäl: hög risk, professionell bedömning, eskalering eller återkommande ärende.',
      code: 'tooFew',
      limit: 1,
    });
  if (draft.rationale.trim().length < rationaleMinLength)
    problems.push({
      field: 'rationale',
      message: `Beskriv varför ärendet tas upp (minst ${rationaleMinLength} tecken). Vid professionell bedömning: vad oroar dig?`,
      code: 'tooShort',
      limit: rationaleMinLength,
    });
  return problems;
};

/** The name a case goes by in the meeting when names are not allowed: "Ärende 1", "Ärende 2" … */
export const pseudonymFor = (position: number): string => `Ärende ${position}`;

/** An action's deadline must fall on the meeting day or later. */
export const checkActionDue = (
  dueOn: string,
  heldOn: string,
): { ok: true } | { ok: false; message: string; code: FieldIssueCode } =>
  dueOn < heldOn
    ? { ok: false, message: 'Sista dag kan inte ligga före mötet.', code: 'dateOutOfRange' }
    : { ok: true };
