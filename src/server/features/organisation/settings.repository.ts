import { sql } from 'kysely';
import type { RosRule } from '../../../domain/interventions/advice-and-service';
import type { DecisionDelegation } from '../../../domain/interventions/catalogue';
import type { ReassessmentDays } from '../../../domain/risk/reassessment';
import type { Tx } from '../../platform/db/transaction';

/** The organisation's own settings and its units' (row-level security keeps others' out). */

const settingsColumns = [
  'reassessmentDays',
  'rosSessionCap',
  'rosMaxDays',
  'decisionDelegation',
  'version',
] as const;

export const findOrganisationSettings = (tx: Tx, organisationId: string) =>
  tx
    .selectFrom('organisations')
    .select(settingsColumns)
    .where('id', '=', organisationId)
    .executeTakeFirstOrThrow();

/**
 * Sets the organisation's settings at the version read (advice rule and delegation only when
 * given); undefined when someone changed them since.
 */
export const updateOrganisationSettingsIfVersion = (
  tx: Tx,
  organisationId: string,
  version: number,
  settings: {
    reassessmentDays: ReassessmentDays;
    adviceRule?: RosRule | undefined;
    decisionDelegation?: DecisionDelegation | undefined;
  },
) =>
  tx
    .updateTable('organisations')
    .set({
      reassessmentDays: JSON.stringify(settings.reassessmentDays),
      ...(settings.adviceRule
        ? { rosSessionCap: settings.adviceRule.sessionCap, rosMaxDays: settings.adviceRule.maxDays }
        : {}),
      ...(settings.decisionDelegation
        ? { decisionDelegation: JSON.stringify(settings.decisionDelegation) }
        : {}),
      version: sql`version + 1`,
    })
    .where('id', '=', organisationId)
    .where('version', '=', version)
    .returning(settingsColumns)
    .executeTakeFirst();

/** Turns routine screening on or off at the version read; undefined when changed since or absent. */
export const updateUnitScreeningIfVersion = (
  tx: Tx,
  unitId: string,
  version: number,
  routineScreening: boolean,
) =>
  tx
    .updateTable('units')
    .set({ routineScreening, version: sql`version + 1` })
    .where('id', '=', unitId)
    .where('version', '=', version)
    .returning(['id', 'name', 'kind', 'routineScreening', 'version'])
    .executeTakeFirst();

/** Whether the unit exists (and is visible: row-level security hides other organisations'). */
export const unitExists = async (tx: Tx, unitId: string) =>
  (await tx.selectFrom('units').select('id').where('id', '=', unitId).executeTakeFirst()) !==
  undefined;
