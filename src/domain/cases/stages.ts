import type { CaseType } from './catalogues';

/**
 * The stages of a case under socialtjänstlagen: aktualisering → förhandsbedömning (children) → utredning →
 * beslut → insats → uppföljning → avslut, and råd och service (support without investigation
 * or decision). Transitions are data; planTransition() is the only way to move a case.
 */
export const stages = [
  'intake',
  'preliminaryAssessment',
  'investigation',
  'decision',
  'intervention',
  'followUp',
  'service',
  'closed',
] as const;
export type Stage = (typeof stages)[number];

export const stageLabelsSv: Record<Stage, string> = {
  intake: 'Aktualisering',
  preliminaryAssessment: 'Förhandsbedömning',
  investigation: 'Utredning',
  decision: 'Beslut',
  intervention: 'Insats',
  followUp: 'Uppföljning',
  service: 'Råd och service',
  closed: 'Avslutat',
};

export const stageLabelsEn: Record<Stage, string> = {
  intake: 'Intake',
  preliminaryAssessment: 'Preliminary assessment',
  investigation: 'Investigation',
  decision: 'Decision',
  intervention: 'Intervention',
  followUp: 'Follow-up',
  service: 'Advice and service',
  closed: 'Closed',
};

/**
 * What a stage rests on in the law catalogue, shown beside the stage and resolved for the day
 * the case entered it. Stages without an entry (intake, follow-up, råd och service, closing)
 * are the service's own way of working, not a provision.
 */
export const stageLegalReferences: Partial<Record<Stage, readonly string[]>> = {
  preliminaryAssessment: ['sol.preliminaryAssessment'],
  investigation: ['sol.investigationDuty'],
  decision: ['sol.assistance'],
};

type Rule = {
  to: Stage;
  /** A written reason is required (closing, not opening an investigation, conversions). */
  needsReason: boolean;
  /** Only for these case types; all types when absent. */
  only?: readonly CaseType[];
  /** Never for these case types. */
  except?: readonly CaseType[];
};

const transitions: Record<Stage, readonly Rule[]> = {
  intake: [
    // A report about a child starts with a förhandsbedömning (sol.preliminaryAssessment).
    { to: 'preliminaryAssessment', needsReason: false, only: ['childExposed'] },
    { to: 'investigation', needsReason: false, except: ['childExposed'] },
    { to: 'service', needsReason: false, except: ['childExposed'] },
    { to: 'closed', needsReason: true, except: ['childExposed'] },
  ],
  preliminaryAssessment: [
    { to: 'investigation', needsReason: false },
    { to: 'closed', needsReason: true },
  ],
  investigation: [
    { to: 'decision', needsReason: false },
    { to: 'closed', needsReason: true },
  ],
  decision: [
    { to: 'intervention', needsReason: false },
    { to: 'closed', needsReason: true },
  ],
  intervention: [
    { to: 'followUp', needsReason: false },
    { to: 'closed', needsReason: true },
  ],
  followUp: [
    { to: 'intervention', needsReason: true },
    { to: 'closed', needsReason: true },
  ],
  service: [
    // Råd och service that reveals a need for protection converts to an investigation.
    { to: 'investigation', needsReason: true },
    { to: 'closed', needsReason: true },
  ],
  closed: [{ to: 'intake', needsReason: true }],
};

/**
 * How far the overall goal was reached when a case with interventions closes (Kolada counts
 * cases closed with the goal fully or partly reached). "notAssessable" is honest when the
 * person moved or ended contact before anyone could tell.
 */
export const goalAttainments = ['reached', 'partlyReached', 'notReached', 'notAssessable'] as const;
export type GoalAttainment = (typeof goalAttainments)[number];

/** Closing after an intervention asks how the goal went; closing earlier has no goal to judge. */
const asksAboutGoal = (from: Stage, to: Stage) =>
  to === 'closed' && (from === 'intervention' || from === 'followUp');

const applies = (rule: Rule, type: CaseType) =>
  (!rule.only || rule.only.includes(type)) && !rule.except?.includes(type);

/** The stages a case of this type may move to next. */
export const nextStages = (
  from: Stage,
  type: CaseType,
): { to: Stage; needsReason: boolean; needsGoal: boolean }[] =>
  transitions[from]
    .filter((rule) => applies(rule, type))
    .map(({ to, needsReason }) => ({ to, needsReason, needsGoal: asksAboutGoal(from, to) }));

/**
 * Children in the household (barn i hushållet). Every adult case asks; "unknown" is an honest
 * answer, but the question cannot be skipped silently (violence against children disappears
 * under "oro för barn" otherwise, digest 001).
 */
export const childrenAnswers = ['none', 'yes', 'unknown'] as const;
export type ChildrenAnswer = (typeof childrenAnswers)[number];

const asksAboutChildren = (type: CaseType) => type === 'adultVictim' || type === 'perpetrator';

export type TransitionRequest = {
  from: Stage;
  to: Stage;
  type: CaseType;
  reason: string | null;
  childrenAnswer?: ChildrenAnswer | null;
  goal?: GoalAttainment | null;
};

export type TransitionPlan =
  | { ok: true; to: Stage; reason: string | null; goal: GoalAttainment | null }
  | {
      ok: false;
      code:
        | 'case.transition_not_allowed'
        | 'case.reason_required'
        | 'case.children_unanswered'
        | 'case.goal_required';
      message: string;
    };

/** Checks a stage change against the rules and says in plain Swedish why it is refused. */
export const planTransition = (request: TransitionRequest): TransitionPlan => {
  const rule = transitions[request.from].find(
    (candidate) => candidate.to === request.to && applies(candidate, request.type),
  );
  if (!rule) {
    const allowed = nextStages(request.from, request.type).map((next) => stageLabelsSv[next.to]);
    return {
      ok: false,
      code: 'case.transition_not_allowed',
      message:
        `Ett ärende i steget ${stageLabelsSv[request.from]} kan inte gå till ${stageLabelsSv[request.to]}. ${
          allowed.length ? `Möjliga steg: ${allowed.join(', ')}.` : ''
        }`.trim(),
    };
  }
  if (request.from === 'intake' && asksAboutChildren(request.type) && !request.childrenAnswer) {
    return {
      ok: false,
      code: 'case.children_unanswered',
      message:
        'Fråga om det finns barn i hushållet innan ärendet går vidare. Svara ja, nej eller vet inte.',
    };
  }
  const reason = request.reason?.trim() || null;
  if (rule.needsReason && (reason === null || reason.length < 10)) {
    return {
      ok: false,
      code: 'case.reason_required',
      message: `Skriv varför ärendet går till ${stageLabelsSv[request.to]} (minst 10 tecken).`,
    };
  }
  if (asksAboutGoal(request.from, request.to) && !request.goal) {
    return {
      ok: false,
      code: 'case.goal_required',
      message:
        'Ange hur väl målet för insatserna uppnåddes innan ärendet avslutas: helt, delvis, inte eller går inte att bedöma.',
    };
  }
  const goal = asksAboutGoal(request.from, request.to) ? (request.goal ?? null) : null;
  return { ok: true, to: request.to, reason, goal };
};

/** The stage a new case starts in. */
export const initialStage: Stage = 'intake';

export type ReportOutcome = 'pending' | 'investigationOpened' | 'closed';

/** What came of a report of concern, read from the child case's stage (no content crosses). */
export const reportOutcome = (childStage: Stage): ReportOutcome => {
  if (childStage === 'intake' || childStage === 'preliminaryAssessment') return 'pending';
  if (childStage === 'closed') return 'closed';
  return 'investigationOpened';
};
