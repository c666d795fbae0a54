import { rangeIssue, type FieldProblem } from '../field-issues';
import type { ExitDestination, SchoolArrangement, Specialisation } from './catalogue';

/**
 * Requests for a place, placements and the way out (digest 004 and 000). A request between
 * municipalities says what is needed, never who: the provider learns the person's identity from
 * the placing worker, outside the directory. A stay is followed up, each child has a decision of
 * its own and a school, and the exit is planned (debts, a rental contract, the housing company).
 */
export type Problem = FieldProblem;

export const placeRequestStatuses = ['sent', 'offered', 'declined', 'withdrawn'] as const;
export type PlaceRequestStatus = (typeof placeRequestStatuses)[number];

/** A Swedish personal or coordination number written out: never in a request for a place. */
const personalNumberLike = /\b(?:\d{2})?\d{6}[-+ ]?\d{4}\b/;

export type PlaceRequestDraft = {
  places: number;
  children: number;
  needs: readonly Specialisation[];
  wantedFrom: string;
  note: string;
};

export const maxPlacesPerRequest = 12;

export const checkPlaceRequest = (draft: PlaceRequestDraft, today: string): Problem[] => {
  const problems: Problem[] = [];
  if (!Number.isInteger(draft.places) || draft.places < 1 || draft.places > maxPlacesPerRequest)
    problems.push({
      field: 'places',
      message: `Ange hur många platser som behövs, 1–${maxPlacesPerRequest}.`,
      ...rangeIssue(draft.places, 1, maxPlacesPerRequest),
    });
  else if (
    !Number.isInteger(draft.children) ||
    draft.children < 0 ||
    draft.children >= draft.places
  )
    problems.push({
      field: 'children',
      message: 'Barnen räknas in i platserna: minst en plats är för en vuxen.',
      code: 'noPlaceForAdult',
    });
  if (draft.wantedFrom < today)
    problems.push({
      field: 'wantedFrom',
      message: 'Datumet har redan passerat.',
      code: 'dateInPast',
    });
  if (personalNumberLike.test(draft.note))
    problems.push({
      field: 'note',
      message:
        'Skriv inte personnummer i förfrågan. Boendet får veta vem det gäller av dig, inte i katalogen.',
      code: 'personalNumberInText',
    });
  return problems;
};

/** What a unit lacks of the needs asked for: the directory shows full matches first. */
export const missingNeeds = (
  offered: readonly Specialisation[],
  needs: readonly Specialisation[],
): Specialisation[] => needs.filter((need) => !offered.includes(need));

export const declineReasonMinLength = 5;

export type PlacementDraft = {
  startOn: string;
  plannedEndOn: string | null;
  costPerDay: number | null;
};

export const checkPlacement = (draft: PlacementDraft): Problem[] => {
  const problems: Problem[] = [];
  if (draft.plannedEndOn !== null && draft.plannedEndOn < draft.startOn)
    problems.push({
      field: 'plannedEndOn',
      message: 'Planerat slut kan inte vara före start.',
      code: 'endBeforeStart',
    });
  if (draft.costPerDay !== null && (!Number.isFinite(draft.costPerDay) || draft.costPerDay < 0))
    problems.push({
      field: 'costPerDay',
      message: 'Kostnaden är ett belopp i kronor, noll eller mer.',
      code: 'tooSmall',
      limit: 0,
    });
  return problems;
};

export type ChildDraft = {
  firstName: string;
  bornYear: number;
  decisionOn: string | null;
  school: SchoolArrangement;
  schoolNote: string;
};

export const checkChild = (draft: ChildDraft, today: string): Problem[] => {
  const problems: Problem[] = [];
  const year = Number(today.slice(0, 4));
  if (draft.firstName.trim().length === 0)
    problems.push({ field: 'firstName', message: 'Skriv barnets förnamn.', code: 'required' });
  if (!Number.isInteger(draft.bornYear) || draft.bornYear > year || draft.bornYear < year - 17)
    problems.push({
      field: 'bornYear',
      message: 'Ange födelseår för ett barn under 18 år.',
      ...rangeIssue(draft.bornYear, year - 17, year),
    });
  if (draft.decisionOn !== null && draft.decisionOn > today)
    problems.push({
      field: 'decisionOn',
      message: 'Beslutet kan inte vara fattat i framtiden.',
      code: 'dateInFuture',
    });
  if (draft.school === 'notYetArranged' && draft.schoolNote.trim().length < 5)
    problems.push({
      field: 'schoolNote',
      message: 'Skriv vad som görs för att barnet ska komma till skolan, och när.',
      code: 'required',
    });
  return problems;
};

/**
 * What still blocks a way out of protected housing (digest 000: debts and the housing shortage
 * keep people in place). Each open item says what to do next.
 */
export type ExitPlan = {
  debts: 'none' | 'some' | 'unknown';
  rentalContract: 'has' | 'applying' | 'none';
  housingCompanyContacted: boolean;
};

export const exitPlanOpenItems = (plan: ExitPlan): string[] => [
  ...(plan.debts === 'some'
    ? [
        'Skulder: boka tid hos budget- och skuldrådgivningen, så att skulderna inte stoppar ett kontrakt.',
      ]
    : plan.debts === 'unknown'
      ? ['Ta reda på om det finns skulder eller betalningsanmärkningar.']
      : []),
  ...(plan.rentalContract === 'none'
    ? ['Inget hyreskontrakt ännu: ansök om bostad eller ett andrahandskontrakt.']
    : []),
  ...(plan.rentalContract !== 'has' && !plan.housingCompanyContacted
    ? ['Kontakta bostadsbolaget om förtur eller ett kontrakt via socialtjänsten.']
    : []),
];

export type ExitDraft = { endOn: string; destination: ExitDestination; note: string };

export const checkExit = (draft: ExitDraft, context: { startOn: string; today: string }) => {
  const problems: Problem[] = [];
  if (draft.endOn < context.startOn)
    problems.push({
      field: 'endOn',
      message: 'Utflyttningen kan inte vara före inflyttningen.',
      code: 'endBeforeStart',
    });
  if (draft.endOn > context.today)
    problems.push({
      field: 'endOn',
      message: 'Registrera utflyttningen när den har skett; planera den under Vägen ut.',
      code: 'dateInFuture',
    });
  if (draft.destination === 'other' && draft.note.trim().length < 3)
    problems.push({ field: 'note', message: 'Skriv vart personen flyttade.', code: 'required' });
  return problems;
};
