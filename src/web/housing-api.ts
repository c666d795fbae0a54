/** The shapes the protected-housing routes return, inferred from their schemas in src/contract. */
export type { HousingUnit, Placement, PlaceRequest } from '../contract/housing';

/** The directory, opened from a case: requests for a place are then sent from that case. */
export const housingPathFor = (caseId: string) => `/skyddat-boende?arende=${caseId}`;
