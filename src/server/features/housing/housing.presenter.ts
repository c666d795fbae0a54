/**
 * Protected housing as its readers see it: the directory's units, unmet needs, place requests
 * and a case's stays, decrypted and shaped here.
 */
import type { Selectable } from 'kysely';
import type { Specialisation } from '../../../domain/housing/catalogue';
import { exitPlanOpenItems, missingNeeds, type ExitPlan } from '../../../domain/housing/placement';
import { decryptField, type KeyRing } from '../../platform/crypto/field-encryption';
import type {
  HousingPlacementsTable,
  HousingRequestsTable,
  HousingUnitsTable,
  HousingUnmetNeedsTable,
  PlacementChildrenTable,
  PlacementVisitsTable,
} from '../../platform/db/schema';

export const housingAddressContext = 'housing_units.address';
export const unmetNeedNoteContext = 'housing_unmet_needs.note';
export const requestContexts = {
  note: 'housing_requests.note',
  answer: 'housing_requests.answer',
} as const;
export const placementContexts = {
  exitNote: 'housing_placements.exit_note',
  firstName: 'placement_children.first_name',
  schoolNote: 'placement_children.school_note',
  visitNote: 'placement_visits.note',
} as const;

type HousingUnitRow = Pick<
  Selectable<HousingUnitsTable>,
  | 'id'
  | 'organisationId'
  | 'name'
  | 'providerKind'
  | 'ivoPermit'
  | 'specialisations'
  | 'areaDescription'
  | 'addressEnc'
  | 'phone'
  | 'capacity'
  | 'occupied'
  | 'availabilityUpdatedAt'
  | 'availabilityUpdatedByName'
  | 'version'
> & { organisationName: string };

/**
 * A unit in the directory: its free places and the needs asked for that it does not meet. The
 * address only for the viewer's own organisation, and only if the viewer keeps the unit.
 */
export const presentHousingUnit = (
  { addressEnc, ...row }: HousingUnitRow,
  keys: KeyRing,
  viewer: { organisationId: string; keeps: boolean },
  needs: readonly Specialisation[],
) => {
  const own = row.organisationId === viewer.organisationId;
  return {
    ...row,
    own,
    address:
      own && viewer.keeps && addressEnc
        ? decryptField(keys, housingAddressContext, addressEnc)
        : null,
    freePlaces: Math.max(0, row.capacity - row.occupied),
    missingNeeds: missingNeeds(row.specialisations, needs),
    availabilityUpdatedAt: row.availabilityUpdatedAt.toISOString(),
  };
};

type UnmetNeedRow = Pick<
  Selectable<HousingUnmetNeedsTable>,
  'id' | 'places' | 'children' | 'needs' | 'noteEnc'
> & { recordedOn: string };

/** An unmet need for a place, with its note. */
export const presentUnmetNeed = ({ noteEnc, ...row }: UnmetNeedRow, keys: KeyRing) => ({
  ...row,
  note: decryptField(keys, unmetNeedNoteContext, noteEnc),
});

type PlaceRequestRow = Selectable<HousingRequestsTable> & { wantedFromText: string };

/**
 * A place request as the actor handles it: incoming (to the organisation's own unit) or
 * outgoing (from a case the actor may read).
 */
export const presentPlaceRequest = (
  row: PlaceRequestRow,
  keys: KeyRing,
  { incoming, outgoing }: { incoming: boolean; outgoing: boolean },
) => ({
  id: row.id,
  incoming,
  from: `${row.fromOrganisationName}, ${row.fromUnitName}`,
  fromUser: row.fromUserName,
  housingUnitId: row.housingUnitId,
  housingUnitName: row.housingUnitName,
  // The placing side's case, for the placing side only.
  caseId: outgoing ? row.caseId : null,
  places: row.places,
  children: row.children,
  needs: row.needs,
  note: decryptField(keys, requestContexts.note, row.noteEnc),
  wantedFrom: row.wantedFromText,
  status: row.status,
  sentAt: row.sentAt.toISOString(),
  answeredBy: row.answeredByName,
  answer: row.answerEnc ? decryptField(keys, requestContexts.answer, row.answerEnc) : null,
  released: row.releasedAt !== null,
  version: row.version,
});

type PlacementRow = Pick<
  Selectable<HousingPlacementsTable>,
  | 'id'
  | 'requestId'
  | 'providerName'
  | 'costPerDay'
  | 'debts'
  | 'rentalContract'
  | 'housingCompanyContacted'
  | 'exitDestination'
  | 'exitNoteEnc'
  | 'version'
> & {
  answerEnc: string | null;
  startOn: string | null;
  plannedEndOn: string | null;
  endOn: string | null;
};
type PlacementChildRow = Pick<
  Selectable<PlacementChildrenTable>,
  'id' | 'firstNameEnc' | 'bornYear' | 'school' | 'schoolNoteEnc'
> & { decisionOn: string | null };
type PlacementVisitRow = Pick<Selectable<PlacementVisitsTable>, 'id' | 'mode' | 'noteEnc'> & {
  visitedOn: string | null;
};

/** A stay in protected housing with its own children and visits; the exit plan while it lasts. */
export const presentPlacement = (
  { exitNoteEnc, answerEnc, ...placement }: PlacementRow,
  keys: KeyRing,
  { children, visits }: { children: PlacementChildRow[]; visits: PlacementVisitRow[] },
) => {
  const plan: ExitPlan = placement;
  return {
    ...placement,
    startOn: placement.startOn!,
    current: placement.endOn === null,
    costPerDay: placement.costPerDay === null ? null : Number(placement.costPerDay),
    arrival: answerEnc ? decryptField(keys, requestContexts.answer, answerEnc) : null,
    exitNote: exitNoteEnc ? decryptField(keys, placementContexts.exitNote, exitNoteEnc) : null,
    exitPlanOpenItems: placement.endOn === null ? exitPlanOpenItems(plan) : [],
    children: children.map((child) => ({
      id: child.id,
      firstName: decryptField(keys, placementContexts.firstName, child.firstNameEnc),
      bornYear: child.bornYear,
      decisionOn: child.decisionOn,
      school: child.school,
      schoolNote: decryptField(keys, placementContexts.schoolNote, child.schoolNoteEnc),
    })),
    visits: visits.map((visit) => ({
      id: visit.id,
      visitedOn: visit.visitedOn!,
      mode: visit.mode,
      note: decryptField(keys, placementContexts.visitNote, visit.noteEnc),
    })),
  };
};
