import { addDays } from '../calendar';
import type { FieldIssueCode } from '../field-issues';
import { caseEventKinds, type CaseEventKind } from './events';

/**
 * Tasks on a case: something someone must do by a date. Reassessment tasks are created by the
 * system when an event changes the risk (digest 000: delgivning and release must lead to a new
 * assessment, not wait until someone remembers); the rest are added by workers.
 */
export const taskKinds = [
  { code: 'reassessment', sv: 'Gör en ny riskbedömning', en: 'Reassess the risk' },
  { code: 'planReview', sv: 'Följ upp skydds- och åtgärdsplanen', en: 'Review the safety plan' },
  {
    code: 'concern',
    sv: 'Oro för den våldsutsattas säkerhet',
    en: "Concern for the victim's safety",
  },
  { code: 'followUp', sv: 'Följ upp', en: 'Follow up' },
  { code: 'contact', sv: 'Kontakta', en: 'Make contact' },
  { code: 'decision', sv: 'Fatta beslut', en: 'Make a decision' },
  { code: 'other', sv: 'Annan uppgift', en: 'Other task' },
] as const;
export type TaskKind = (typeof taskKinds)[number]['code'];

/**
 * Days within which a reassessment is due after an event that changes the risk. Release from
 * custody and breaches call for action the same day; the others within a few working days.
 */
const reassessWithinDays: Partial<Record<CaseEventKind, number>> = {
  incident: 1,
  contactBanBreach: 0,
  noticeOfSuspicion: 1,
  releaseFromCustody: 0,
  separation: 3,
  contactDecision: 3,
};

/**
 * The reassessment an event calls for, or null. Due counts from the later of the event date and
 * today: an event registered late still gets time to act, but never a due date in the past.
 */
export const reassessmentFor = (
  kind: CaseEventKind,
  occurredOn: string,
  today: string,
): { kind: 'reassessment'; dueOn: string; reasonSv: string; reasonEn: string } | null => {
  const days = reassessWithinDays[kind];
  const event = caseEventKinds.find((entry) => entry.code === kind);
  if (days === undefined || !event?.triggersReassessment) return null;
  const from = occurredOn > today ? occurredOn : today;
  return {
    kind: 'reassessment',
    dueOn: addDays(from, days),
    reasonSv: event.sv,
    reasonEn: event.en,
  };
};

export type TaskState = 'open' | 'overdue' | 'done';

/** A task is overdue from the day after its due date until it is done. */
export const taskState = (
  task: { dueOn: string; doneAt: Date | null },
  today: string,
): TaskState => (task.doneAt ? 'done' : task.dueOn < today ? 'overdue' : 'open');

/** A new task's due date must be a real date, today or later (a task due yesterday is a typo). */
export const checkDueDate = (
  dueOn: string,
  today: string,
): { ok: true } | { ok: false; message: string; code: FieldIssueCode } =>
  dueOn < today
    ? {
        ok: false,
        message: 'Sista dag har redan passerat. Välj dagens datum eller senare.',
        code: 'dateInPast',
      }
    : { ok: true };
