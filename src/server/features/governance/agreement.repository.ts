import type { Insertable, Updateable } from 'kysely';
import { dateText } from '../../platform/db/date-text';
import type { AgreementsTable } from '../../platform/db/schema';
import type { Tx } from '../../platform/db/transaction';

/** The collaboration agreements row-level security lets the organisation see, by title. */
export const listAgreementsByTitle = (tx: Tx) =>
  tx
    .selectFrom('agreements')
    .select([
      'id',
      'title',
      'parties',
      'partnerKinds',
      'status',
      dateText<string | null>('signedOn').as('signedOn'),
      dateText<string | null>('reviewOn').as('reviewOn'),
      'usedInPractice',
      'version',
    ])
    .orderBy('title')
    .execute();

export const insertAgreement = (tx: Tx, values: Insertable<AgreementsTable>) =>
  tx.insertInto('agreements').values(values).returning('id').executeTakeFirstOrThrow();

/** Changes an agreement if nobody changed it since `version`; false when stale. */
export const updateAgreementIfVersion = async (
  tx: Tx,
  id: string,
  version: number,
  values: Updateable<AgreementsTable>,
) => {
  const updated = await tx
    .updateTable('agreements')
    .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst();
  return updated !== undefined;
};
