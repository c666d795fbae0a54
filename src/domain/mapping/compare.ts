import type { OpenAnswer } from './sessions';

/**
 * Comparisons for a county's analysis seminar (digest 001, figure 2): each municipality's
 * ratings on the 0–10 scale, the same municipality across rounds, and the open answers counted
 * by theme once they are coded.
 */
export type SessionFacts = {
  municipalityId: string;
  label: string;
  scale: number | null;
  openAnswers: OpenAnswer[];
};

const mean = (values: readonly number[]) =>
  values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : null;

/** Each municipality's ratings (one per interview occasion) and their mean; unrated ones say so. */
export const scaleByMunicipality = (
  municipalities: readonly { id: string; name: string }[],
  sessions: readonly SessionFacts[],
) =>
  municipalities.map((municipality) => {
    const ratings = sessions
      .filter((session) => session.municipalityId === municipality.id && session.scale !== null)
      .map((session) => ({ label: session.label, scale: session.scale! }));
    return {
      municipalityId: municipality.id,
      name: municipality.name,
      ratings,
      mean: mean(ratings.map((rating) => rating.scale)),
    };
  });

/**
 * A municipality's mean rating in each round, oldest round first, matched by name or SCB code
 * so a municipality added under the same code in a later round is the same line.
 */
export const trendAcrossRounds = (
  rounds: readonly {
    roundId: string;
    name: string;
    openedOn: string;
    municipalities: readonly { id: string; name: string; scbCode: string | null }[];
    sessions: readonly SessionFacts[];
  }[],
) => {
  const ordered = [...rounds].sort((a, b) => a.openedOn.localeCompare(b.openedOn));
  const key = (municipality: { name: string; scbCode: string | null }) =>
    municipality.scbCode ?? municipality.name;
  const names = new Map<string, string>();
  for (const round of ordered)
    for (const municipality of round.municipalities)
      names.set(key(municipality), municipality.name);
  return {
    rounds: ordered.map((round) => ({ roundId: round.roundId, name: round.name })),
    municipalities: [...names].map(([municipalityKey, name]) => ({
      name,
      means: ordered.map((round) => {
        const municipality = round.municipalities.find((entry) => key(entry) === municipalityKey);
        if (!municipality) return null;
        return scaleByMunicipality([municipality], round.sessions)[0]!.mean;
      }),
    })),
  };
};

/** Coded open answers per theme, most mentioned first; uncoded answers are counted apart. */
export const answersByTheme = (
  themes: readonly { code: string }[],
  sessions: readonly SessionFacts[],
) => {
  const answers = sessions.flatMap((session) => session.openAnswers);
  return {
    themes: themes
      .map((theme) => ({
        theme: theme.code,
        answers: answers.filter((answer) => answer.themes.includes(theme.code)),
      }))
      .filter((entry) => entry.answers.length > 0)
      .sort((a, b) => b.answers.length - a.answers.length),
    uncoded: answers.filter((answer) => answer.themes.length === 0).length,
  };
};
