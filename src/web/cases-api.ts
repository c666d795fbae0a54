import type { CaseOverview, ReportOfConcernRow } from '../contract/case-overview';
import { swedishDate } from '../domain/calendar';
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
  /** What needs doing now: reports of concern, risk level and plan state (see the contract). */
  overview: CaseOverview;
};

export type ReportRow = ReportOfConcernRow;

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

/** A date or instant as the Swedish calendar day it falls on, whatever the computer's time zone. */
export const dateText = (iso: string, language: string) =>
  new Date(iso).toLocaleDateString(language === 'en' ? 'en-GB' : 'sv-SE', {
    timeZone: 'Europe/Stockholm',
  });

/** An instant as Swedish date and time (the audit log and hand-overs are read in Swedish time). */
export const dateTimeText = (iso: string, language: string) =>
  new Date(iso).toLocaleString(language === 'en' ? 'en-GB' : 'sv-SE', {
    timeZone: 'Europe/Stockholm',
  });

/**
 * Today's Swedish date as YYYY-MM-DD, a default for date fields. The server counts days in Swedish
 * time, so a computer set to another zone (or UTC) must not offer yesterday after midnight.
 */
export const todayText = () => swedishDate(new Date());

/** The current year in Sweden (on New Year's Eve after 23:00 UTC it is already next year). */
export const thisYear = () => Number(todayText().slice(0, 4));
