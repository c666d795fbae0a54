import { rangeIssue, type CodedFieldIssue } from '../field-issues';

/**
 * Places in protected housing, kept by the provider's own staff (digest 004 and 000: nobody
 * has an overview, staff "phone around"). A unit has a capacity; places are taken by bookings
 * and given back when a placement ends. Free places are never negative and never above capacity.
 * When bookings are stored, the database must hold the same bound (a check constraint and a
 * conditional update), so two bookings of the last place cannot both succeed.
 */
export type Availability = { capacity: number; occupied: number };

export const freePlaces = (unit: Availability): number =>
  Math.max(0, unit.capacity - unit.occupied);

export const checkBooking = (
  unit: Availability,
  places: number,
): { ok: true; occupied: number } | { ok: false; message: string } => {
  if (!Number.isInteger(places) || places < 1)
    return { ok: false, message: 'Boka minst en plats.' };
  if (places > freePlaces(unit))
    return {
      ok: false,
      message:
        freePlaces(unit) === 0
          ? 'Det finns ingen ledig plats just nu. Registrera behovet, så syns det som ett ouppfyllt behov.'
          : `Det finns bara ${freePlaces(unit)} lediga platser.`,
    };
  return { ok: true, occupied: unit.occupied + places };
};

export const releasePlaces = (unit: Availability, places: number): Availability => ({
  ...unit,
  occupied: Math.max(0, unit.occupied - places),
});

/** Capacity set by the provider: never below what is occupied now. */
export const checkCapacity = (
  unit: Availability,
  capacity: number,
): { ok: true } | ({ ok: false; message: string } & Pick<CodedFieldIssue, 'code' | 'limit'>) =>
  !Number.isInteger(capacity) || capacity < 0
    ? {
        ok: false,
        message: 'Antalet platser är ett heltal, noll eller fler.',
        ...rangeIssue(capacity, 0, Infinity),
      }
    : capacity < unit.occupied
      ? {
          ok: false,
          message: `${unit.occupied} platser är belagda; antalet kan inte bli lägre än så förrän någon flyttar.`,
          code: 'tooSmall',
          limit: unit.occupied,
        }
      : { ok: true };
