import type { ColumnType, Generated } from 'kysely';
import type {
  ExitDestination,
  ProviderKind,
  SchoolArrangement,
  Specialisation,
  VisitMode,
} from '../../../../domain/housing/catalogue';
import type { ExitPlan, PlaceRequestStatus } from '../../../../domain/housing/placement';
import type { FirstContactItem } from '../../../../domain/interventions/perpetrator-pathway';
import type {
  Eligibility,
  InterventionProvider,
  InterventionTarget,
} from '../../../../domain/interventions/catalogue';
import type { SessionOutcome } from '../../../../domain/interventions/quota';
import type {
  RatingPhase,
  SatisfactionSubject,
  ViolenceSince,
} from '../../../../domain/follow-up/ratings';
import type { DateColumn, OptionalDate, Version } from './columns';

/** Protected housing, advice, interventions, follow-up and groups. (table types for Kysely; see ../schema.ts). */

export type HousingUnitsTable = {
  id: Generated<string>;
  organisationId: string;
  name: string;
  providerKind: ProviderKind;
  ivoPermit: string | null;
  specialisations: ColumnType<Specialisation[], Specialisation[] | undefined, Specialisation[]>;
  areaDescription: string;
  addressEnc: string | null;
  phone: string;
  capacity: number;
  occupied: Generated<number>;
  availabilityUpdatedAt: Date;
  availabilityUpdatedByName: string;
  version: Version;
};
export type HousingRequestsTable = {
  id: Generated<string>;
  fromOrganisationId: string;
  fromUnitId: string;
  fromUserName: string;
  fromUnitName: string;
  fromOrganisationName: string;
  caseId: string | null;
  housingUnitId: string;
  toOrganisationId: string;
  housingUnitName: string;
  places: number;
  children: number;
  needs: ColumnType<Specialisation[], Specialisation[] | undefined, Specialisation[]>;
  noteEnc: string;
  wantedFrom: DateColumn;
  status: ColumnType<PlaceRequestStatus, PlaceRequestStatus | undefined, PlaceRequestStatus>;
  sentAt: Date;
  answeredAt: Date | null;
  answeredByName: string | null;
  answerEnc: string | null;
  releasedAt: Date | null;
  version: Version;
};
export type HousingPlacementsTable = {
  id: Generated<string>;
  organisationId: string;
  caseId: string;
  requestId: string | null;
  housingUnitId: string | null;
  providerName: string;
  startOn: DateColumn;
  plannedEndOn: OptionalDate;
  // numeric arrives as a string from both drivers.
  costPerDay: ColumnType<string | null, number | null, number | null>;
  debts: ColumnType<ExitPlan['debts'], ExitPlan['debts'] | undefined, ExitPlan['debts']>;
  rentalContract: ColumnType<
    ExitPlan['rentalContract'],
    ExitPlan['rentalContract'] | undefined,
    ExitPlan['rentalContract']
  >;
  housingCompanyContacted: Generated<boolean>;
  endOn: OptionalDate;
  exitDestination: ExitDestination | null;
  exitNoteEnc: string | null;
  createdBy: string;
  createdAt: Date;
  version: Version;
};
export type PlacementChildrenTable = {
  id: Generated<string>;
  organisationId: string;
  placementId: string;
  firstNameEnc: string;
  bornYear: number;
  decisionOn: OptionalDate;
  school: SchoolArrangement;
  schoolNoteEnc: string;
  recordedAt: Date;
};
export type PlacementVisitsTable = {
  id: Generated<string>;
  organisationId: string;
  placementId: string;
  visitedOn: DateColumn;
  mode: VisitMode;
  noteEnc: string;
  recordedBy: string;
};
export type HousingUnmetNeedsTable = {
  id: Generated<string>;
  organisationId: string;
  unitId: string;
  recordedOn: DateColumn;
  places: number;
  children: number;
  needs: ColumnType<Specialisation[], Specialisation[] | undefined, Specialisation[]>;
  noteEnc: string;
  recordedBy: string;
};

export type AdviceContactsTable = {
  id: Generated<string>;
  organisationId: string;
  caseId: string;
  heldOn: ColumnType<string, string, string>;
  mode: 'inPerson' | 'phone' | 'digital';
  anonymous: boolean;
  covered: ColumnType<FirstContactItem[], FirstContactItem[] | undefined, FirstContactItem[]>;
  noteEnc: string;
  recordedBy: string;
  recordedAt: Date;
};

export type InterventionTypesTable = {
  id: Generated<string>;
  organisationId: string;
  name: string;
  target: InterventionTarget;
  eligibility: Eligibility;
  provider: InterventionProvider;
  defaultSessions: number;
  defaultWeeks: number | null;
  groupBased: Generated<boolean>;
  createdAt: Date;
};
export type GrantedInterventionsTable = {
  id: Generated<string>;
  organisationId: string;
  caseId: string;
  typeId: string;
  grantedSessions: number;
  decidedOn: ColumnType<string, string, string>;
  decidedBy: string;
  goalsEnc: string;
  materialsEnc: string;
  adaptationsEnc: string;
  endedOn: ColumnType<string | null, string | null | undefined, string | null>;
  endReason: 'completed' | 'dropout' | 'referredOn' | 'other' | null;
  dropoutReasonEnc: string | null;
  createdAt: Date;
  version: Version;
};
export type InterventionSessionsTable = {
  id: Generated<string>;
  organisationId: string;
  interventionId: string;
  heldOn: ColumnType<string, string, string>;
  kind: 'session' | 'betweenContact';
  mode: 'inPerson' | 'phone' | 'digital' | 'group';
  outcome: SessionOutcome;
  noteEnc: string;
  recordedBy: string;
  recordedAt: Date;
};
export type InterventionExtensionsTable = {
  id: Generated<string>;
  organisationId: string;
  interventionId: string;
  sessions: number;
  reasonEnc: string;
  decidedBy: string;
  decidedByRole: string;
  decidedOn: ColumnType<string, string, string>;
};

export type ClientRatingsTable = {
  id: Generated<string>;
  organisationId: string;
  caseId: string;
  phase: RatingPhase;
  ratedOn: ColumnType<string, string, string>;
  wellbeing: number;
  safety: number;
  violence: ViolenceSince;
  commentEnc: string;
  recordedBy: string;
  recordedAt: Date;
};
export type SatisfactionAnswersTable = {
  id: Generated<string>;
  organisationId: string;
  caseId: string;
  subject: SatisfactionSubject;
  interventionTypeId: string | null;
  housingProvider: string | null;
  answeredOn: ColumnType<string, string, string>;
  score: number;
  commentEnc: string;
  recordedBy: string;
};
export type FollowUpPlansTable = {
  id: Generated<string>;
  organisationId: string;
  caseId: string;
  consent: boolean;
  closedOn: ColumnType<string, string, string>;
  followUpDates: ColumnType<string[], string[] | undefined, string[]>;
  recordedBy: string;
  recordedAt: Date;
  version: Version;
};

export type InterventionGroupsTable = {
  id: Generated<string>;
  organisationId: string;
  typeId: string;
  theme: string;
  capacity: number;
  startsOn: ColumnType<string, string, string>;
  createdAt: Date;
};
export type GroupPlacesTable = {
  id: Generated<string>;
  organisationId: string;
  groupId: string;
  caseId: string;
  addedOn: ColumnType<string, string, string>;
  admittedOn: ColumnType<string | null, string | null | undefined, string | null>;
  leftOn: ColumnType<string | null, string | null | undefined, string | null>;
  version: Version;
};
