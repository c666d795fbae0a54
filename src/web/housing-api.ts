import type { Specialisation } from '../domain/housing/catalogue';

/** The shapes of the protected-housing API, as the screens use them. */
export type HousingUnit = {
  id: string;
  organisationName: string;
  name: string;
  providerKind: string;
  ivoPermit: string | null;
  specialisations: Specialisation[];
  areaDescription: string;
  address: string | null;
  phone: string;
  capacity: number;
  occupied: number;
  freePlaces: number;
  missingNeeds: Specialisation[];
  own: boolean;
  availabilityUpdatedAt: string;
  availabilityUpdatedByName: string;
  version: number;
};

export type PlaceRequest = {
  id: string;
  incoming: boolean;
  from: string;
  fromUser: string;
  housingUnitName: string;
  caseId: string | null;
  places: number;
  children: number;
  needs: Specialisation[];
  note: string;
  wantedFrom: string;
  status: 'sent' | 'offered' | 'declined' | 'withdrawn';
  answeredBy: string | null;
  answer: string | null;
  released: boolean;
  version: number;
};

export type Placement = {
  id: string;
  requestId: string | null;
  providerName: string;
  startOn: string;
  plannedEndOn: string | null;
  endOn: string | null;
  current: boolean;
  costPerDay: number | null;
  debts: 'none' | 'some' | 'unknown';
  rentalContract: 'has' | 'applying' | 'none';
  housingCompanyContacted: boolean;
  exitDestination: string | null;
  exitNote: string | null;
  exitPlanOpenItems: string[];
  arrival: string | null;
  version: number;
  children: {
    id: string;
    firstName: string;
    bornYear: number;
    decisionOn: string | null;
    school: string;
    schoolNote: string;
  }[];
  visits: { id: string; visitedOn: string; mode: string; note: string }[];
};

/** The directory, opened from a case: requests for a place are then sent from that case. */
export const housingPathFor = (caseId: string) => `/skyddat-boende?arende=${caseId}`;
