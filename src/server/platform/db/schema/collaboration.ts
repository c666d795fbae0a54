import type { ColumnType, Generated } from 'kysely';
import type { ProtectionLevel } from '../../../../domain/identity/protected-identity';
import type { CaseType } from '../../../../domain/cases/catalogues';
import type { LogReviewScope } from '../../../../domain/audit/log-review';
import type { ConcernPath } from '../../../../domain/collaboration/concern';
import type { ConsentGiver, ConsentRecipient } from '../../../../domain/collaboration/consent';
import type { RecipientKind } from '../../../../domain/collaboration/grounds';
import type { MessageKind, ReferralKind } from '../../../../domain/collaboration/referrals';
import type { MeetingKind } from '../../../../domain/collaboration/meetings';
import type { SipParticipant } from '../../../../domain/collaboration/sip';
import type { Version } from './columns';

/** The audit log, consents, disclosures, concerns, referrals, meetings, contacts and SIP. (table types for Kysely; see ../schema.ts). */

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
