import { sql, type Insertable } from 'kysely';
import type { ConsentsTable, DisclosuresTable } from '../../platform/db/schema';
import type { Tx } from '../../platform/db/transaction';

/** Consents, disclosures and concerns. Commands decide who may; these only fetch and store. */
const consentQuery = (tx: Tx) =>
  tx
    .selectFrom('consents as c')
    .innerJoin('users as u', 'u.id', 'c.recordedBy')
    .innerJoin('units as ru', 'ru.id', 'c.recordedInUnitId')
    .select([
      'c.id',
      'c.recordedInUnitId',
      'ru.secrecyAreaId as recordedInAreaId',
      'c.personId',
      'c.decision',
      'c.purposeEnc',
      'c.recipients',
      'c.categories',
      'c.givenBy',
      'c.giverNameEnc',
      'c.form',
      'c.custodianCount',
      'c.withdrawalReasonEnc',
      'c.recordedAt',
      'c.version',
      'u.displayName as recordedByName',
    ])
    // Calendar days stay days on both engines.
    .select(sql<string>`to_char(c.given_on, 'YYYY-MM-DD')`.as('givenOn'))
    .select(sql<string | null>`to_char(c.expires_on, 'YYYY-MM-DD')`.as('expiresOn'))
    .select(sql<string | null>`to_char(c.withdrawn_on, 'YYYY-MM-DD')`.as('withdrawnOn'));

export type ConsentRow = Awaited<
  ReturnType<ReturnType<typeof consentQuery>['executeTakeFirstOrThrow']>
>;

export const listConsents = (tx: Tx, personId: string) =>
  consentQuery(tx).where('c.personId', '=', personId).orderBy('c.recordedAt', 'desc').execute();

export const findConsent = (tx: Tx, id: string) =>
  consentQuery(tx).where('c.id', '=', id).executeTakeFirst();

export const insertConsent = (tx: Tx, values: Insertable<ConsentsTable>) =>
  tx.insertInto('consents').values(values).returning('id').executeTakeFirstOrThrow();

/** Records a withdrawal if nobody changed the consent since `version`; undefined when stale. */
export const withdrawConsentIfVersion = (
  tx: Tx,
  id: string,
  version: number,
  withdrawal: { withdrawnOn: string; withdrawalReasonEnc: string },
) =>
  tx
    .updateTable('consents')
    .set((eb) => ({ ...withdrawal, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .where('withdrawnOn', 'is', null)
    .returning('id')
    .executeTakeFirst();

export const insertDisclosure = (tx: Tx, values: Insertable<DisclosuresTable>) =>
  tx.insertInto('disclosures').values(values).returning('id').executeTakeFirstOrThrow();

/** Ends the case shares that rest on a consent (it was withdrawn). */
export const endSharesResting = (tx: Tx, consentId: string, endedAt: Date) =>
  tx
    .updateTable('disclosures')
    .set({ shareEndedAt: endedAt })
    .where('sharesCase', '=', true)
    .where('shareEndedAt', 'is', null)
    .where(sql<boolean>`${consentId}::uuid = any(consent_ids)`)
    .execute();

/** The disclosures made from a case, newest first. */
export const listDisclosuresFromCase = (tx: Tx, caseId: string) =>
  tx
    .selectFrom('disclosures as d')
    .innerJoin('users as u', 'u.id', 'd.decidedBy')
    .leftJoin('units as ru', 'ru.id', 'd.recipientUnitId')
    .select([
      'd.id',
      'd.recipientKind',
      'd.recipientUnitId',
      'ru.name as recipientUnitName',
      'd.recipientLabel',
      'd.categories',
      'd.groundCode',
      'd.groundCatalogueVersion',
      'd.provisionText',
      'd.assessmentEnc',
      'd.contentEnc',
      'd.decidedAt',
      'd.sharesCase',
      'd.shareEndsAt',
      'd.shareEndedAt',
      'u.displayName as decidedByName',
    ])
    .where('d.caseId', '=', caseId)
    .orderBy('d.decidedAt', 'desc')
    .execute();

export type DisclosureRow = Awaited<ReturnType<typeof listDisclosuresFromCase>>[number];

/** Cases shared with any of the given units now (a share's reader finds them here). */
export const listCaseIdsSharedWith = (tx: Tx, unitIds: readonly string[], now: Date) =>
  unitIds.length
    ? tx
        .selectFrom('disclosures')
        .select('caseId')
        .distinct()
        .where('recipientUnitId', 'in', unitIds)
        .where('sharesCase', '=', true)
        .where('shareEndedAt', 'is', null)
        .where((eb) => eb.or([eb('shareEndsAt', 'is', null), eb('shareEndsAt', '>', now)]))
        .execute()
    : Promise.resolve([]);

export const insertConcern = (
  tx: Tx,
  values: {
    organisationId: string;
    perpetratorCaseId: string;
    path: 'sameUnit' | 'noHarm' | 'consent' | 'dangerToLife';
    whatWasSaidEnc: string;
    disclosureId: string | null;
    raisedBy: string;
    raisedAt: Date;
  },
) => tx.insertInto('concerns').values(values).returning('id').executeTakeFirstOrThrow();

/** Concerns raised in a perpetrator's case: seen by that case's readers only. */
export const listConcerns = (tx: Tx, caseId: string) =>
  tx
    .selectFrom('concerns as c')
    .innerJoin('users as u', 'u.id', 'c.raisedBy')
    .select(['c.id', 'c.path', 'c.whatWasSaidEnc', 'c.raisedAt', 'u.displayName as raisedByName'])
    .where('c.perpetratorCaseId', '=', caseId)
    .orderBy('c.raisedAt', 'desc')
    .execute();
