import { describe, expect, it } from 'vitest';
import { addDays, swedishDate } from './calendar';

describe('calendar', () => {
  it('counts the day in Swedish time, summer and winter', () => {
    expect(swedishDate(new Date('2026-11-24T23:30:00Z'))).toBe('2026-11-25');
    expect(swedishDate(new Date('2026-07-01T21:59:00Z'))).toBe('2026-07-01');
    expect(swedishDate(new Date('2026-07-01T22:01:00Z'))).toBe('2026-07-02');
  });

  it('adds days across month ends and leap days', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});
