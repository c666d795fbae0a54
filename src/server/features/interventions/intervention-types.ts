/** The organisation's catalogue of interventions: listing it and adding to it. */
import {
  checkInterventionType,
  type InterventionTypeDraft,
} from '../../../domain/interventions/catalogue';
import { invalidFields } from '../../../domain/errors';
import type { CommandContext } from '../../platform/http/context';
import {
  findInterventionTypeByName,
  insertInterventionType,
  listInterventionTypeRows,
} from './intervention.repository';
import { requireOrganisationAction } from '../../platform/runtime/organisation-access';
import { auditOrganisationEvent, runAudited } from '../../platform/runtime/person-access';

/** The organisation's catalogue, in name order. */
export const listInterventionTypes = (ctx: CommandContext) =>
  runAudited(ctx, (tx) => listInterventionTypeRows(tx)).then((rows) =>
    rows.map(({ createdAt, ...row }) => ({ ...row, createdAt: createdAt.toISOString() })),
  );

/** An administrator adds an intervention under its local name; logged. */
export const addInterventionType = (ctx: CommandContext, input: InterventionTypeDraft) =>
  runAudited(ctx, async (tx) => {
    const decision = requireOrganisationAction(ctx, 'organisation.administer');
    const problems = checkInterventionType(input);
    const taken = await findInterventionTypeByName(tx, input.name.trim());
    if (taken)
      problems.push({
        field: 'name',
        message: 'Det finns redan en insats med det namnet.',
        code: 'alreadyInUse',
      });
    if (problems.length) throw invalidFields(problems);
    const { id } = await insertInterventionType(tx, {
      ...input,
      name: input.name.trim(),
      organisationId: ctx.actor.organisationId,
      createdAt: ctx.now(),
    });
    await auditOrganisationEvent(ctx, tx, {
      type: 'intervention_type.saved',
      reason: decision.reason,
      details: { interventionTypeId: id },
    });
    return { id };
  });
