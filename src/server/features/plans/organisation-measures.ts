import { DomainError } from '../../../domain/errors';
import { effectiveMeasures, type Measure } from '../../../domain/risk-management/measures';
import type { Tx } from '../../platform/db/transaction';
import type { CommandContext } from '../../platform/http/context';
import {
  listOrganisationMeasures,
  upsertOrganisationMeasure,
} from './organisation-measure.repository';
import { requireOrganisationAction } from '../../platform/runtime/organisation-access';
import { auditOrganisationEvent, runAudited } from '../../platform/runtime/person-access';

/** The organisation's catalogue: the shipped default as adjusted, plus its local measures. */
export const loadMeasures = async (ctx: CommandContext, tx: Tx) => {
  const rows = await listOrganisationMeasures(tx);
  return effectiveMeasures(
    ctx.riskManagement.measures.measures,
    rows.map((row) => ({ ...row, custom: row.custom as Measure | null })),
  );
};

export const listMeasures = (ctx: CommandContext) => runAudited(ctx, (tx) => loadMeasures(ctx, tx));

const save = async (
  ctx: CommandContext,
  tx: Tx,
  row: { code: string; enabled: boolean; custom: Measure | null },
) => {
  await upsertOrganisationMeasure(tx, {
    organisationId: ctx.actor.organisationId,
    code: row.code,
    enabled: row.enabled,
    custom: row.custom ? JSON.stringify(row.custom) : null,
    recordedBy: ctx.actor.userId,
    recordedAt: ctx.now(),
  });
};

/** An administrator switches a measure off (the organisation cannot offer it) or on again. */
export const setMeasureEnabled = (ctx: CommandContext, code: string, enabled: boolean) =>
  runAudited(ctx, async (tx) => {
    const decision = requireOrganisationAction(ctx, 'organisation.administer');
    const current = (await loadMeasures(ctx, tx)).find((measure) => measure.code === code);
    if (!current)
      throw new DomainError('not_found', { message: 'Åtgärden finns inte i katalogen.' });
    await save(ctx, tx, { code, enabled, custom: current.custom ? current : null });
    await auditOrganisationEvent(ctx, tx, {
      type: 'organisation.settings_changed',
      reason: decision.reason,
      details: { measure: code, enabled },
    });
    return loadMeasures(ctx, tx);
  });

/** An administrator adds a local measure, e.g. the municipality's own safe flat. */
export const addLocalMeasure = (ctx: CommandContext, measure: Measure) =>
  runAudited(ctx, async (tx) => {
    const decision = requireOrganisationAction(ctx, 'organisation.administer');
    if ((await loadMeasures(ctx, tx)).some((existing) => existing.code === measure.code))
      throw new DomainError('validation.invalid', {
        fields: [
          {
            path: 'body.code',
            message: 'Det finns redan en åtgärd med den koden.',
            code: 'alreadyInUse',
          },
        ],
      });
    await save(ctx, tx, { code: measure.code, enabled: true, custom: measure });
    await auditOrganisationEvent(ctx, tx, {
      type: 'organisation.settings_changed',
      reason: decision.reason,
      details: { measure: measure.code, added: true },
    });
    return loadMeasures(ctx, tx);
  });
