import type { CaseDetail } from '../../cases-api';

/**
 * The case as a workspace: an overview of what needs doing now, and one tab per kind of work.
 * A tab's address is the case's address and its slug, so a tab can be linked to and the back
 * button goes back a tab. A tab reads its own records when it is opened (and that read is
 * audited then), so opening a case reads only the overview.
 */
export const caseTabs = [
  'overview',
  'timeline',
  'risk',
  'plan',
  'interventions',
  'housing',
  'collaboration',
  'person',
  'log',
] as const;
export type CaseTab = (typeof caseTabs)[number];

/** The Swedish address segment of each tab; the overview is the case's own address. */
export const tabSlugs: Record<CaseTab, string> = {
  overview: '',
  timeline: 'handelser',
  risk: 'risk',
  plan: 'plan',
  interventions: 'insatser',
  housing: 'boende',
  collaboration: 'samverkan',
  person: 'person',
  log: 'logg',
};

export const tabFromSlug = (slug: string | undefined): CaseTab | null =>
  caseTabs.find((tab) => tabSlugs[tab] === (slug ?? '')) ?? null;

export const tabPath = (caseId: string, tab: CaseTab) =>
  tabSlugs[tab] ? `/arenden/${caseId}/${tabSlugs[tab]}` : `/arenden/${caseId}`;

/**
 * The tabs this viewer has use for. Risk and plan follow what the server showed in the overview
 * (a share opens only the categories that were disclosed); the person, collaboration and housing
 * records belong to the case's own secrecy area.
 */
export const visibleTabs = (detail: CaseDetail, mayReviewLog: boolean): CaseTab[] => {
  const sameArea = detail.access.reason === 'access.same_secrecy_area';
  const shows: Record<CaseTab, boolean> = {
    overview: true,
    timeline: true,
    risk: detail.overview.risk !== null,
    plan: detail.overview.plan !== null,
    interventions: true,
    housing: sameArea && detail.type === 'adultVictim',
    collaboration: sameArea,
    person: sameArea,
    log: mayReviewLog,
  };
  return caseTabs.filter((tab) => shows[tab]);
};

/** Where the work of a task is done: a reassessment on the risk tab, a plan review on the plan's. */
export const taskPath = (task: { caseId: string; kind: string }) =>
  tabPath(
    task.caseId,
    task.kind === 'reassessment' ? 'risk' : task.kind === 'planReview' ? 'plan' : 'overview',
  );
