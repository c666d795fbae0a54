import type { ColumnType, Generated } from 'kysely';
import type { CaseType } from '../../../../domain/cases/catalogues';
import type { LinkKind } from '../../../../domain/cases/links';
import type {
  NotAskedReason,
  ScreeningOutcome,
  ScreeningTopic,
} from '../../../../domain/cases/screening';
import type { ChildrenAnswer, GoalAttainment, Stage } from '../../../../domain/cases/stages';
import type { TaskKind } from '../../../../domain/cases/tasks';
import type { MeasureStatus } from '../../../../domain/risk-management/plan';
import type { CreatedAt, Version } from './columns';

/** Cases, their stages, links, events, tasks and hand-overs; risk assessments and plans. (table types for Kysely; see ../schema.ts). */

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
