import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkBooking, checkCapacity, freePlaces, releasePlaces } from './availability';

describe('protected housing availability', () => {
  it('books free places and refuses the last place twice', () => {
    const unit = { capacity: 3, occupied: 2 };
    const booked = checkBooking(unit, 1);
    expect(booked).toEqual({ ok: true, occupied: 3 });
    expect(checkBooking({ capacity: 3, occupied: 3 }, 1)).toMatchObject({
      ok: false,
      message: expect.stringContaining('ouppfyllt behov'),
    });
    expect(checkBooking(unit, 2)).toMatchObject({ ok: false });
    expect(checkBooking(unit, 0)).toMatchObject({ ok: false });
  });

  it('never has negative or more than capacity free places, whatever happens', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 20 }),
        fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 1, max: 5 })), { maxLength: 40 }),
        (capacity, steps) => {
          let unit = { capacity, occupied: 0 };
          for (const [book, places] of steps) {
            if (book) {
              const result = checkBooking(unit, places);
              if (result.ok) unit = { ...unit, occupied: result.occupied };
            } else unit = releasePlaces(unit, places);
            expect(freePlaces(unit)).toBeGreaterThanOrEqual(0);
            expect(unit.occupied).toBeLessThanOrEqual(capacity);
            expect(unit.occupied).toBeGreaterThanOrEqual(0);
          }
        },
      ),
    );
  });

  it('keeps capacity at or above the places occupied', () => {
    expect(checkCapacity({ capacity: 4, occupied: 3 }, 2)).toMatchObject({ ok: false });
    expect(checkCapacity({ capacity: 4, occupied: 3 }, 3)).toEqual({ ok: true });
    expect(checkCapacity({ capacity: 4, occupied: 0 }, -1)).toMatchObject({ ok: false });
  });
});
