import { daysBetween } from '../calendar';
import type { Period } from './facts';

/** The longest period one computation covers: two years, enough for a year compared with the last. */
export const maxPeriodDays = 731;

export const checkPeriod = (period: Period): { field: string; message: string }[] => {
  if (period.to < period.from)
    return [{ field: 'to', message: 'Periodens slut måste komma efter dess början.' }];
  if (daysBetween(period.from, period.to) > maxPeriodDays)
    return [{ field: 'to', message: 'Välj en period på högst två år.' }];
  return [];
};
