import type { FieldProblem } from '../field-issues';
import type { OpenQuestionId } from './template';

/**
 * An interview occasion in a mapping round (digest 001: seven group interviews and one written
 * reply; some municipalities twice, "Kramfors 1" and "Kramfors 2"). Who took part is counted by
 * role, never named; the rating is the occasion's, and each open answer is one point that can
 * be coded with the county's themes.
 */
export const sessionModes = ['groupInterview', 'digital', 'written'] as const;
export type SessionMode = (typeof sessionModes)[number];
export type Participant = { role: string; count: number };
export type OpenAnswer = { question: OpenQuestionId; text: string; themes: string[] };

export type SessionDraft = {
  label: string;
  heldOn: string;
  mode: SessionMode;
  participants: Participant[];
  scale: number | null;
  openAnswers: { question: OpenQuestionId; text: string }[];
};

type Problem = FieldProblem;

/** Checks a session against the catalogue's roles; problems by field, in plain Swedish. */
export const checkSession = (
  draft: SessionDraft,
  roles: readonly { code: string }[],
  today: string,
): Problem[] => [
  ...(draft.label.trim().length < 2
    ? [
        {
          field: 'label',
          message: 'Ge tillfället ett namn, till exempel "Kramfors 1".',
          code: 'required' as const,
        },
      ]
    : []),
  ...(draft.heldOn > today
    ? [
        {
          field: 'heldOn',
          message: 'Ett tillfälle som ännu inte hållits registreras efteråt.',
          code: 'dateInFuture' as const,
        },
      ]
    : []),
  ...(draft.participants.length === 0 ||
  draft.participants.some(
    (participant) =>
      !roles.some((role) => role.code === participant.role) ||
      !Number.isInteger(participant.count) ||
      participant.count < 1,
  )
    ? [
        {
          field: 'participants',
          message: 'Ange minst en deltagare och deras roll.',
          code: 'required' as const,
        },
      ]
    : []),
  ...(draft.openAnswers.some((answer) => answer.text.trim().length === 0)
    ? [
        {
          field: 'openAnswers',
          message: 'Ta bort tomma svar eller skriv vad som sades.',
          code: 'emptyEntries' as const,
        },
      ]
    : []),
];

/** Coding: only the catalogue's themes, each at most once. */
export const checkThemes = (themes: readonly string[], catalogue: readonly { code: string }[]) =>
  themes.every((theme) => catalogue.some((entry) => entry.code === theme)) &&
  new Set(themes).size === themes.length;
