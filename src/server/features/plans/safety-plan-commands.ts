/**
 * Editing the safety plan itself: the victim's strategies, the out-of-hours contacts and the review
 * date.
 */
import { swedishDate } from '../../../domain/calendar';
import { DomainError, staleVersion } from '../../../domain/errors';
import { encryptField } from '../../platform/crypto/field-encryption';
import type { CommandContext } from '../../platform/http/context';
import {
  ensurePlan,
  findPlanForCase,
  insertPlanEvent,
  updatePlanIfVersion,
} from './plan.repository';
import { insertTask } from '../cases/task.repository';
import { loadCaseFor } from '../../platform/runtime/case-access';
import { auditPersonEvent, runAudited } from '../../platform/runtime/person-access';
import { planView } from './plan-view';
import { planContext as contexts } from './plan.presenter';

/**
 * Saves the victim's own strategies, the evening and weekend contacts and the review date. A new
 * review date puts a review task on the case owner's list.
 */
export const updatePlan = (
  ctx: CommandContext,
  caseId: string,
  input: {
    victimStrategies: string | null;
    outOfHours: string | null;
    reviewOn: string | null;
    version: number;
  },
) =>
  runAudited(ctx, async (tx) => {
    const { record, decision } = await loadCaseFor(ctx, tx, caseId, 'case.write', {
      audit: 'plan.updated',
      reads: 'safetyPlan',
    });
    const now = ctx.now();
    // Version 0 means "there was no plan when I read it".
    const existing = await findPlanForCase(tx, caseId);
    const stale = () => staleVersion('Någon annan har ändrat planen. Läs in den igen.');
    if ((existing?.version ?? 0) !== input.version) throw stale();
    const plan = existing ?? (await ensurePlan(tx, ctx.actor.organisationId, caseId, now));
    // The UPDATE itself checks the version: a plan made just now starts at 1, so a second
    // writer who also read "no plan" finds it changed.
    const expectedVersion = existing ? input.version : 1;
    if (input.reviewOn && input.reviewOn < swedishDate(now))
      throw new DomainError('validation.invalid', {
        fields: [
          {
            path: 'body.reviewOn',
            message: 'Uppföljningsdagen har redan passerat. Välj dagens datum eller senare.',
            code: 'dateInPast',
          },
        ],
      });
    const updated = await updatePlanIfVersion(tx, plan.id, expectedVersion, {
      victimStrategiesEnc: input.victimStrategies
        ? encryptField(ctx.keys, contexts.strategies, input.victimStrategies)
        : null,
      outOfHoursEnc: input.outOfHours
        ? encryptField(ctx.keys, contexts.outOfHours, input.outOfHours)
        : null,
      reviewOn: input.reviewOn,
      updatedAt: now,
    });
    if (!updated) throw stale();
    if (input.reviewOn && input.reviewOn !== plan.reviewOn)
      await insertTask(tx, {
        organisationId: ctx.actor.organisationId,
        caseId,
        kind: 'planReview',
        noteEnc: null,
        assigneeUserId: record.ownerUserId,
        dueOn: input.reviewOn,
        sourceEventId: null,
        createdBy: ctx.actor.userId,
        createdAt: now,
      });
    await insertPlanEvent(tx, {
      organisationId: ctx.actor.organisationId,
      planId: plan.id,
      measureId: null,
      kind: 'planUpdated',
      measureCode: null,
      toStatus: null,
      reasonEnc: null,
      actorUserId: ctx.actor.userId,
      occurredAt: now,
    });
    await auditPersonEvent(ctx, tx, {
      type: 'plan.updated',
      personId: record.personId,
      reason: decision.reason,
      details: { caseId },
    });
    return planView(ctx, tx, record);
  });
