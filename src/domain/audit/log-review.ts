import { daysBetween } from '../calendar';
import type { FieldProblem } from '../field-issues';

/**
 * Log review (logguppföljning): a reviewer goes through who opened what and signs that it was
 * done, with findings. Targeted reviews look where misuse would hurt most: protected persons and
 * break-glass openings. A review with nothing to say still says so (the sign-off is the record).
 */
export const logReviewScopes = ['protectedPersons', 'breakGlass', 'person', 'user'] as const;
export type LogReviewScope = (typeof logReviewScopes)[number];

export type LogReviewSignOff = {
  scope: LogReviewScope;
  subjectId: string | null;
  periodFrom: string;
  periodTo: string;
  findings: string;
  deviations: boolean;
};

/** The longest period one review may cover: a year, so reviews stay recurring, not once. */
export const maxReviewDays = 366;

/** Checks a sign-off; problems by field. */
export const checkSignOff = (signOff: LogReviewSignOff, today: string): FieldProblem[] => {
  const problems: FieldProblem[] = [];
  const needsSubject = signOff.scope === 'person' || signOff.scope === 'user';
  if (needsSubject && !signOff.subjectId)
    problems.push({
      field: 'subjectId',
      message:
        signOff.scope === 'person' ? 'Välj vilken person granskningen gäller.' : 'Välj användare.',
      code: 'required',
    });
  if (signOff.periodFrom > signOff.periodTo)
    problems.push({
      field: 'periodTo',
      message: 'Perioden slutar före den börjar.',
      code: 'endBeforeStart',
    });
  else if (daysBetween(signOff.periodFrom, signOff.periodTo) > maxReviewDays)
    problems.push({
      field: 'periodFrom',
      message: 'En granskning kan omfatta högst ett år.',
      code: 'periodTooLong',
    });
  if (signOff.periodTo > today)
    problems.push({
      field: 'periodTo',
      message: 'Du kan bara signera en period som redan har passerat eller pågår i dag.',
      code: 'dateInFuture',
    });
  if (signOff.findings.trim().length < 10)
    problems.push({
      field: 'findings',
      message: signOff.deviations
        ? 'Beskriv avvikelserna och vad som görs åt dem.'
        : 'Skriv vad du har granskat och att inga avvikelser hittades.',
      code: 'required',
    });
  return problems;
};
