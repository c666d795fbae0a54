import type { RosRule } from '../../../domain/interventions/advice-and-service';
import type { DecisionDelegation } from '../../../domain/interventions/catalogue';
import type { ReassessmentDays } from '../../../domain/risk/reassessment';
import { DomainError, staleVersion } from '../../../domain/errors';
import type { CommandContext } from '../../platform/http/context';
import {
  findOrganisationSettings,
  updateOrganisationSettingsIfVersion,
} from './settings.repository';
import { requireOrganisationAction } from '../../platform/runtime/organisation-access';
import { auditOrganisationEvent, runAudited } from '../../platform/runtime/person-access';

/** The organisation's own settings that rules read (now: days until reassessment per level). */
export const readOrganisationSettings = (ctx: CommandContext) =>
  runAudited(ctx, (tx) =>
    findOrganisationSettings(tx, ctx.actor.organisationId).then(presentSettings),
  );

const presentSettings = (row: {
  reassessmentDays: ReassessmentDays;
  rosSessionCap: number | null;
  rosMaxDays: number | null;
  decisionDelegation: DecisionDelegation;
  version: number;
}) => ({
  reassessmentDays: row.reassessmentDays,
  adviceRule: { sessionCap: row.rosSessionCap, maxDays: row.rosMaxDays },
  decisionDelegation: row.decisionDelegation,
  version: row.version,
});

/**
 * An administrator sets how soon each risk level is reassessed and, when given, the bound on
 * råd och service (sessions, days or both; at least one, or the counter would never warn); logged.
 */
export const changeOrganisationSettings = (
  ctx: CommandContext,
  input: {
    reassessmentDays: ReassessmentDays;
    adviceRule?: RosRule;
    decisionDelegation?: DecisionDelegation;
    version: number;
  },
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
            code: 'reassessmentOrder',
          },
        ],
      });
    if (
      input.adviceRule &&
      input.adviceRule.sessionCap === null &&
      input.adviceRule.maxDays === null
    )
      throw new DomainError('validation.invalid', {
        fields: [
          {
            path: 'body.adviceRule',
            message: 'Ange ett tak för antalet samtal, en tidsgräns eller båda.',
            code: 'noLimitSet',
          },
        ],
      });
    const updated = await updateOrganisationSettingsIfVersion(
      tx,
      ctx.actor.organisationId,
      input.version,
      input,
    );
    if (!updated) throw staleVersion('Någon annan har ändrat inställningarna. Läs in sidan igen.');
    await auditOrganisationEvent(ctx, tx, {
      type: 'organisation.settings_changed',
      reason: decision.reason,
      details: {
        low,
        medium,
        high,
        rosSessionCap: updated.rosSessionCap,
        rosMaxDays: updated.rosMaxDays,
      },
    });
    return presentSettings(updated);
  });
