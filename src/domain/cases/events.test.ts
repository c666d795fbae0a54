import { describe, expect, it } from 'vitest';
import { checkEventDate, triggersReassessment } from './events';

describe('case events', () => {
  it('refuses a date after today', () => {
    expect(checkEventDate('2026-11-25', '2026-11-24')).toMatchObject({ ok: false });
    expect(checkEventDate('2026-11-24', '2026-11-24')).toEqual({ ok: true });
  });

  it('marks the events that change risk (delgivning, release, separation, umgänge, breach, incident)', () => {
    expect(
      [
        'noticeOfSuspicion',
        'releaseFromCustody',
        'separation',
        'contactDecision',
        'contactBanBreach',
        'incident',
      ].every((kind) => triggersReassessment(kind as never)),
    ).toBe(true);
    expect(triggersReassessment('policeReport')).toBe(false);
  });
});
