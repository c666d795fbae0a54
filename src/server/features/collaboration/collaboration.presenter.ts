import type { Selectable } from 'kysely';
import type { RecordResource } from '../../../domain/access/policy';
import type { ConsentRecipient } from '../../../domain/collaboration/consent';
import {
  decryptField,
  type EncryptedContext,
  type KeyRing,
} from '../../platform/crypto/field-encryption';
import type { SipCommitmentsTable, SipPlansTable } from '../../platform/db/schema/collaboration';
import type { ConsentRow, DisclosureRow, listConcerns } from './collaboration.repository';

export const consentContext = {
  purpose: 'consents.purpose',
  giverName: 'consents.giver_name',
  withdrawalReason: 'consents.withdrawal_reason',
} as const;
export const disclosureContext = {
  assessment: 'disclosures.assessment',
  content: 'disclosures.content',
} as const;
export const concernContext = 'concerns.what_was_said';
export const sipContext = { goal: 'sip_plans.goal', what: 'sip_commitments.what' } as const;

/**
 * The policy's view of a consent: the person's record, as it stands in the unit that recorded
 * the consent. Its purpose and recipients are that secrecy area's information, so a unit of
 * another area where the person is also registered does not read them.
 */
export const consentResource = (
  row: Pick<ConsentRow, 'id' | 'personId' | 'recordedInUnitId' | 'recordedInAreaId'>,
  person: Pick<RecordResource, 'organisationId' | 'assignedUserIds'>,
): RecordResource => ({
  kind: 'person',
  id: row.id,
  personId: row.personId,
  organisationId: person.organisationId,
  unitId: row.recordedInUnitId,
  secrecyAreaId: row.recordedInAreaId,
  assignedUserIds: person.assignedUserIds,
});

const open = (keys: KeyRing, context: EncryptedContext, sealed: string | null) =>
  sealed === null ? null : decryptField(keys, context, sealed);

/** A consent or refusal as its readers see it; in force or not is the domain's answer, given here. */
export const presentConsent = (row: ConsentRow, keys: KeyRing, inForce: boolean) => ({
  id: row.id,
  decision: row.decision,
  purpose: decryptField(keys, consentContext.purpose, row.purposeEnc),
  recipients: row.recipients as ConsentRecipient[],
  categories: row.categories,
  givenBy: row.givenBy,
  giverName: open(keys, consentContext.giverName, row.giverNameEnc),
  form: row.form,
  givenOn: row.givenOn,
  expiresOn: row.expiresOn,
  custodianCount: row.custodianCount,
  withdrawnOn: row.withdrawnOn,
  withdrawalReason: open(keys, consentContext.withdrawalReason, row.withdrawalReasonEnc),
  inForce,
  recordedAt: row.recordedAt.toISOString(),
  recordedByName: row.recordedByName,
  version: row.version,
});

export const presentDisclosure = (row: DisclosureRow, keys: KeyRing, now: Date) => ({
  id: row.id,
  recipientKind: row.recipientKind,
  recipientUnitId: row.recipientUnitId,
  recipient: row.recipientUnitName ?? row.recipientLabel,
  categories: row.categories,
  groundCode: row.groundCode,
  groundCatalogueVersion: row.groundCatalogueVersion,
  provisionText: row.provisionText,
  assessmentNote: open(keys, disclosureContext.assessment, row.assessmentEnc),
  content: open(keys, disclosureContext.content, row.contentEnc),
  decidedAt: row.decidedAt.toISOString(),
  decidedByName: row.decidedByName,
  share: row.sharesCase
    ? {
        endsAt: row.shareEndsAt?.toISOString() ?? null,
        active:
          row.shareEndedAt === null &&
          (row.shareEndsAt === null || row.shareEndsAt.getTime() > now.getTime()),
      }
    : null,
});

/** A concern raised in a perpetrator's case, with the words that were said. */
export const presentConcern = (
  row: Awaited<ReturnType<typeof listConcerns>>[number],
  keys: KeyRing,
) => ({
  id: row.id,
  path: row.path,
  whatWasSaid: decryptField(keys, concernContext, row.whatWasSaidEnc),
  raisedAt: row.raisedAt.toISOString(),
  raisedByName: row.raisedByName,
});

/** A case's SIP with its commitments, days as the database wrote them (YYYY-MM-DD). */
export const presentSip = (
  plan: Selectable<SipPlansTable> & { followUpOnText: string },
  commitments: readonly (Selectable<SipCommitmentsTable> & { dueOnText: string })[],
  keys: KeyRing,
) => ({
  id: plan.id,
  // Plans made before participants were references name them in words only.
  participants: plan.participants.map((participant) => ({
    ...participant,
    organisationId: participant.organisationId ?? null,
    unitId: participant.unitId ?? null,
  })),
  coordinatorAgency: plan.coordinatorAgency,
  goal: decryptField(keys, sipContext.goal, plan.goalEnc),
  followUpOn: plan.followUpOnText,
  version: plan.version,
  commitments: commitments.map((row) => ({
    id: row.id,
    agency: row.agency,
    what: decryptField(keys, sipContext.what, row.whatEnc),
    dueOn: row.dueOnText,
    done: row.doneAt !== null,
    version: row.version,
  })),
});
