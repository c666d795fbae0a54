import type { FieldIssueCode } from '../field-issues';

/**
 * Routine questions about violence (rutinmässiga frågor), asked in every unit by default:
 * about being exposed to violence and about using it. "Not asked" is an answer too, with a
 * reason, so coverage can be measured honestly (digest 004 §4.1; Mjölby pilot).
 */
export const screeningTopics = ['exposure', 'perpetration'] as const;
export type ScreeningTopic = (typeof screeningTopics)[number];

export const screeningOutcomes = ['positive', 'negative', 'declined', 'notAsked'] as const;
export type ScreeningOutcome = (typeof screeningOutcomes)[number];

/** Reasons for not asking; "unsafe" (the other person was present) is the commonest good one. */
export const notAskedReasons = [
  'othersPresent',
  'interpreterMissing',
  'clientCondition',
  'notRelevantContact',
  'askedRecently',
  'other',
] as const;
export type NotAskedReason = (typeof notAskedReasons)[number];

export type ScreeningAnswer = {
  topic: ScreeningTopic;
  outcome: ScreeningOutcome;
  notAskedReason: NotAskedReason | null;
};

/** An answer must say why a question was not asked, and only then. */
export const validateScreening = (
  answer: ScreeningAnswer,
): { ok: true } | { ok: false; message: string; code: FieldIssueCode } => {
  if (answer.outcome === 'notAsked' && !answer.notAskedReason) {
    return { ok: false, message: 'Ange varför frågan inte ställdes.', code: 'required' };
  }
  if (answer.outcome !== 'notAsked' && answer.notAskedReason) {
    return {
      ok: false,
      message: 'Skäl för att inte fråga anges bara när frågan inte ställdes.',
      code: 'unknownField',
    };
  }
  return { ok: true };
};

export type NextStep = { key: string; urgent: boolean };

/**
 * What a positive answer leads to. The worker sees this at once with the unit's resources,
 * because asking without being able to act is what stops staff from asking (digest 004 L3480).
 */
export const nextStepsFor = (answer: ScreeningAnswer): NextStep[] => {
  if (answer.outcome !== 'positive') return [];
  if (answer.topic === 'exposure') {
    return [
      { key: 'screening.next.askAboutSafetyNow', urgent: true },
      { key: 'screening.next.riskAssessment', urgent: true },
      { key: 'screening.next.askAboutChildren', urgent: true },
      { key: 'screening.next.offerVinrUnit', urgent: false },
    ];
  }
  return [
    { key: 'screening.next.askAboutChildren', urgent: true },
    { key: 'screening.next.victimSafety', urgent: true },
    { key: 'screening.next.offerPerpetratorSupport', urgent: false },
  ];
};

/** Share of screenings where the question was actually put (asked / all recorded). */
export const coverage = (counts: { asked: number; notAsked: number }): number | null => {
  const total = counts.asked + counts.notAsked;
  return total === 0 ? null : counts.asked / total;
};
