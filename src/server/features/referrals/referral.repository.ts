import type { Insertable } from 'kysely';
import type { ReferralMessagesTable, ReferralsTable } from '../../platform/db/schema';
import type { Tx } from '../../platform/db/transaction';

/** Referrals between two organisations; row-level security shows each only to those two. */
const referralQuery = (tx: Tx) =>
  tx
    .selectFrom('referrals as r')
    .selectAll('r')
    .select((eb) =>
      eb
        .selectFrom('referralMessages as m')
        .select(eb.fn.countAll<string>().as('count'))
        .whereRef('m.referralId', '=', 'r.id')
        .as('messageCount'),
    );

export type ReferralRow = Awaited<
  ReturnType<ReturnType<typeof referralQuery>['executeTakeFirstOrThrow']>
>;

export const findReferral = (tx: Tx, id: string) =>
  referralQuery(tx).where('r.id', '=', id).executeTakeFirst();

/** Referrals to or from the organisation, newest first; the caller narrows to its units. */
export const listReferralsOfOrganisation = (tx: Tx, organisationId: string, limit: number) =>
  referralQuery(tx)
    .where((eb) =>
      eb.or([
        eb('r.fromOrganisationId', '=', organisationId),
        eb('r.toOrganisationId', '=', organisationId),
      ]),
    )
    .orderBy('r.sentAt', 'desc')
    .limit(limit)
    .execute();

/** Referrals sent from or received into a case. */
export const listReferralsOfCase = (tx: Tx, caseId: string) =>
  referralQuery(tx)
    .where((eb) => eb.or([eb('r.sourceCaseId', '=', caseId), eb('r.receivedCaseId', '=', caseId)]))
    .orderBy('r.sentAt', 'desc')
    .execute();

export const insertReferral = (tx: Tx, values: Insertable<ReferralsTable>) =>
  tx.insertInto('referrals').values(values).returning('id').executeTakeFirstOrThrow();

/** Records the receiver's answer if nobody answered since `version`; undefined when stale. */
export const answerReferralIfVersion = (
  tx: Tx,
  id: string,
  version: number,
  answer: {
    acknowledgedAt?: Date;
    acknowledgedByName?: string;
    receivedCaseId?: string | null;
    declinedAt?: Date;
    declineReasonEnc?: string;
  },
) =>
  tx
    .updateTable('referrals')
    .set((eb) => ({ ...answer, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .where('acknowledgedAt', 'is', null)
    .where('declinedAt', 'is', null)
    .returning('id')
    .executeTakeFirst();

export const insertReferralMessage = (tx: Tx, values: Insertable<ReferralMessagesTable>) =>
  tx.insertInto('referralMessages').values(values).returning('id').executeTakeFirstOrThrow();

export const listReferralMessages = (tx: Tx, referralId: string) =>
  tx
    .selectFrom('referralMessages')
    .selectAll()
    .where('referralId', '=', referralId)
    .orderBy('sentAt')
    .execute();

/** The other organisations of the county and their units: where a referral can go. */
export const listDirectory = (tx: Tx) =>
  tx
    .selectFrom('directoryUnits as u')
    .innerJoin('directoryOrganisations as o', 'o.id', 'u.organisationId')
    .select([
      'o.id as organisationId',
      'o.name as organisationName',
      'o.kind as organisationKind',
      'u.id as unitId',
      'u.name as unitName',
      'u.kind as unitKind',
    ])
    .orderBy('o.name')
    .orderBy('u.name')
    .execute();
