import { describe, expect, it } from 'vitest';
import { addDays, swedishDate, swedishDateTime, swedishDayOf } from './calendar';

describe('calendar', () => {
  it('counts the day in Swedish time, summer and winter', () => {
    expect(swedishDate(new Date('2026-11-24T23:30:00Z'))).toBe('2026-11-25');
    expect(swedishDate(new Date('2026-07-01T21:59:00Z'))).toBe('2026-07-01');
    expect(swedishDate(new Date('2026-07-01T22:01:00Z'))).toBe('2026-07-02');
  });

  it('reads an instant sent as text as its Swedish day, and a date alone as itself', () => {
    // A risk assessment signed at 00:30 in Stockholm is signed that day, not the UTC day before.
    expect(swedishDayOf('2026-12-06T23:30:00.000Z')).toBe('2026-12-07');
    expect(swedishDayOf('2026-12-07')).toBe('2026-12-07');
  });

  it('prints the moment a document was made in Swedish time, to the minute', () => {
    expect(swedishDateTime(new Date('2026-12-06T23:30:00Z'))).toBe('2026-12-07 00:30');
    expect(swedishDateTime(new Date('2026-07-01T08:05:00Z'))).toBe('2026-07-01 10:05');
  });

  it('adds days across month ends and leap days', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});
