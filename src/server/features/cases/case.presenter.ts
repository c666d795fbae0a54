import { can, type Actor, type RecordResource } from '../../../domain/access/policy';
import type { CaseType } from '../../../domain/cases/catalogues';
import { nextStages, reportOutcome, type Stage } from '../../../domain/cases/stages';
import {
  presentPersonalNumber,
  type ProtectionLevel,
} from '../../../domain/identity/protected-identity';
import { decryptField, type KeyRing } from '../../platform/crypto/field-encryption';
import type { CaseRecord, listReportsFrom } from './case.repository';

export const transitionReasonContext = 'case_transitions.reason';
export const eventDescriptionContext = 'case_events.description';

export const caseResource = (record: CaseRecord): RecordResource => ({
  kind: 'case',
  id: record.id,
  personId: record.personId,
  organisationId: record.organisationId,
  unitId: record.unitId,
  secrecyAreaId: record.secrecyAreaId,
  assignedUserIds: record.ownerUserId ? [record.ownerUserId] : [],
  shares: record.shares.map((share) => ({
    id: share.id,
    unitId: share.unitId!,
    basis: share.groundCode === 'consent' ? ('consent' as const) : ('disclosure' as const),
    endsAt: share.endsAt ? new Date(share.endsAt) : null,
  })),
});

type Viewer = { actor: Actor; keys: KeyRing; now: Date };

/** A case as a list row or header: whitelisted fields, masked identity, what the viewer may do. */
export const presentCaseSummary = (record: CaseRecord, viewer: Viewer) => {
  const level = record.protectionLevel as ProtectionLevel;
  const type = record.type as CaseType;
  const resource = caseResource(record);
  const mayWrite = can(viewer.actor, 'case.write', resource, viewer.now).allowed;
  const read = can(viewer.actor, 'case.read', resource, viewer.now);
  const share = read.allowed
    ? resource.shares?.find((entry) => entry.id === read.shareId)
    : undefined;
  return {
    id: record.id,
    type,
    hrv: record.hrv,
    practice: record.practice,
    stage: record.stage as Stage,
    unitId: record.unitId,
    unitName: record.unitName,
    person: {
      id: record.personId,
      givenName: record.givenName,
      familyName: record.familyName,
      personalNumber: presentPersonalNumber(record.personalNumber, level),
      protectionLevel: level,
      fictitious: record.fictitious,
    },
    ownerUserId: record.ownerUserId,
    ownerName: record.ownerName,
    detectionSource: record.detectionSource,
    violenceForms: record.violenceForms,
    perpetratorRelation: record.perpetratorRelation,
    childrenAnswer: record.childrenAnswer,
    referral: record.referredFromUnitId
      ? { fromUnitId: record.referredFromUnitId, clientConsent: record.referralConsent ?? false }
      : null,
    openedAt: record.openedAt.toISOString(),
    closedAt: record.closedAt?.toISOString() ?? null,
    version: record.version,
    abilities: {
      write: mayWrite,
      nextStages: mayWrite ? nextStages(record.stage as Stage, type) : [],
    },
    access: {
      reason: read.allowed ? read.reason : null,
      sharedUntil: share?.endsAt?.toISOString() ?? null,
    },
  };
};

export type CaseSummary = ReturnType<typeof presentCaseSummary>;

/**
 * A linked case as the viewer may see it: in full when the policy allows, otherwise only that a
 * linked case exists and why it is hidden. Existence itself is not secret inside one authority,
 * but nothing about the person is shown.
 */
export const presentLinkedCase = (record: CaseRecord, kind: string, viewer: Viewer) => {
  const decision = can(viewer.actor, 'case.read', caseResource(record), viewer.now);
  if (!decision.allowed) return { kind, visible: false as const, hiddenReason: decision.reason };
  return { kind, visible: true as const, case: presentCaseSummary(record, viewer) };
};

export const presentTransition = (
  transition: {
    fromStage: string | null;
    toStage: string;
    reasonEnc: string | null;
    decidedAt: Date;
    decidedByName: string;
  },
  keys: KeyRing,
) => ({
  fromStage: transition.fromStage as Stage | null,
  toStage: transition.toStage as Stage,
  reason: transition.reasonEnc
    ? decryptField(keys, transitionReasonContext, transition.reasonEnc)
    : null,
  decidedAt: transition.decidedAt.toISOString(),
  decidedBy: transition.decidedByName,
});

export const presentCaseEvent = (
  event: {
    id: string;
    kind: string;
    occurredOn: string;
    source: string;
    descriptionEnc: string | null;
    recordedByName: string;
  },
  keys: KeyRing,
) => ({
  id: event.id,
  kind: event.kind,
  occurredOn: event.occurredOn,
  source: event.source,
  description: event.descriptionEnc
    ? decryptField(keys, eventDescriptionContext, event.descriptionEnc)
    : null,
  recordedBy: event.recordedByName,
});

/**
 * A report of concern made from a case and what came of it: the reporter may know whether an
 * investigation was opened (law catalogue: sol.reporterFeedback), not its content.
 */
export const presentReportOfConcern = (
  report: Awaited<ReturnType<typeof listReportsFrom>>[number],
) => ({
  id: report.id,
  reportedAt: report.reportedAt.toISOString(),
  childName: `${report.givenName} ${report.familyName}`,
  childCaseId: report.childCaseId,
  outcome: reportOutcome(report.childStage as Stage),
});
