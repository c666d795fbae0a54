import { rangeIssue, type FieldProblem } from '../field-issues';
import type { Delegation } from './quota';

/**
 * An organisation's own intervention catalogue (digest 002: specialised teams name their own
 * interventions, work with a set number of sessions, and some take clients without a decision).
 * Local names are the organisation's; the codes below are what can be compared across the county.
 */
export const eligibilities = ['decision', 'serviceWithoutDecision', 'lowThreshold'] as const;
export type Eligibility = (typeof eligibilities)[number];

export const interventionProviders = [
  'ownUnit',
  'otherMunicipality',
  'region',
  'ngo',
  'purchased',
] as const;
export type InterventionProvider = (typeof interventionProviders)[number];

export const interventionTargets = ['victim', 'perpetrator', 'child', 'any'] as const;
export type InterventionTarget = (typeof interventionTargets)[number];

export type InterventionTypeDraft = {
  name: string;
  target: InterventionTarget;
  eligibility: Eligibility;
  provider: InterventionProvider;
  defaultSessions: number;
  defaultWeeks: number | null;
  groupBased: boolean;
};

type Problem = FieldProblem;

export const checkInterventionType = (draft: InterventionTypeDraft): Problem[] => [
  ...(draft.name.trim().length < 3
    ? [
        {
          field: 'name',
          message: 'Skriv insatsens namn så som ni kallar den.',
          code: 'required' as const,
        },
      ]
    : []),
  ...(!Number.isInteger(draft.defaultSessions) ||
  draft.defaultSessions < 1 ||
  draft.defaultSessions > 100
    ? [
        {
          field: 'defaultSessions',
          message: 'Ange antalet samtal eller träffar, 1–100.',
          ...rangeIssue(draft.defaultSessions, 1, 100),
        },
      ]
    : []),
  ...(draft.defaultWeeks !== null &&
  (!Number.isInteger(draft.defaultWeeks) || draft.defaultWeeks < 1 || draft.defaultWeeks > 104)
    ? [
        {
          field: 'defaultWeeks',
          message: 'Ange längden i veckor, 1–104, eller lämna tomt.',
          ...rangeIssue(draft.defaultWeeks, 1, 104),
        },
      ]
    : []),
];

/** Who decides what (delegationsordning): who may grant, and how many sessions each may add. */
export type DecisionDelegation = {
  grant: ('caseWorker' | 'teamLeader')[];
  extension: Delegation;
};

export const defaultDelegation: DecisionDelegation = {
  grant: ['caseWorker', 'teamLeader'],
  extension: { caseWorker: 2, teamLeader: 10 },
};

export type GrantDraft = {
  grantedSessions: number;
  decidedOn: string;
  goals: readonly string[];
};

/**
 * A granted intervention: a decision where the type needs one (by a role the delegation names),
 * at least one goal set with the client, and a number of sessions.
 */
export const checkGrant = (
  draft: GrantDraft,
  context: {
    eligibility: Eligibility;
    deciderRoles: readonly string[];
    delegation: DecisionDelegation;
    today: string;
  },
): Problem[] => {
  const problems: Problem[] = [];
  if (
    context.eligibility === 'decision' &&
    !context.deciderRoles.some((role) =>
      (context.delegation.grant as readonly string[]).includes(role),
    )
  )
    problems.push({
      field: 'decidedOn',
      message: 'Insatsen kräver ett beslut, och din roll har inte delegation att besluta den.',
      code: 'noDelegation',
    });
  if (draft.decidedOn > context.today)
    problems.push({
      field: 'decidedOn',
      message: 'Beslutet kan inte vara fattat i framtiden.',
      code: 'dateInFuture',
    });
  if (
    !Number.isInteger(draft.grantedSessions) ||
    draft.grantedSessions < 1 ||
    draft.grantedSessions > 100
  )
    problems.push({
      field: 'grantedSessions',
      message: 'Ange antalet samtal, 1–100.',
      ...rangeIssue(draft.grantedSessions, 1, 100),
    });
  if (draft.goals.filter((goal) => goal.trim().length >= 5).length === 0)
    problems.push({
      field: 'goals',
      message: 'Skriv minst ett mål, formulerat tillsammans med personen.',
      code: 'required',
    });
  return problems;
};
