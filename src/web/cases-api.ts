import { swedishDate } from '../domain/calendar';

/** The shapes the case routes return, inferred from their response schemas in src/contract. */
export type {
  CaseDetail,
  CaseEventResult,
  CaseSummary,
  Handover,
  IntakeReferral,
  ScreeningResult,
  Task,
  WorkList,
} from '../contract/cases';

/** A unit of the organisation (GET /api/units: its schema is in the routes, not the contract). */
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
