import { daysBetween } from '../calendar';
import type { FieldProblem } from '../field-issues';
import type { Period } from './facts';

/** The longest period one computation covers: two years, enough for a year compared with the last. */
export const maxPeriodDays = 731;

export const checkPeriod = (period: Period): FieldProblem[] => {
  if (period.to < period.from)
    return [
      {
        field: 'to',
        message: 'Periodens slut måste komma efter dess början.',
        code: 'endBeforeStart',
      },
    ];
  if (daysBetween(period.from, period.to) > maxPeriodDays)
    return [{ field: 'to', message: 'Välj en period på högst två år.', code: 'periodTooLong' }];
  return [];
};

/**
 * The days the figures can speak of. A period that has not ended yet (this year, on 7 December)
 * is measured until today: "at the end of the period" then means today, so a reassessment due
 * next week is not counted as overdue. Nothing after today has happened, so no other figure
 * changes.
 */
export const measuredUntil = (period: Period, today: string): Period =>
  period.to > today ? { from: period.from, to: today } : period;

/** A period for the organisation's figures: as checkPeriod, and one that has begun. */
export const checkFiguresPeriod = (period: Period, today: string): FieldProblem[] => {
  const problems = checkPeriod(period);
  if (problems.length) return problems;
  if (period.from > today)
    return [
      {
        field: 'from',
        message: 'Perioden har inte börjat än. Välj en som har börjat.',
        code: 'dateInFuture',
      },
    ];
  return [];
};
