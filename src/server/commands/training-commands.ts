import { initialStage, type ChildrenAnswer } from '../../domain/cases/stages';
import type { CaseType } from '../../domain/cases/catalogues';
import { DomainError, invalidFields } from '../../domain/errors';
import type { CommandContext } from '../http/context';
import { insertOpenedCase } from '../repositories/case.repository';
import { auditPersonEvent, runAudited } from './person-access';
import { unitsWhereActorMay } from './readable-units';

/**
 * Starts a practice case from a scenario: an invented person and a case in the worker's own
 * unit, both marked as practice, owned by the worker. Practice cases are left out of every
 * statistic and marked wherever they are shown.
 */
export const startPractice = (ctx: CommandContext, scenarioId: string) =>
  runAudited(ctx, async (tx) => {
    const scenario = ctx.scenarios.scenarios.find((entry) => entry.id === scenarioId);
    if (!scenario)
      throw invalidFields([{ field: 'scenarioId', message: 'Välj en övning ur listan.' }]);
    const [unitId] = await unitsWhereActorMay(ctx, tx, 'case.write');
    if (!unitId)
      throw new DomainError('access.denied', {
        reason: 'access.role_lacks_action',
        message: 'Övningsärenden öppnas av den som handlägger ärenden.',
      });
    const now = ctx.now();
    const person = await tx
      .insertInto('persons')
      .values({
        organisationId: ctx.actor.organisationId,
        unitId,
        givenName: scenario.person.givenName,
        familyName: scenario.person.familyName,
        protectionLevel: 'none',
        fictitious: true,
        practice: true,
        updatedAt: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const { id } = await insertOpenedCase(tx, {
      organisationId: ctx.actor.organisationId,
      unitId,
      personId: person.id,
      type: scenario.caseType as CaseType,
      hrv: scenario.hrv,
      practice: true,
      childrenAnswer: scenario.childrenAnswer as ChildrenAnswer | null,
      stage: initialStage,
      ownerUserId: ctx.actor.userId,
      openedAt: now,
      createdBy: ctx.actor.userId,
    });
    await auditPersonEvent(ctx, tx, {
      type: 'case.opened',
      personId: person.id,
      reason: 'training.practice',
      details: { caseId: id, scenario: scenario.id, practice: true },
    });
    return { id };
  });
