import { afterEach, describe, expect, it, vi } from 'vitest';
import { dateText, dateTimeText, thisYear, todayText } from './cases-api';

/**
 * The server counts days in Swedish time. A worker's computer may be set to UTC (or be abroad):
 * after 23:00 UTC in winter the Swedish date is already tomorrow, and the defaults and the dates
 * shown must follow Sweden, or a date field offers a day the server calls yesterday.
 */
describe('dates in the web app follow Swedish time', () => {
  afterEach(() => vi.useRealTimers());

  it('offers the Swedish date as today after midnight in Stockholm', () => {
    vi.useFakeTimers({ now: new Date('2026-12-31T23:30:00Z') });
    expect(todayText()).toBe('2027-01-01');
    expect(thisYear()).toBe(2027);
  });

  it('shows an instant as the Swedish day and time it happened', () => {
    expect(dateText('2026-06-30T22:30:00Z', 'sv')).toBe('2026-07-01');
    expect(dateText('2026-06-30T22:30:00Z', 'en')).toBe('01/07/2026');
    expect(dateTimeText('2026-06-30T22:30:00Z', 'sv')).toBe('2026-07-01 00:30:00');
  });

  it('shows a date without time as that same date', () => {
    expect(dateText('2026-03-29', 'sv')).toBe('2026-03-29');
  });
});
