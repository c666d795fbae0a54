import { sql, type Insertable, type Updateable } from 'kysely';
import type { PlaceRequestStatus } from '../../../domain/housing/placement';
import { dateText } from '../../platform/db/date-text';
import type {
  HousingPlacementsTable,
  HousingRequestsTable,
  HousingUnitsTable,
  HousingUnmetNeedsTable,
  PlacementChildrenTable,
  PlacementVisitsTable,
} from '../../platform/db/schema';
import type { Tx } from '../../platform/db/transaction';

/**
 * The county's protected housing: units and their places, place requests and their answers,
 * needs nobody could meet, and the stays with their children and visits. Commands decide who
 * may; these only fetch and store.
 */

/** Every housing unit in the directory with its organisation's name, by name. */
export const listHousingDirectory = (tx: Tx) =>
  tx
    .selectFrom('housingUnits as h')
    .innerJoin('directoryOrganisations as o', 'o.id', 'h.organisationId')
    .select([
      'h.id',
      'h.organisationId',
      'o.name as organisationName',
      'h.name',
      'h.providerKind',
      'h.ivoPermit',
      'h.specialisations',
      'h.areaDescription',
      'h.addressEnc',
      'h.phone',
      'h.capacity',
      'h.occupied',
      'h.availabilityUpdatedAt',
      'h.availabilityUpdatedByName',
      'h.version',
    ])
    .orderBy('h.name')
    .execute();

export const findHousingUnit = (tx: Tx, id: string) =>
  tx
    .selectFrom('housingUnits')
    .select(['id', 'name', 'organisationId'])
    .where('id', '=', id)
    .executeTakeFirst();

export const insertHousingUnit = (tx: Tx, values: Insertable<HousingUnitsTable>) =>
  tx.insertInto('housingUnits').values(values).returning('id').executeTakeFirstOrThrow();

/** Changes a unit if nobody changed it since `version`; false when stale. */
export const updateHousingUnitIfVersion = async (
  tx: Tx,
  id: string,
  version: number,
  values: Updateable<HousingUnitsTable>,
) => {
  const updated = await tx
    .updateTable('housingUnits')
    .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst();
  return updated !== undefined;
};

/**
 * Books places in a unit with one conditional update, so of two offers racing for the last place
 * the second finds none free; false when there are not enough free places.
 */
export const bookHousingPlaces = async (tx: Tx, housingUnitId: string, places: number) => {
  const booked = await tx
    .updateTable('housingUnits')
    .set((eb) => ({
      occupied: eb('occupied', '+', places),
      version: eb('version', '+', 1),
    }))
    .where('id', '=', housingUnitId)
    .where((eb) => eb(eb('occupied', '+', places), '<=', eb.ref('capacity')))
    .returning('occupied')
    .executeTakeFirst();
  return booked !== undefined;
};

/** Gives an offered request's booked places back to the provider; false if already given. */
export const releaseHousingPlaces = async (tx: Tx, requestId: string, now: Date) =>
  (
    await sql<{
      released: boolean;
    }>`select release_housing_places(${requestId}, ${now}) as released`.execute(tx)
  ).rows[0]!.released;

export const insertPlaceRequest = (tx: Tx, values: Insertable<HousingRequestsTable>) =>
  tx.insertInto('housingRequests').values(values).returning('id').executeTakeFirstOrThrow();

/** A place request as its provider answers it. */
export const findPlaceRequest = (tx: Tx, id: string) =>
  tx
    .selectFrom('housingRequests')
    .select(['id', 'toOrganisationId', 'housingUnitId', 'places', 'status', 'version'])
    .where('id', '=', id)
    .executeTakeFirst();

/** A place request with the placement made on it, if any: for withdrawing or releasing it. */
export const findPlaceRequestWithPlacement = (tx: Tx, id: string) =>
  tx
    .selectFrom('housingRequests as r')
    .leftJoin('housingPlacements as p', 'p.requestId', 'r.id')
    .select([
      'r.id',
      'r.caseId',
      'r.fromOrganisationId',
      'r.toOrganisationId',
      'r.status',
      'r.releasedAt',
      'r.version',
      'p.id as placementId',
    ])
    .where('r.id', '=', id)
    .executeTakeFirst();

/**
 * Takes the request at the version the caller read, in the UPDATE itself: of two people acting
 * on it at once, the second finds it changed. False when stale.
 */
export const claimPlaceRequestIfVersion = async (tx: Tx, id: string, version: number) => {
  const claimed = await tx
    .updateTable('housingRequests')
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst();
  return claimed !== undefined;
};

/** Records the provider's answer if nobody changed the request since `version`; false when stale. */
export const answerPlaceRequestIfVersion = async (
  tx: Tx,
  id: string,
  version: number,
  answer: {
    status: 'offered' | 'declined';
    answeredAt: Date;
    answeredByName: string;
    answerEnc: string;
  },
) => {
  const answered = await tx
    .updateTable('housingRequests')
    .set((eb) => ({ ...answer, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst();
  return answered !== undefined;
};

/** Withdraws the request if it is still in `status`; false when it has moved on. */
export const withdrawPlaceRequestInStatus = async (
  tx: Tx,
  id: string,
  status: PlaceRequestStatus,
) => {
  const withdrawn = await tx
    .updateTable('housingRequests')
    .set((eb) => ({ status: 'withdrawn', version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('status', '=', status)
    .returning('id')
    .executeTakeFirst();
  return withdrawn !== undefined;
};

/**
 * Place requests to the organisation (when `incoming`) or sent from its units in `fromUnitIds`,
 * optionally for one case only, newest first.
 */
export const listPlaceRequestsFor = (
  tx: Tx,
  filter: {
    organisationId: string;
    incoming: boolean;
    fromUnitIds: readonly string[];
    caseId: string | null;
  },
  limit: number,
) =>
  tx
    .selectFrom('housingRequests')
    .selectAll()
    .select((eb) =>
      eb.fn<string>('to_char', ['wantedFrom', eb.val('YYYY-MM-DD')]).as('wantedFromText'),
    )
    .where((eb) =>
      eb.or([
        ...(filter.incoming ? [eb('toOrganisationId', '=', filter.organisationId)] : []),
        ...(filter.fromUnitIds.length
          ? [
              eb.and([
                eb('fromOrganisationId', '=', filter.organisationId),
                eb('fromUnitId', 'in', filter.fromUnitIds),
              ]),
            ]
          : []),
        eb.val(false),
      ]),
    )
    .$if(filter.caseId !== null, (query) => query.where('caseId', '=', filter.caseId))
    .orderBy('sentAt', 'desc')
    .limit(limit)
    .execute();

export const insertUnmetNeed = (tx: Tx, values: Insertable<HousingUnmetNeedsTable>) =>
  tx.insertInto('housingUnmetNeeds').values(values).returning('id').executeTakeFirstOrThrow();

/** Unmet needs recorded in the given units, newest first. */
export const listUnmetNeedsInUnits = (tx: Tx, unitIds: readonly string[], limit: number) =>
  tx
    .selectFrom('housingUnmetNeeds')
    .select(['id', 'places', 'children', 'needs', 'noteEnc'])
    .select((eb) => eb.fn<string>('to_char', ['recordedOn', eb.val('YYYY-MM-DD')]).as('recordedOn'))
    .where('unitId', 'in', unitIds)
    .orderBy('recordedOn', 'desc')
    .limit(limit)
    .execute();

/** A case's stays in protected housing, the latest start first, with the provider's answer. */
export const listPlacementsForCase = (tx: Tx, caseId: string) =>
  tx
    .selectFrom('housingPlacements as p')
    .leftJoin('housingRequests as r', 'r.id', 'p.requestId')
    .select([
      'p.id',
      'p.requestId',
      'p.providerName',
      'p.costPerDay',
      'p.debts',
      'p.rentalContract',
      'p.housingCompanyContacted',
      'p.exitDestination',
      'p.exitNoteEnc',
      'p.version',
      'r.answerEnc',
    ])
    .select([
      dateText<string | null>('p.startOn').as('startOn'),
      dateText<string | null>('p.plannedEndOn').as('plannedEndOn'),
      dateText<string | null>('p.endOn').as('endOn'),
    ])
    .where('p.caseId', '=', caseId)
    .orderBy('p.startOn', 'desc')
    .execute();

/** The case's current stay (not yet ended), if any. */
export const findOpenPlacement = (tx: Tx, caseId: string) =>
  tx
    .selectFrom('housingPlacements')
    .select(['id', 'requestId', 'version'])
    .select(dateText<string | null>('startOn').as('startOn'))
    .where('caseId', '=', caseId)
    .where('endOn', 'is', null)
    .executeTakeFirst();

/** The stay made on a place request, if the offer has been moved into. */
export const findPlacementForRequest = (tx: Tx, requestId: string) =>
  tx
    .selectFrom('housingPlacements')
    .select('id')
    .where('requestId', '=', requestId)
    .executeTakeFirst();

/** A request the organisation sent, with the name of the organisation that was asked. */
export const findSentRequestWithProvider = (
  tx: Tx,
  requestId: string,
  fromOrganisationId: string,
) =>
  tx
    .selectFrom('housingRequests as r')
    .leftJoin('directoryOrganisations as o', 'o.id', 'r.toOrganisationId')
    .select([
      'r.id',
      'r.caseId',
      'r.status',
      'r.releasedAt',
      'r.housingUnitId',
      'r.housingUnitName',
      'o.name',
    ])
    .where('r.id', '=', requestId)
    .where('r.fromOrganisationId', '=', fromOrganisationId)
    .executeTakeFirst();

export const insertPlacement = (tx: Tx, values: Insertable<HousingPlacementsTable>) =>
  tx.insertInto('housingPlacements').values(values).returning('id').executeTakeFirstOrThrow();

/** Changes a stay if nobody changed it since `version`; the new version, undefined when stale. */
export const updatePlacementIfVersion = (
  tx: Tx,
  id: string,
  version: number,
  values: Updateable<HousingPlacementsTable>,
) =>
  tx
    .updateTable('housingPlacements')
    .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('version')
    .executeTakeFirst();

export const insertPlacementChild = (tx: Tx, values: Insertable<PlacementChildrenTable>) =>
  tx.insertInto('placementChildren').values(values).returning('id').executeTakeFirstOrThrow();

/** The children in the given stays, in the order they were recorded. */
export const listPlacementChildren = (tx: Tx, placementIds: readonly string[]) =>
  placementIds.length
    ? tx
        .selectFrom('placementChildren')
        .select(['id', 'placementId', 'firstNameEnc', 'bornYear', 'school', 'schoolNoteEnc'])
        .select(dateText<string | null>('decisionOn').as('decisionOn'))
        .where('placementId', 'in', placementIds)
        .orderBy('recordedAt')
        .execute()
    : Promise.resolve([]);

export const insertPlacementVisit = (tx: Tx, values: Insertable<PlacementVisitsTable>) =>
  tx.insertInto('placementVisits').values(values).returning('id').executeTakeFirstOrThrow();

/** The follow-up visits in the given stays, by day. */
export const listPlacementVisits = (tx: Tx, placementIds: readonly string[]) =>
  placementIds.length
    ? tx
        .selectFrom('placementVisits')
        .select(['id', 'placementId', 'mode', 'noteEnc'])
        .select(dateText<string | null>('visitedOn').as('visitedOn'))
        .where('placementId', 'in', placementIds)
        .orderBy('visitedOn')
        .execute()
    : Promise.resolve([]);
