import type { FieldIssueCode } from '../field-issues';

/**
 * Things that happen around a case (timeline): incidents, police events, court decisions,
 * hand-overs. Each has a date and a source. Some of them change the risk, so the risk
 * assessment capability reassesses on them (digest 000: delgivning must trigger reassessment).
 */
export const caseEventKinds = [
  {
    code: 'incident',
    sv: 'Ny händelse av våld eller hot',
    en: 'New incident of violence or threat',
    triggersReassessment: true,
  },
  { code: 'policeReport', sv: 'Polisanmälan', en: 'Police report', triggersReassessment: false },
  {
    code: 'contactBan',
    sv: 'Kontaktförbud beslutat',
    en: 'Contact ban decided',
    triggersReassessment: false,
  },
  {
    code: 'contactBanBreach',
    sv: 'Överträdelse av kontaktförbud',
    en: 'Breach of contact ban',
    triggersReassessment: true,
  },
  {
    code: 'noticeOfSuspicion',
    sv: 'Delgivning av misstanke',
    en: 'Notice of suspicion served',
    triggersReassessment: true,
  },
  {
    code: 'releaseFromCustody',
    sv: 'Frigivning / häktning hävd',
    en: 'Release from custody',
    triggersReassessment: true,
  },
  { code: 'separation', sv: 'Separation', en: 'Separation', triggersReassessment: true },
  {
    code: 'contactDecision',
    sv: 'Beslut om umgänge',
    en: 'Decision on contact with children',
    triggersReassessment: true,
  },
  {
    code: 'custodyDecision',
    sv: 'Beslut om vårdnad',
    en: 'Custody decision',
    triggersReassessment: false,
  },
  { code: 'handOver', sv: 'Överlämning', en: 'Hand-over', triggersReassessment: false },
  { code: 'other', sv: 'Annan händelse', en: 'Other event', triggersReassessment: false },
] as const;
export type CaseEventKind = (typeof caseEventKinds)[number]['code'];

export const eventSources = [
  { code: 'client', sv: 'Klienten', en: 'The client' },
  { code: 'police', sv: 'Polisen', en: 'Police' },
  { code: 'court', sv: 'Domstol', en: 'Court' },
  { code: 'prosecutor', sv: 'Åklagare', en: 'Prosecutor' },
  { code: 'school', sv: 'Skola / förskola', en: 'School / preschool' },
  { code: 'healthCare', sv: 'Hälso- och sjukvård', en: 'Health care' },
  { code: 'shelter', sv: 'Kvinnojour / skyddat boende', en: 'Shelter' },
  { code: 'socialServices', sv: 'Socialtjänsten', en: 'Social services' },
  { code: 'other', sv: 'Annan', en: 'Other' },
] as const;
export type EventSource = (typeof eventSources)[number]['code'];

/** An event is dated on the day it happened; a date after today is a typing mistake. */
export const checkEventDate = (
  occurredOn: string,
  today: string,
): { ok: true } | { ok: false; message: string; code: FieldIssueCode } =>
  occurredOn > today
    ? {
        ok: false,
        message: 'Datumet ligger i framtiden. Ange dagen då det hände.',
        code: 'dateInFuture',
      }
    : { ok: true };

export const triggersReassessment = (kind: CaseEventKind): boolean =>
  caseEventKinds.find((entry) => entry.code === kind)?.triggersReassessment ?? false;
