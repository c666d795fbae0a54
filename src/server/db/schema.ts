import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { ProtectionLevel } from '../../domain/identity/protected-identity';
import type { RoleId } from '../../domain/access/roles';
import type { CaseType } from '../../domain/cases/catalogues';
import type { LinkKind } from '../../domain/cases/links';
import type {
  NotAskedReason,
  ScreeningOutcome,
  ScreeningTopic,
} from '../../domain/cases/screening';
import type { ChildrenAnswer, GoalAttainment, Stage } from '../../domain/cases/stages';
import type { ReleasedFigure } from '../../domain/indicators/suppression';
import type { AnswerStatus, NumberSource } from '../../domain/mapping/answers';
import type { OpenAnswer, Participant, SessionMode } from '../../domain/mapping/sessions';
import type { PrevalenceCategory } from '../../domain/prevalence/survey';
import type { AgreementStatus, PartnerKind, Usage } from '../../domain/governance/agreements';
import type { RoutineStep } from '../../domain/governance/routines';
import type { TaskKind } from '../../domain/cases/tasks';
import type { MeasureStatus } from '../../domain/risk-management/plan';
import type { IdentityKind } from '../../domain/identity/personal-identity';
import type { LogReviewScope } from '../../domain/audit/log-review';
import type { ConcernPath } from '../../domain/collaboration/concern';
import type { ConsentGiver, ConsentRecipient } from '../../domain/collaboration/consent';
import type { RecipientKind } from '../../domain/collaboration/grounds';
import type { MessageKind, ReferralKind } from '../../domain/collaboration/referrals';
import type { MeetingKind } from '../../domain/collaboration/meetings';
import type { SipParticipant } from '../../domain/collaboration/sip';
import type {
  ExitDestination,
  ProviderKind,
  SchoolArrangement,
  Specialisation,
  VisitMode,
} from '../../domain/housing/catalogue';
import type { ExitPlan, PlaceRequestStatus } from '../../domain/housing/placement';
import type { FirstContactItem } from '../../domain/interventions/perpetrator-pathway';
import type {
  DecisionDelegation,
  Eligibility,
  InterventionProvider,
  InterventionTarget,
} from '../../domain/interventions/catalogue';
import type { SessionOutcome } from '../../domain/interventions/quota';
import type {
  RatingPhase,
  SatisfactionSubject,
  ViolenceSince,
} from '../../domain/follow-up/ratings';

/**
 * Table types for Kysely, in camelCase (the CamelCasePlugin maps them to the snake_case
 * columns of the migrations). The migrations are the one schema source; a test compares these
 * names with the migrated database so the two cannot drift apart.
 */
type CreatedAt = ColumnType<Date, Date | undefined, never>;
type Version = ColumnType<number, number | undefined, number>;

export type OrganisationKind = 'municipality' | 'policeRegion' | 'region' | 'countyBoard' | 'ngo';
export type UnitKind =
  | 'reception'
  | 'adultVinr'
  | 'childrenAndYoung'
  | 'financialSupport'
  | 'substanceAbuse'
  | 'familyLaw'
  | 'policeInvestigation'
  | 'policeRiskAnalysis'
  | 'countyAnalysis'
  | 'administration'
  | 'perpetratorSupport'
  | 'other';

export type OrganisationsTable = {
  id: Generated<string>;
  kind: OrganisationKind;
  name: string;
  /** SCB municipality code (kommunkod), four digits; required for municipalities. */
  scbCode: string | null;
  countyCode: string | null;
  fictitious: Generated<boolean>;
  createdAt: CreatedAt;
  version: Version;
  /** Days until a signed assessment should be redone, per final risk level. */
  reassessmentDays: ColumnType<
    Record<'low' | 'medium' | 'high', number>,
    string | undefined,
    string
  >;
  /** Råd och service: sessions before an investigation is needed (null: bounded by purpose). */
  rosSessionCap: ColumnType<number | null, number | null | undefined, number | null>;
  /** Råd och service: days from the first contact (null: not bounded in time). */
  rosMaxDays: ColumnType<number | null, number | null | undefined, number | null>;
  /** Who may grant interventions, and how many sessions each role may add at once. */
  decisionDelegation: ColumnType<DecisionDelegation, string | undefined, string>;
};

export type SecrecyAreasTable = {
  id: Generated<string>;
  organisationId: string;
  name: string;
  version: Version;
};

export type UnitsTable = {
  id: Generated<string>;
  organisationId: string;
  name: string;
  kind: UnitKind;
  secrecyAreaId: string | null;
  version: Version;
  /** Routine questions about violence at intake (on unless the unit has decided otherwise). */
  routineScreening: Generated<boolean>;
};

export type UsersTable = {
  id: Generated<string>;
  username: string;
  displayName: string;
  passwordHash: string | null;
  /** TOTP secret, field-encrypted. */
  totpSecretEnc: string | null;
  totpConfirmedAt: Date | null;
  totpLastStep: ColumnType<string | null, string | number | null, string | number | null>;
  disabled: Generated<boolean>;
  fictitious: Generated<boolean>;
  createdAt: CreatedAt;
  version: Version;
};

/** Failed sign-ins per username (hashed) and address; the address waits, not the account. */
export type SignInFailuresTable = {
  usernameKey: string;
  address: string;
  failures: number;
  lastFailedAt: Date;
  lockedUntil: Date | null;
};

export type RoleAssignmentsTable = {
  id: Generated<string>;
  userId: string;
  organisationId: string;
  unitId: string;
  role: RoleId;
};

export type SessionsTable = {
  /** SHA-256 of the session token; the token itself lives only in the cookie. */
  idHash: string;
  userId: string;
  organisationId: string | null;
  unitId: Generated<string | null>;
  authMethod: 'password' | 'oidc';
  createdAt: CreatedAt;
  lastSeenAt: Date;
  secondFactorAt: Date | null;
  expiresAt: Date;
  endedAt: Date | null;
};

export type OidcProvidersTable = {
  id: Generated<string>;
  organisationId: string;
  name: string;
  issuer: string;
  clientId: string;
  clientSecretEnc: string | null;
  mfaByProvider: Generated<boolean>;
  enabled: Generated<boolean>;
};

export type UserIdentitiesTable = {
  providerId: string;
  subject: string;
  userId: string;
};

export type OidcLoginStatesTable = {
  state: string;
  providerId: string;
  codeVerifier: string;
  nonce: string;
  createdAt: CreatedAt;
};

export type PersonsTable = {
  id: Generated<string>;
  organisationId: string;
  unitId: string;
  givenName: string;
  familyName: string;
  personalNumber: string | null;
  protectionLevel: ProtectionLevel;
  /** Address, field-encrypted. */
  addressEnc: string | null;
  fictitious: Generated<boolean>;
  createdAt: CreatedAt;
  updatedAt: Date;
  version: Version;
  identityKind: Generated<IdentityKind>;
  /** A practice person (training mode): never in a statistic. */
  practice: Generated<boolean>;
  vulnerabilityMarkers: Generated<string[]>;
  interpreterLanguage: string | null;
  /** Safe-contact preferences as JSON, field-encrypted. */
  safeContactEnc: string | null;
  /** lower(given_name), kept by the database for indexed prefix search. */
  givenNameKey: ColumnType<string, never, never>;
  familyNameKey: ColumnType<string, never, never>;
  /** A record registered before identities were unique: the person it duplicates, until merged. */
  duplicateOf: ColumnType<string | null, never, string | null>;
  /** For people without a Swedish number: helps notice a possible duplicate. */
  birthDate: ColumnType<string | null, string | null | undefined, string | null>;
  /** Whose protection this person carries (a protected parent's child), until someone decides otherwise. */
  protectionFromPersonId: string | null;
};

/** A perpetrator's case asking to be linked to a victim's case; her team decides. */
export type LinkRequestsTable = {
  id: Generated<string>;
  organisationId: string;
  fromCaseId: string;
  toCaseId: string;
  status: Generated<'pending' | 'accepted' | 'declined'>;
  requestedBy: string;
  requestedAt: Date;
  answeredBy: string | null;
  answeredAt: Date | null;
  version: Version;
};

/** Two records of one person made one; undone within a period by moving `moved` back. */
export type PersonMergesTable = {
  id: Generated<string>;
  organisationId: string;
  survivorId: string;
  mergedId: string;
  previousDuplicateOf: string | null;
  placedInUnitId: string | null;
  moved: ColumnType<MovedReference[], string, string>;
  reason: string;
  mergedBy: string;
  mergedAt: Date;
  undoneBy: string | null;
  undoneAt: Date | null;
};

/** Rows of one table whose person column a merge re-pointed, by their primary key after the move. */
export type MovedReference = {
  table: string;
  column: string;
  /** The table's primary key columns; each of `keys` gives their values (as text) in this order. */
  keyColumns: string[];
  keys: string[][];
};

/** A person registered in a further unit (intake there found them already registered). */
export type PersonUnitsTable = {
  organisationId: string;
  personId: string;
  unitId: string;
  placedBy: string;
  placedAt: Date;
};

export type CasesTable = {
  id: Generated<string>;
  organisationId: string;
  unitId: string;
  personId: string;
  type: CaseType;
  hrv: Generated<boolean>;
  stage: Generated<Stage>;
  ownerUserId: string | null;
  detectionSource: string | null;
  violenceForms: Generated<string[]>;
  perpetratorRelation: string | null;
  childrenAnswer: ChildrenAnswer | null;
  /** A practice case (training mode): marked everywhere, never in a statistic. */
  practice: Generated<boolean>;
  /** The training scenario a practice case was opened from. */
  practiceScenarioId: string | null;
  referredFromUnitId: string | null;
  referralConsent: boolean | null;
  openedAt: Date;
  closedAt: Date | null;
  createdBy: string;
  version: Version;
};

export type CaseTransitionsTable = {
  id: Generated<string>;
  organisationId: string;
  caseId: string;
  fromStage: Stage | null;
  toStage: Stage;
  reasonEnc: string | null;
  decidedBy: string;
  decidedAt: Date;
  goalAttainment: GoalAttainment | null;
};

export type CaseLinksTable = {
  organisationId: string;
  caseId: string;
  linkedCaseId: string;
  kind: LinkKind;
  createdBy: string;
  createdAt: Date;
};

export type ReportsOfConcernTable = {
  id: Generated<string>;
  organisationId: string;
  fromCaseId: string;
  childCaseId: string;
  /** What the reporter is worried about, field-encrypted. */
  concernEnc: string;
  reportedBy: string;
  reportedAt: Date;
};

export type CaseEventsTable = {
  id: Generated<string>;
  organisationId: string;
  caseId: string;
  kind: string;
  /** The day it happened, YYYY-MM-DD. */
  occurredOn: ColumnType<string, string, never>;
  source: string;
  descriptionEnc: string | null;
  recordedBy: string;
  recordedAt: Date;
};

export type CaseTasksTable = {
  id: Generated<string>;
  organisationId: string;
  caseId: string;
  kind: TaskKind;
  noteEnc: string | null;
  assigneeUserId: string | null;
  /** The last day, YYYY-MM-DD. */
  dueOn: ColumnType<string, string, never>;
  sourceEventId: string | null;
  createdBy: string;
  createdAt: Date;
  doneAt: Date | null;
  doneBy: string | null;
  version: Version;
};

export type CaseHandoversTable = {
  id: Generated<string>;
  organisationId: string;
  caseId: string;
  fromUserId: string | null;
  toUserId: string;
  summaryEnc: string;
  proposedBy: string;
  proposedAt: Date;
  acknowledgedAt: Date | null;
  cancelledAt: Date | null;
};

export type InstrumentPermissionsTable = {
  organisationId: string;
  instrumentId: string;
  /** Which permission or licence the organisation holds (not personal data). */
  licenceNote: string;
  recordedBy: string;
  recordedAt: Date;
};

export type UserTrainingsTable = {
  id: Generated<string>;
  organisationId: string;
  userId: string;
  instrumentId: string;
  completedOn: ColumnType<string, string, never>;
  recordedAt: Date;
};

export type RiskAssessmentsTable = {
  id: Generated<string>;
  organisationId: string;
  caseId: string;
  subjectPersonId: string;
  subjectRole: 'victim' | 'perpetrator' | 'child';
  instrumentId: string;
  instrumentVersion: string;
  origin: 'own' | 'police';
  mode: 'inPerson' | 'remote' | 'records';
  assessorUserId: string;
  coAssessorUserId: string | null;
  /** Answers, evidence, judgements, scenarios, appraisal and reasons: one encrypted JSON document. */
  contentEnc: string;
  score: ColumnType<string | null, number | null, number | null>;
  completeness: ColumnType<string, number, number>;
  finalLevel: 'low' | 'medium' | 'high' | null;
  judgementLevels: ColumnType<Record<string, string | null>, string, string>;
  supersedesId: string | null;
  createdAt: Date;
  updatedAt: Date;
  signedAt: Date | null;
  signedBy: string | null;
  version: Version;
};

export type SafetyPlansTable = {
  id: Generated<string>;
  organisationId: string;
  caseId: string;
  /** The victim's own safety strategies (routes, shops, signals …), encrypted. */
  victimStrategiesEnc: string | null;
  /** Whom to call evenings and weekends, encrypted. */
  outOfHoursEnc: string | null;
  reviewOn: ColumnType<string | null, string | null, string | null>;
  createdAt: Date;
  updatedAt: Date;
  version: Version;
};

export type PlanMeasuresTable = {
  id: Generated<string>;
  organisationId: string;
  planId: string;
  measureCode: string;
  ownerOrganisation: string;
  ownerFunction: string | null;
  status: MeasureStatus;
  statusReasonEnc: string | null;
  dueOn: ColumnType<string | null, string | null, string | null>;
  reviewOn: ColumnType<string | null, string | null, string | null>;
  suggestedBy: ColumnType<string[], string[] | undefined, string[]>;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  version: Version;
};

export type PlanEventsTable = {
  id: Generated<string>;
  organisationId: string;
  planId: string;
  measureId: string | null;
  kind: 'measureAdded' | 'statusChanged' | 'suggestionRejected' | 'planUpdated' | 'followedThrough';
  measureCode: string | null;
  toStatus: string | null;
  reasonEnc: string | null;
  actorUserId: string;
  occurredAt: Date;
};

export type AssessmentFollowThroughsTable = {
  assessmentId: string;
  organisationId: string;
  planId: string | null;
  noMeasuresReasonEnc: string | null;
  closedBy: string;
  closedAt: Date;
};

export type OrganisationMeasuresTable = {
  organisationId: string;
  code: string;
  enabled: boolean;
  /** A local measure's definition (the measure catalogue's shape); null for a default one. */
  custom: ColumnType<Record<string, unknown> | null, string | null, string | null>;
  recordedBy: string;
  recordedAt: Date;
};

export type ScreeningsTable = {
  id: Generated<string>;
  organisationId: string;
  unitId: string;
  personId: string;
  caseId: string | null;
  topic: ScreeningTopic;
  outcome: ScreeningOutcome;
  notAskedReason: NotAskedReason | null;
  askedBy: string;
  askedAt: Date;
};

export type PersonAssignmentsTable = {
  personId: string;
  userId: string;
  organisationId: string;
};

export type BreakGlassGrantsTable = {
  id: Generated<string>;
  organisationId: string;
  userId: string;
  personId: string;
  reason: string;
  createdAt: CreatedAt;
  expiresAt: Date;
};

export type AuditChainHeadsTable = {
  chain: string;
  organisationId: string | null;
  lastSeq: ColumnType<string, string | number, string | number>;
  lastHash: string;
};

export type AuditEventsTable = {
  id: Generated<string>;
  chain: string;
  chainSeq: ColumnType<string, string | number, never>;
  occurredAt: Date;
  type: string;
  organisationId: string | null;
  actorUserId: string | null;
  personId: string | null;
  outcome: string;
  reason: string | null;
  breakGlassId: string | null;
  requestId: string | null;
  details: ColumnType<Record<string, unknown>, string, never>;
  prevHash: string;
  hash: string;
};

export type ConsentsTable = {
  id: Generated<string>;
  organisationId: string;
  personId: string;
  decision: 'given' | 'refused';
  purposeEnc: string;
  recipients: ColumnType<ConsentRecipient[], string, string>;
  categories: ColumnType<string[], string[] | undefined, string[]>;
  givenBy: ConsentGiver;
  giverNameEnc: string | null;
  form: 'oral' | 'written';
  givenOn: ColumnType<string, string, string>;
  expiresOn: ColumnType<string | null, string | null, string | null>;
  custodianCount: Generated<number>;
  withdrawnOn: ColumnType<string | null, string | null | undefined, string | null>;
  withdrawalReasonEnc: string | null;
  recordedBy: string;
  recordedAt: Date;
  version: Version;
  /** The unit that recorded it: a consent is its secrecy area's information. */
  recordedInUnitId: string;
};

export type DisclosuresTable = {
  id: Generated<string>;
  organisationId: string;
  personId: string;
  caseId: string | null;
  recipientKind: RecipientKind;
  recipientUnitId: string | null;
  recipientLabel: string;
  categories: ColumnType<string[], string[] | undefined, string[]>;
  groundCode: string;
  groundCatalogueVersion: string;
  provisionText: string | null;
  consentIds: ColumnType<string[], string[] | undefined, string[]>;
  assessmentEnc: string | null;
  contentEnc: string | null;
  decidedBy: string;
  decidedAt: Date;
  sharesCase: Generated<boolean>;
  shareEndsAt: Date | null;
  shareEndedAt: Date | null;
};

export type ConcernsTable = {
  id: Generated<string>;
  organisationId: string;
  perpetratorCaseId: string;
  path: ConcernPath;
  whatWasSaidEnc: string;
  disclosureId: string | null;
  raisedBy: string;
  raisedAt: Date;
};

export type LogReviewsTable = {
  id: Generated<string>;
  organisationId: string;
  scope: LogReviewScope;
  subjectId: string | null;
  periodFrom: ColumnType<string, string, string>;
  periodTo: ColumnType<string, string, string>;
  eventsReviewed: number;
  findingsEnc: string;
  deviations: boolean;
  reviewedBy: string;
  signedAt: Date;
};

export type ReferralsTable = {
  id: Generated<string>;
  kind: ReferralKind;
  fromOrganisationId: string;
  fromUnitId: string;
  fromUserId: string;
  fromUserName: string;
  fromUnitName: string;
  fromOrganisationName: string;
  sourceCaseId: string | null;
  toOrganisationId: string;
  toUnitId: string;
  toUnitName: string;
  caseType: CaseType;
  protectionLevel: ProtectionLevel;
  subjectEnc: string;
  packageEnc: string;
  groundCode: string;
  groundCatalogueVersion: string;
  sentAt: Date;
  acknowledgedAt: Date | null;
  acknowledgedByName: string | null;
  receivedCaseId: string | null;
  declinedAt: Date | null;
  declineReasonEnc: string | null;
  withdrawnAt: Date | null;
  version: Version;
};

export type ReferralMessagesTable = {
  id: Generated<string>;
  referralId: string;
  organisationId: string;
  kind: MessageKind;
  authorName: string;
  authorOrganisationName: string;
  bodyEnc: string;
  sentAt: Date;
};

export type MeetingsTable = {
  id: Generated<string>;
  organisationId: string;
  unitId: string;
  kind: Generated<MeetingKind>;
  title: string;
  heldOn: ColumnType<string, string, string>;
  minutesEnc: string | null;
  createdBy: string;
  createdAt: Date;
  version: Version;
};
export type MeetingOrganisationsTable = {
  meetingId: string;
  organisationId: string;
  hostOrganisationId: string;
  organisationName: string;
};
export type MeetingItemsTable = {
  id: Generated<string>;
  meetingId: string;
  organisationId: string;
  caseId: string;
  position: number;
  pseudonym: string;
  disclosedNameEnc: string | null;
  disclosureId: string | null;
  criteria: ColumnType<string[], string[], string[]>;
  rationaleEnc: string;
  repeat: boolean;
};
export type MeetingNotesTable = {
  id: Generated<string>;
  itemId: string;
  meetingId: string;
  organisationId: string;
  organisationName: string;
  authorName: string;
  bodyEnc: string;
  writtenAt: Date;
};
export type MeetingActionsTable = {
  id: Generated<string>;
  itemId: string;
  meetingId: string;
  organisationId: string;
  ownerAgency: string;
  descriptionEnc: string;
  dueOn: ColumnType<string, string, string>;
  doneAt: Date | null;
  createdAt: Date;
  version: Version;
};

export type ContactEntriesTable = {
  id: Generated<string>;
  organisationId: string;
  functionCode: string;
  holderName: string;
  phone: string;
  hours: string;
  outOfHours: string;
  validFrom: ColumnType<string, string, string>;
  validTo: ColumnType<string | null, string | null | undefined, string | null>;
  recordedBy: string;
  recordedAt: Date;
};

export type SipPlansTable = {
  id: Generated<string>;
  organisationId: string;
  caseId: string;
  participants: ColumnType<SipParticipant[], string, string>;
  coordinatorAgency: string;
  goalEnc: string;
  followUpOn: ColumnType<string, string, string>;
  consentIds: ColumnType<string[], string[] | undefined, string[]>;
  updatedBy: string;
  updatedAt: Date;
  version: Version;
};
export type SipCommitmentsTable = {
  id: Generated<string>;
  organisationId: string;
  planId: string;
  agency: string;
  whatEnc: string;
  dueOn: ColumnType<string, string, string>;
  doneAt: Date | null;
  version: Version;
};

type DateColumn = ColumnType<string, string, string>;
type OptionalDate = ColumnType<string | null, string | null | undefined, string | null>;

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

/** Views: other organisations of the county, by name and unit only. */
export type PopulationFiguresTable = {
  scbCode: string;
  year: number;
  adults: number;
  source: string;
  loadedAt: Date;
};
export type IndicatorPublicationsTable = {
  id: Generated<string>;
  organisationId: string;
  countyCode: string;
  periodFrom: ColumnType<string, string, string>;
  periodTo: ColumnType<string, string, string>;
  catalogueVersion: string;
  figures: ColumnType<ReleasedFigure[], string, string>;
  publishedBy: string;
  publishedByName: string;
  publishedAt: Date;
};

export type MappingRoundsTable = {
  id: Generated<string>;
  organisationId: string;
  name: string;
  templateId: string;
  templateVersion: string;
  strategyPeriod: string;
  periodFrom: DateColumn;
  periodTo: DateColumn;
  createdBy: string;
  createdAt: Date;
};
export type MappingMunicipalitiesTable = {
  id: Generated<string>;
  organisationId: string;
  roundId: string;
  name: string;
  scbCode: string | null;
  fristadOrganisationId: string | null;
};
export type MappingSessionsTable = {
  id: Generated<string>;
  organisationId: string;
  roundId: string;
  municipalityId: string;
  label: string;
  heldOn: DateColumn;
  mode: SessionMode;
  participants: ColumnType<Participant[], string, string>;
  scale: number | null;
  openAnswers: ColumnType<OpenAnswer[], string, string>;
  recordedBy: string;
  recordedAt: Date;
  version: Version;
};
export type MappingAnswersTable = {
  id: Generated<string>;
  organisationId: string;
  roundId: string;
  municipalityId: string;
  itemId: string;
  status: AnswerStatus;
  value: ColumnType<unknown, string | null, string | null>;
  source: NumberSource | null;
  answeredBy: string;
  answeredAt: Date;
};

export type PrevalenceSurveysTable = {
  id: Generated<string>;
  organisationId: string;
  title: string;
  opensOn: DateColumn;
  closesOn: DateColumn;
  createdBy: string;
  createdAt: Date;
};
export type PrevalenceReportsTable = {
  id: Generated<string>;
  organisationId: string;
  surveyId: string;
  unitId: string;
  category: PrevalenceCategory;
  count: number;
  reportedBy: string;
  reportedAt: Date;
};

export type AgreementsTable = {
  id: Generated<string>;
  organisationId: string;
  title: string;
  parties: ColumnType<string[], string[], string[]>;
  partnerKinds: ColumnType<PartnerKind[], PartnerKind[], PartnerKind[]>;
  status: AgreementStatus;
  signedOn: OptionalDate;
  reviewOn: OptionalDate;
  usedInPractice: Usage;
  updatedBy: string;
  updatedAt: Date;
  version: Version;
};
export type CompetenceRecordsTable = {
  id: Generated<string>;
  organisationId: string;
  userId: string;
  courseCode: string;
  completedOn: DateColumn;
  recordedBy: string;
  recordedAt: Date;
};

export type RoutinesTable = {
  id: Generated<string>;
  organisationId: string;
  title: string;
  step: RoutineStep;
  createdBy: string;
  createdAt: Date;
};
export type RoutineVersionsTable = {
  id: Generated<string>;
  organisationId: string;
  routineId: string;
  versionNo: number;
  body: string;
  approvedBy: string;
  validFrom: DateColumn;
  createdBy: string;
  createdAt: Date;
};
export type RoutineAcknowledgementsTable = {
  organisationId: string;
  versionId: string;
  userId: string;
  acknowledgedAt: Date;
};

export type DirectoryOrganisationsView = {
  id: string;
  name: string;
  kind: OrganisationKind;
  countyCode: string | null;
  scbCode: string | null;
};
export type DirectoryUnitsView = {
  id: string;
  organisationId: string;
  name: string;
  kind: UnitKind;
};

export type Database = {
  organisations: OrganisationsTable;
  secrecyAreas: SecrecyAreasTable;
  units: UnitsTable;
  users: UsersTable;
  roleAssignments: RoleAssignmentsTable;
  sessions: SessionsTable;
  oidcProviders: OidcProvidersTable;
  userIdentities: UserIdentitiesTable;
  oidcLoginStates: OidcLoginStatesTable;
  persons: PersonsTable;
  personAssignments: PersonAssignmentsTable;
  personUnits: PersonUnitsTable;
  personMerges: PersonMergesTable;
  signInFailures: SignInFailuresTable;
  breakGlassGrants: BreakGlassGrantsTable;
  auditChainHeads: AuditChainHeadsTable;
  auditEvents: AuditEventsTable;
  cases: CasesTable;
  caseTransitions: CaseTransitionsTable;
  caseLinks: CaseLinksTable;
  linkRequests: LinkRequestsTable;
  screenings: ScreeningsTable;
  reportsOfConcern: ReportsOfConcernTable;
  caseEvents: CaseEventsTable;
  caseTasks: CaseTasksTable;
  caseHandovers: CaseHandoversTable;
  instrumentPermissions: InstrumentPermissionsTable;
  userTrainings: UserTrainingsTable;
  riskAssessments: RiskAssessmentsTable;
  safetyPlans: SafetyPlansTable;
  planMeasures: PlanMeasuresTable;
  planEvents: PlanEventsTable;
  assessmentFollowThroughs: AssessmentFollowThroughsTable;
  organisationMeasures: OrganisationMeasuresTable;
  consents: ConsentsTable;
  disclosures: DisclosuresTable;
  concerns: ConcernsTable;
  logReviews: LogReviewsTable;
  referrals: ReferralsTable;
  referralMessages: ReferralMessagesTable;
  directoryOrganisations: DirectoryOrganisationsView;
  directoryUnits: DirectoryUnitsView;
  meetings: MeetingsTable;
  meetingOrganisations: MeetingOrganisationsTable;
  meetingItems: MeetingItemsTable;
  meetingNotes: MeetingNotesTable;
  meetingActions: MeetingActionsTable;
  contactEntries: ContactEntriesTable;
  sipPlans: SipPlansTable;
  sipCommitments: SipCommitmentsTable;
  housingUnits: HousingUnitsTable;
  housingRequests: HousingRequestsTable;
  housingPlacements: HousingPlacementsTable;
  placementChildren: PlacementChildrenTable;
  placementVisits: PlacementVisitsTable;
  housingUnmetNeeds: HousingUnmetNeedsTable;
  adviceContacts: AdviceContactsTable;
  interventionTypes: InterventionTypesTable;
  grantedInterventions: GrantedInterventionsTable;
  interventionSessions: InterventionSessionsTable;
  interventionExtensions: InterventionExtensionsTable;
  clientRatings: ClientRatingsTable;
  satisfactionAnswers: SatisfactionAnswersTable;
  followUpPlans: FollowUpPlansTable;
  interventionGroups: InterventionGroupsTable;
  groupPlaces: GroupPlacesTable;
  populationFigures: PopulationFiguresTable;
  indicatorPublications: IndicatorPublicationsTable;
  mappingRounds: MappingRoundsTable;
  mappingMunicipalities: MappingMunicipalitiesTable;
  mappingSessions: MappingSessionsTable;
  mappingAnswers: MappingAnswersTable;
  prevalenceSurveys: PrevalenceSurveysTable;
  prevalenceReports: PrevalenceReportsTable;
  agreements: AgreementsTable;
  competenceRecords: CompetenceRecordsTable;
  routines: RoutinesTable;
  routineVersions: RoutineVersionsTable;
  routineAcknowledgements: RoutineAcknowledgementsTable;
};

export type PersonRow = Selectable<PersonsTable>;
export type NewPerson = Insertable<PersonsTable>;
export type UserRow = Selectable<UsersTable>;
