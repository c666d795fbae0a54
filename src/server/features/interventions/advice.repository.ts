import type { Insertable } from 'kysely';
import { swedishDayText } from '../../platform/db/date-text';
import type { AdviceContactsTable } from '../../platform/db/schema';
import type { Tx } from '../../platform/db/transaction';

/** The organisation's rule for råd och service: how many contacts, over how many days. */
export const findRosRule = (tx: Tx, organisationId: string) =>
  tx
    .selectFrom('organisations')
    .select(['rosSessionCap', 'rosMaxDays'])
    .where('id', '=', organisationId)
    .executeTakeFirstOrThrow();

/** The case's advice contacts, oldest first, their day as text. */
export const listAdviceContacts = (tx: Tx, caseId: string) =>
  tx
    .selectFrom('adviceContacts')
    .select(['id', 'mode', 'anonymous', 'covered', 'noteEnc'])
    .select((eb) => eb.fn<string>('to_char', ['heldOn', eb.val('YYYY-MM-DD')]).as('heldOn'))
    .where('caseId', '=', caseId)
    .orderBy('heldOn')
    .orderBy('recordedAt')
    .execute();

/** The cases linked to a case, whichever side the link was recorded from. */
export const listLinkedCaseIds = (tx: Tx, caseId: string) =>
  tx
    .selectFrom('caseLinks')
    .select('linkedCaseId as id')
    .where('caseId', '=', caseId)
    .union(tx.selectFrom('caseLinks').select('caseId as id').where('linkedCaseId', '=', caseId))
    .execute();

/** The signed risk assessments with a final level on the given cases, with their signing day. */
export const listSignedLevels = (tx: Tx, caseIds: readonly string[]) =>
  tx
    .selectFrom('riskAssessments')
    .select(['finalLevel'])
    .select(swedishDayText('signedAt').as('signedOn'))
    .where('caseId', 'in', caseIds)
    .where('signedAt', 'is not', null)
    .where('finalLevel', 'is not', null)
    .execute();

export const insertAdviceContact = (tx: Tx, values: Insertable<AdviceContactsTable>) =>
  tx.insertInto('adviceContacts').values(values).returning('id').executeTakeFirstOrThrow();

/** Whether the case's latest advice contact was anonymous (undefined when there is none). */
export const findLatestAdviceContact = (tx: Tx, caseId: string) =>
  tx
    .selectFrom('adviceContacts')
    .select('anonymous')
    .where('caseId', '=', caseId)
    .orderBy('heldOn', 'desc')
    .orderBy('recordedAt', 'desc')
    .limit(1)
    .executeTakeFirst();
