import type { Insertable } from 'kysely';
import type {
  GrantedInterventionsTable,
  InterventionExtensionsTable,
  InterventionSessionsTable,
  InterventionTypesTable,
} from '../../platform/db/schema';
import type { Tx } from '../../platform/db/transaction';

/** The organisation's catalogue of interventions, in name order. */
export const listInterventionTypeRows = (tx: Tx) =>
  tx.selectFrom('interventionTypes').selectAll().orderBy('name').execute();

/** The catalogue entry with exactly this name, if any. */
export const findInterventionTypeByName = (tx: Tx, name: string) =>
  tx.selectFrom('interventionTypes').select('id').where('name', '=', name).executeTakeFirst();

export const insertInterventionType = (tx: Tx, values: Insertable<InterventionTypesTable>) =>
  tx.insertInto('interventionTypes').values(values).returning('id').executeTakeFirstOrThrow();

/** A catalogue entry with what a grant needs: who it is for and its usual number of sessions. */
export const findInterventionType = (tx: Tx, id: string) =>
  tx
    .selectFrom('interventionTypes')
    .select(['id', 'eligibility', 'defaultSessions'])
    .where('id', '=', id)
    .executeTakeFirst();

export const interventionTypeExists = async (tx: Tx, id: string) =>
  (await tx
    .selectFrom('interventionTypes')
    .select('id')
    .where('id', '=', id)
    .executeTakeFirst()) !== undefined;

/** The organisation's delegation of decisions on interventions. */
export const findDecisionDelegation = async (tx: Tx, organisationId: string) =>
  (
    await tx
      .selectFrom('organisations')
      .select('decisionDelegation')
      .where('id', '=', organisationId)
      .executeTakeFirstOrThrow()
  ).decisionDelegation;

/** The case's granted interventions with their catalogue entry, in order of decision. */
export const listGrantedInterventions = (tx: Tx, caseId: string) =>
  tx
    .selectFrom('grantedInterventions as g')
    .innerJoin('interventionTypes as t', 't.id', 'g.typeId')
    .select([
      'g.id',
      'g.typeId',
      't.name as typeName',
      't.eligibility',
      't.provider',
      'g.grantedSessions',
      'g.goalsEnc',
      'g.materialsEnc',
      'g.adaptationsEnc',
      'g.endReason',
      'g.dropoutReasonEnc',
      'g.version',
    ])
    .select((eb) => [
      eb.fn<string>('to_char', ['g.decidedOn', eb.val('YYYY-MM-DD')]).as('decidedOn'),
      eb.fn<string | null>('to_char', ['g.endedOn', eb.val('YYYY-MM-DD')]).as('endedOn'),
    ])
    .where('g.caseId', '=', caseId)
    .orderBy('g.decidedOn')
    .execute();

/** The intervention of a kind on the case that has not ended, if any. */
export const findRunningIntervention = (tx: Tx, caseId: string, typeId: string) =>
  tx
    .selectFrom('grantedInterventions')
    .select(['id', 'grantedSessions', 'version'])
    .select((eb) => eb.fn<string>('to_char', ['decidedOn', eb.val('YYYY-MM-DD')]).as('decidedOn'))
    .where('caseId', '=', caseId)
    .where('typeId', '=', typeId)
    .where('endedOn', 'is', null)
    .executeTakeFirst();

export const insertGrantedIntervention = (tx: Tx, values: Insertable<GrantedInterventionsTable>) =>
  tx.insertInto('grantedInterventions').values(values).returning('id').executeTakeFirstOrThrow();

/** Ends the intervention at the version read; false when someone changed it since. */
export const endInterventionIfVersion = async (
  tx: Tx,
  interventionId: string,
  version: number,
  changes: {
    endedOn: string;
    endReason: 'completed' | 'dropout' | 'referredOn' | 'other';
    dropoutReasonEnc: string | null;
  },
) =>
  (await tx
    .updateTable('grantedInterventions')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('id', '=', interventionId)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst()) !== undefined;

/** The sessions and contacts of the given interventions, oldest first. */
export const listInterventionSessions = (tx: Tx, interventionIds: readonly string[]) =>
  interventionIds.length === 0
    ? Promise.resolve([])
    : tx
        .selectFrom('interventionSessions')
        .select(['id', 'interventionId', 'kind', 'mode', 'outcome', 'noteEnc'])
        .select((eb) => eb.fn<string>('to_char', ['heldOn', eb.val('YYYY-MM-DD')]).as('heldOn'))
        .where('interventionId', 'in', interventionIds)
        .orderBy('heldOn')
        .orderBy('recordedAt')
        .execute();

/** The extensions decided on the given interventions, oldest first. */
export const listInterventionExtensions = (tx: Tx, interventionIds: readonly string[]) =>
  interventionIds.length === 0
    ? Promise.resolve([])
    : tx
        .selectFrom('interventionExtensions')
        .select(['id', 'interventionId', 'sessions', 'reasonEnc', 'decidedByRole'])
        .select((eb) =>
          eb.fn<string>('to_char', ['decidedOn', eb.val('YYYY-MM-DD')]).as('decidedOn'),
        )
        .where('interventionId', 'in', interventionIds)
        .orderBy('decidedOn')
        .execute();

export const insertInterventionSession = (tx: Tx, values: Insertable<InterventionSessionsTable>) =>
  tx.insertInto('interventionSessions').values(values).returning('id').executeTakeFirstOrThrow();

export const insertInterventionExtension = (
  tx: Tx,
  values: Insertable<InterventionExtensionsTable>,
) => tx.insertInto('interventionExtensions').values(values).execute();
