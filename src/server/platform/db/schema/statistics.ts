import type { ColumnType, Generated } from 'kysely';
import type { ReleasedFigure } from '../../../../domain/indicators/suppression';
import type { AnswerStatus, NumberSource } from '../../../../domain/mapping/answers';
import type { OpenAnswer, Participant, SessionMode } from '../../../../domain/mapping/sessions';
import type { PrevalenceCategory } from '../../../../domain/prevalence/survey';
import type { AgreementStatus, PartnerKind, Usage } from '../../../../domain/governance/agreements';
import type { RoutineStep } from '../../../../domain/governance/routines';
import type { DateColumn, OptionalDate, Version } from './columns';
import type { OrganisationKind, UnitKind } from './identity';

/** Indicators, mapping, prevalence, agreements, competence, routines and the directory views. (table types for Kysely; see ../schema.ts). */

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
