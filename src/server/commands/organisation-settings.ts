import { sql } from 'kysely';
import type { ReassessmentDays } from '../../domain/risk/reassessment';
import { DomainError } from '../../domain/errors';
import type { CommandContext } from '../http/context';
import { requireOrganisationAction } from './organisation-access';
import { auditPersonEvent, runAudited } from './person-access';

/** The organisation's own settings that rules read (now: days until reassessment per level). */
export const readOrganisationSettings = (ctx: CommandContext) =>
  runAudited(ctx, (tx) =>
    tx
      .selectFrom('organisations')
      .select(['reassessmentDays', 'version'])
      .where('id', '=', ctx.actor.organisationId)
      .executeTakeFirstOrThrow(),
  );

/** An administrator sets how soon each risk level is reassessed; logged. */
export const changeReassessmentDays = (
  ctx: CommandContext,
  input: { reassessmentDays: ReassessmentDays; version: number },
) =>
  runAudited(ctx, async (tx) => {
    const decision = requireOrganisationAction(ctx, 'organisation.administer');
    const { low, medium, high } = input.reassessmentDays;
    if (!(high <= medium && medium <= low))
      throw new DomainError('validation.invalid', {
        fields: [
          {
            path: 'body.reassessmentDays',
            message: 'Högre risk ska bedömas om tidigare: hög ≤ medel ≤ låg.',
          },
        ],
      });
    const updated = await tx
      .updateTable('organisations')
      .set({ reassessmentDays: JSON.stringify(input.reassessmentDays), version: sql`version + 1` })
      .where('id', '=', ctx.actor.organisationId)
      .where('version', '=', input.version)
      .returning(['reassessmentDays', 'version'])
      .executeTakeFirst();
    if (!updated)
      throw new DomainError('conflict.stale_version', {
        message: 'Någon annan har ändrat inställningarna. Läs in sidan igen.',
      });
    await auditPersonEvent(ctx, tx, {
      type: 'organisation.settings_changed',
      personId: null,
      reason: decision.reason,
      details: { low, medium, high },
    });
    return updated;
  });
