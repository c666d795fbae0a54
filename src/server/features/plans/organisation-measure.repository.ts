import type { Tx } from '../../platform/db/transaction';

/** The organisation's adjustments to the measure catalogue and its local measures. */
export const listOrganisationMeasures = (tx: Tx) =>
  tx.selectFrom('organisationMeasures').select(['code', 'enabled', 'custom']).execute();

/**
 * Records a measure as on or off. A new code is stored with its definition; for a code already
 * there only whether it is on, and who changed it when, are updated.
 */
export const upsertOrganisationMeasure = (
  tx: Tx,
  values: {
    organisationId: string;
    code: string;
    enabled: boolean;
    custom: string | null;
    recordedBy: string;
    recordedAt: Date;
  },
) =>
  tx
    .insertInto('organisationMeasures')
    .values(values)
    .onConflict((conflict) =>
      conflict.columns(['organisationId', 'code']).doUpdateSet((eb) => ({
        enabled: eb.ref('excluded.enabled'),
        recordedBy: eb.ref('excluded.recordedBy'),
        recordedAt: eb.ref('excluded.recordedAt'),
      })),
    )
    .execute();
