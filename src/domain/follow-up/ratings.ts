import { addMonths } from '../calendar';
import { rangeIssue, type FieldProblem } from '../field-issues';

/**
 * Following the client (digest 002: self-ratings at start and end, yet nobody knows the outcome
 * a year later; digest 001: a 0–10 self-rating with anchors). The person rates their own
 * wellbeing and safety 0–10 and says whether violence has happened since last time — exposure
 * for a victim, use for a person who uses violence.
 */
export const ratingPhases = ['start', 'during', 'end', 'followUp6', 'followUp12'] as const;
export type RatingPhase = (typeof ratingPhases)[number];

export const violenceSince = ['none', 'threats', 'violence', 'notAnswered'] as const;
export type ViolenceSince = (typeof violenceSince)[number];

export type RatingDraft = {
  phase: RatingPhase;
  ratedOn: string;
  wellbeing: number;
  safety: number;
  violence: ViolenceSince;
};

type Problem = FieldProblem;

const scale = (value: number) => Number.isInteger(value) && value >= 0 && value <= 10;

export const checkRating = (draft: RatingDraft, today: string): Problem[] => [
  ...(scale(draft.wellbeing)
    ? []
    : [
        {
          field: 'wellbeing',
          message: 'Välj ett värde från 0 till 10.',
          ...rangeIssue(draft.wellbeing, 0, 10),
        },
      ]),
  ...(scale(draft.safety)
    ? []
    : [
        {
          field: 'safety',
          message: 'Välj ett värde från 0 till 10.',
          ...rangeIssue(draft.safety, 0, 10),
        },
      ]),
  ...(draft.ratedOn > today
    ? [
        {
          field: 'ratedOn',
          message: 'Skattningen kan inte vara gjord i framtiden.',
          code: 'dateInFuture' as const,
        },
      ]
    : []),
];

/**
 * The change between the first and the latest rating, as the person rated it. Null until there
 * are two; "violence since" is shown as it was answered, never summed.
 */
export const ratingChange = (
  ratings: readonly { ratedOn: string; wellbeing: number; safety: number }[],
) => {
  if (ratings.length < 2) return null;
  const ordered = [...ratings].sort((a, b) => a.ratedOn.localeCompare(b.ratedOn));
  const first = ordered[0]!;
  const latest = ordered[ordered.length - 1]!;
  return {
    wellbeing: { from: first.wellbeing, to: latest.wellbeing },
    safety: { from: first.safety, to: latest.safety },
  };
};

/**
 * Follow-up after the case closes, only with the person's consent: at 6 and 12 months. Without
 * consent nobody is contacted; the answer itself is recorded so the figure "asked" is honest.
 */
export const followUpDates = (closedOn: string, consent: boolean): string[] =>
  consent ? [addMonths(closedOn, 6), addMonths(closedOn, 12)] : [];

export const satisfactionSubjects = ['intervention', 'housing'] as const;
export type SatisfactionSubject = (typeof satisfactionSubjects)[number];

export const checkSatisfaction = (draft: {
  subject: SatisfactionSubject;
  interventionTypeId: string | null;
  housingProvider: string;
  score: number;
}): Problem[] => [
  ...(Number.isInteger(draft.score) && draft.score >= 1 && draft.score <= 5
    ? []
    : [
        {
          field: 'score',
          message: 'Välj ett svar från 1 till 5.',
          ...rangeIssue(draft.score, 1, 5),
        },
      ]),
  ...(draft.subject === 'intervention' && !draft.interventionTypeId
    ? [
        {
          field: 'interventionTypeId',
          message: 'Välj vilken insats svaret gäller.',
          code: 'required' as const,
        },
      ]
    : []),
  ...(draft.subject === 'housing' && draft.housingProvider.trim().length < 2
    ? [
        {
          field: 'housingProvider',
          message: 'Skriv vilket boende svaret gäller.',
          code: 'required' as const,
        },
      ]
    : []),
];
