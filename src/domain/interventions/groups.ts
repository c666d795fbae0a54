import { addDays, daysBetween, median } from '../calendar';
import { rangeIssue, type FieldProblem } from '../field-issues';

/**
 * Groups (digest 002: group programmes with themes and a set number of places; people wait for
 * the next start). A place is taken from admission until the person leaves; the waiting list
 * and the time people wait are figures the team can act on.
 */
export type GroupDraft = { theme: string; capacity: number; startsOn: string };

export const checkGroup = (draft: GroupDraft, today: string): FieldProblem[] => [
  ...(draft.theme.trim().length < 3
    ? [
        {
          field: 'theme',
          message: 'Skriv gruppens tema, till exempel "Mammagrupp".',
          code: 'required' as const,
        },
      ]
    : []),
  ...(!Number.isInteger(draft.capacity) || draft.capacity < 1 || draft.capacity > 30
    ? [
        {
          field: 'capacity',
          message: 'Ange antalet platser i gruppen, 1–30.',
          ...rangeIssue(draft.capacity, 1, 30),
        },
      ]
    : []),
  ...(draft.startsOn < addDays(today, -365)
    ? [{ field: 'startsOn', message: 'Ange när gruppen startar.', code: 'dateOutOfRange' as const }]
    : []),
];

export type GroupPlace = { addedOn: string; admittedOn: string | null; leftOn: string | null };

/** The queue as the team sees it: who waits, for how long, and how long the admitted waited. */
export const queueFigures = (places: readonly GroupPlace[], capacity: number, today: string) => {
  const waiting = places.filter((place) => place.admittedOn === null && place.leftOn === null);
  const inGroup = places.filter((place) => place.admittedOn !== null && place.leftOn === null);
  const waits = waiting.map((place) => daysBetween(place.addedOn, today));
  return {
    waiting: waiting.length,
    inGroup: inGroup.length,
    freePlaces: Math.max(0, capacity - inGroup.length),
    longestWaitDays: waits.length ? Math.max(...waits) : null,
    medianWaitDaysOfAdmitted: median(
      places.flatMap((place) =>
        place.admittedOn ? [daysBetween(place.addedOn, place.admittedOn)] : [],
      ),
    ),
  };
};

/** Admission takes a free place; a full group keeps the person on the waiting list. */
export const checkAdmission = (figures: { freePlaces: number }) =>
  figures.freePlaces > 0
    ? ({ ok: true } as const)
    : ({
        ok: false,
        message: 'Gruppen är full. Personen står kvar i kön och får plats när någon slutar.',
      } as const);
