import { describe, expect, it } from 'vitest';
import { checkAdmission, checkGroup, queueFigures } from './groups';

const today = '2026-11-25';

describe('groups and their waiting lists', () => {
  it('asks for a theme and a number of places', () => {
    expect(checkGroup({ theme: 'Mammagrupp', capacity: 8, startsOn: '2027-01-15' }, today)).toEqual(
      [],
    );
    expect(checkGroup({ theme: 'M', capacity: 0, startsOn: '2025-01-01' }, today)).toHaveLength(3);
  });

  it('counts who waits, for how long, and how long those admitted waited', () => {
    const figures = queueFigures(
      [
        { addedOn: '2026-11-01', admittedOn: null, leftOn: null },
        { addedOn: '2026-11-20', admittedOn: null, leftOn: null },
        { addedOn: '2026-10-01', admittedOn: '2026-10-11', leftOn: null },
        { addedOn: '2026-09-01', admittedOn: '2026-09-21', leftOn: null },
        { addedOn: '2026-08-01', admittedOn: '2026-08-31', leftOn: '2026-10-01' },
        // Left the queue without a place: neither waiting nor admitted.
        { addedOn: '2026-10-05', admittedOn: null, leftOn: '2026-10-20' },
      ],
      3,
      today,
    );
    expect(figures).toEqual({
      waiting: 2,
      inGroup: 2,
      freePlaces: 1,
      longestWaitDays: 24,
      medianWaitDaysOfAdmitted: 20,
    });
    expect(checkAdmission(figures).ok).toBe(true);
    expect(checkAdmission({ freePlaces: 0 })).toMatchObject({ ok: false });
  });
});
