import type { Insertable } from 'kysely';
import type { ContactEntriesTable } from '../../platform/db/schema';
import type { Tx } from '../../platform/db/transaction';

/**
 * The county's contact directory: every entry with its organisation's name, by function, then
 * organisation, the current holder before the predecessors.
 */
export const listContactEntries = (tx: Tx) =>
  tx
    .selectFrom('contactEntries as e')
    .innerJoin('directoryOrganisations as o', 'o.id', 'e.organisationId')
    .select([
      'e.id',
      'e.organisationId',
      'o.name as organisationName',
      'e.functionCode',
      'e.holderName',
      'e.phone',
      'e.hours',
      'e.outOfHours',
    ])
    .select((eb) => [
      eb.fn<string>('to_char', ['e.validFrom', eb.val('YYYY-MM-DD')]).as('validFrom'),
      eb.fn<string | null>('to_char', ['e.validTo', eb.val('YYYY-MM-DD')]).as('validTo'),
    ])
    .orderBy('e.functionCode')
    .orderBy('o.name')
    .orderBy('e.validFrom', 'desc')
    .execute();

/** Ends the current holder's entry of one of the organisation's functions on `validTo`. */
export const endCurrentContact = (
  tx: Tx,
  organisationId: string,
  functionCode: string,
  validTo: string,
) =>
  tx
    .updateTable('contactEntries')
    .set({ validTo })
    .where('organisationId', '=', organisationId)
    .where('functionCode', '=', functionCode)
    .where('validTo', 'is', null)
    .execute();

export const insertContactEntry = (tx: Tx, values: Insertable<ContactEntriesTable>) =>
  tx.insertInto('contactEntries').values(values).returning('id').executeTakeFirstOrThrow();
