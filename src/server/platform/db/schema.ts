import type { Insertable, Selectable } from 'kysely';
import type {
  AssessmentFollowThroughsTable,
  BreakGlassGrantsTable,
  CaseEventsTable,
  CaseHandoversTable,
  CaseLinksTable,
  CaseTasksTable,
  CaseTransitionsTable,
  CasesTable,
  InstrumentPermissionsTable,
  OrganisationMeasuresTable,
  PersonAssignmentsTable,
  PlanEventsTable,
  PlanMeasuresTable,
  ReportsOfConcernTable,
  RiskAssessmentsTable,
  SafetyPlansTable,
  ScreeningsTable,
  UserTrainingsTable,
} from './schema/cases';
import type {
  AuditChainHeadsTable,
  AuditEventsTable,
  ConcernsTable,
  ConsentsTable,
  ContactEntriesTable,
  DisclosuresTable,
  LogReviewsTable,
  MeetingActionsTable,
  MeetingItemsTable,
  MeetingNotesTable,
  MeetingOrganisationsTable,
  MeetingsTable,
  ReferralMessagesTable,
  ReferralsTable,
  SipCommitmentsTable,
  SipPlansTable,
} from './schema/collaboration';
import type {
  LinkRequestsTable,
  OidcLoginStatesTable,
  OidcProvidersTable,
  OrganisationsTable,
  PersonMergesTable,
  PersonUnitsTable,
  PersonsTable,
  RoleAssignmentsTable,
  SecrecyAreasTable,
  SessionsTable,
  SignInFailuresTable,
  UnitsTable,
  UserIdentitiesTable,
  UsersTable,
} from './schema/identity';
import type {
  AgreementsTable,
  CompetenceRecordsTable,
  DirectoryOrganisationsView,
  DirectoryUnitsView,
  IndicatorPublicationsTable,
  MappingAnswersTable,
  MappingMunicipalitiesTable,
  MappingRoundsTable,
  MappingSessionsTable,
  PopulationFiguresTable,
  PrevalenceReportsTable,
  PrevalenceSurveysTable,
  RoutineAcknowledgementsTable,
  RoutineVersionsTable,
  RoutinesTable,
} from './schema/statistics';
import type {
  AdviceContactsTable,
  ClientRatingsTable,
  FollowUpPlansTable,
  GrantedInterventionsTable,
  GroupPlacesTable,
  HousingPlacementsTable,
  HousingRequestsTable,
  HousingUnitsTable,
  HousingUnmetNeedsTable,
  InterventionExtensionsTable,
  InterventionGroupsTable,
  InterventionSessionsTable,
  InterventionTypesTable,
  PlacementChildrenTable,
  PlacementVisitsTable,
  SatisfactionAnswersTable,
} from './schema/support';

export type * from './schema/identity';
export type * from './schema/cases';
export type * from './schema/collaboration';
export type * from './schema/support';
export type * from './schema/statistics';
/**
 * Table types for Kysely, in camelCase (the CamelCasePlugin maps them to the snake_case
 * columns of the migrations). The migrations are the one schema source; a test compares these
 * names with the migrated database so the two cannot drift apart.
 */

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
