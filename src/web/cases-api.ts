import type { Stage } from '../domain/cases/stages';

/** The shapes the case routes return (see the OpenAPI document at /api/docs). */
export type CaseSummary = {
  id: string;
  type: string;
  hrv: boolean;
  practice: boolean;
  stage: Stage;
  unitId: string;
  unitName: string;
  person: {
    id: string;
    givenName: string;
    familyName: string;
    personalNumber: string | null;
    protectionLevel: string;
    fictitious: boolean;
  };
  ownerUserId: string | null;
  ownerName: string | null;
  detectionSource: string | null;
  violenceForms: string[];
  childrenAnswer: 'none' | 'yes' | 'unknown' | null;
  referral: { fromUnitId: string; clientConsent: boolean } | null;
  openedAt: string;
  version: number;
  abilities: {
    write: boolean;
    nextStages: { to: Stage; needsReason: boolean; needsGoal: boolean }[];
  };
  /** Why the viewer may read the case (own area, consent, disclosure, break-glass). */
  access: { reason: string | null; sharedUntil: string | null };
};

export type Task = {
  id: string;
  caseId: string;
  kind: string;
  note: string | null;
  dueOn: string;
  state: 'open' | 'overdue' | 'done';
  assigneeUserId: string | null;
  assigneeName: string | null;
  fromEvent: boolean;
  version: number;
};

export type Handover = {
  id: string;
  caseId: string;
  toUserId: string;
  toName: string;
  summary: string;
  proposedBy: string;
  proposedAt: string;
};

export type WorkList = {
  handovers: (Handover & { case: CaseSummary })[];
  tasks: (Task & { case: CaseSummary })[];
  cases: CaseSummary[];
};

export type CaseDetail = CaseSummary & {
  tasks: Task[];
  pendingHandover: Handover | null;
  handoverCandidates: { id: string; displayName: string }[];
  events: {
    id: string;
    kind: string;
    occurredOn: string;
    source: string;
    description: string | null;
    recordedBy: string;
  }[];
  transitions: {
    fromStage: Stage | null;
    toStage: Stage;
    reason: string | null;
    decidedAt: string;
    decidedBy: string;
  }[];
  linkedCases: (
    | { kind: string; visible: true; case: CaseSummary }
    | { kind: string; visible: false; hiddenReason: string }
  )[];
};

export type ReportRow = {
  id: string;
  reportedAt: string;
  childName: string;
  childCaseId: string;
  outcome: 'pending' | 'investigationOpened' | 'closed';
};

export type ScreeningResult = {
  topic: 'exposure' | 'perpetration';
  outcome: string;
  nextSteps: { key: string; urgent: boolean }[];
  resources: { name: string; phone: string | null; note: string; unitId: string | null }[];
};

export type Unit = {
  id: string;
  name: string;
  kind: string;
  routineScreening: boolean;
  version: number;
};

export const dateText = (iso: string, language: string) =>
  new Date(iso).toLocaleDateString(language === 'en' ? 'en-GB' : 'sv-SE');

/** Today's date on this computer, as YYYY-MM-DD (a default for date fields; the server checks). */
export const todayText = () => new Date().toLocaleDateString('sv-SE');
