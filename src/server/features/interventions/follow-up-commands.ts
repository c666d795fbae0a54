import { swedishDate } from '../../../domain/calendar';
import {
  checkRating,
  checkSatisfaction,
  followUpDates,
  ratingChange,
  type RatingDraft,
  type SatisfactionSubject,
} from '../../../domain/follow-up/ratings';
import { invalidFields, staleVersion } from '../../../domain/errors';
import { encryptField } from '../../platform/crypto/field-encryption';
import type { CommandContext } from '../../platform/http/context';
import { followUpContexts, presentRating, presentSatisfaction } from './follow-up.presenter';
import { taskNoteContext } from '../cases/task.presenter';
import {
  closeFollowUpTasks,
  findFollowUpPlan,
  findFollowUpPlanForChange,
  insertFollowUpPlanIfNone,
  insertRating,
  insertSatisfactionAnswer,
  listRatings,
  listSatisfactionAnswers,
  updateFollowUpPlanIfVersion,
} from './follow-up.repository';
import { interventionTypeExists } from './intervention.repository';
import { insertTask } from '../cases/task.repository';
import { loadCaseFor } from '../../platform/runtime/case-access';
import { auditPersonEvent, runAudited } from '../../platform/runtime/person-access';

/** The person's own ratings over time, satisfaction answers and the follow-up after closure. */
export const readFollowUp = (ctx: CommandContext, caseId: string) =>
  runAudited(ctx, async (tx) => {
    const { record, decision } = await loadCaseFor(ctx, tx, caseId, 'case.read', {
      audit: 'follow_up.read',
      reads: 'caseHistory',
    });
    const ratings = await listRatings(tx, caseId);
    const answers = await listSatisfactionAnswers(tx, caseId);
    const plan = await findFollowUpPlan(tx, caseId);
    await auditPersonEvent(ctx, tx, {
      type: 'follow_up.read',
      personId: record.personId,
      reason: decision.reason,
      breakGlassId: decision.breakGlassId,
      details: { caseId },
    });
    return {
      ratings: ratings.map((rating) => presentRating(rating, ctx.keys)),
      change: ratingChange(ratings),
      satisfaction: answers.map((answer) => presentSatisfaction(answer, ctx.keys)),
      plan: plan
        ? {
            consent: plan.consent,
            closedOn: plan.closedOn,
            dates: plan.dates,
            version: plan.version,
          }
        : null,
    };
  });

/** One self-rating: the person's own 0–10 on wellbeing and safety, and violence since last time. */
export const recordRating = (
  ctx: CommandContext,
  caseId: string,
  input: RatingDraft & { comment: string },
) =>
  runAudited(ctx, async (tx) => {
    const { record, decision } = await loadCaseFor(ctx, tx, caseId, 'case.write', {
      audit: 'follow_up.rating_recorded',
      reads: 'caseHistory',
    });
    const problems = checkRating(input, swedishDate(ctx.now()));
    if (problems.length) throw invalidFields(problems);
    const { id } = await insertRating(tx, {
      organisationId: ctx.actor.organisationId,
      caseId,
      phase: input.phase,
      ratedOn: input.ratedOn,
      wellbeing: input.wellbeing,
      safety: input.safety,
      violence: input.violence,
      commentEnc: encryptField(ctx.keys, followUpContexts.rating, input.comment.trim()),
      recordedBy: ctx.actor.userId,
      recordedAt: ctx.now(),
    });
    await auditPersonEvent(ctx, tx, {
      type: 'follow_up.rating_recorded',
      personId: record.personId,
      reason: decision.reason,
      details: { caseId, phase: input.phase },
    });
    return { id };
  });

/** How satisfied the person is with an intervention or a housing provider (1–5). */
export const recordSatisfaction = (
  ctx: CommandContext,
  caseId: string,
  input: {
    subject: SatisfactionSubject;
    interventionTypeId: string | null;
    housingProvider: string;
    score: number;
    comment: string;
  },
) =>
  runAudited(ctx, async (tx) => {
    const { record, decision } = await loadCaseFor(ctx, tx, caseId, 'case.write', {
      audit: 'follow_up.satisfaction_recorded',
      reads: 'caseHistory',
    });
    const problems = checkSatisfaction(input);
    if (
      input.subject === 'intervention' &&
      input.interventionTypeId &&
      !(await interventionTypeExists(tx, input.interventionTypeId))
    )
      problems.push({
        field: 'interventionTypeId',
        message: 'Välj en insats ur katalogen.',
        code: 'notAnId',
      });
    if (problems.length) throw invalidFields(problems);
    const { id } = await insertSatisfactionAnswer(tx, {
      organisationId: ctx.actor.organisationId,
      caseId,
      subject: input.subject,
      interventionTypeId: input.subject === 'intervention' ? input.interventionTypeId : null,
      housingProvider: input.subject === 'housing' ? input.housingProvider.trim() : null,
      answeredOn: swedishDate(ctx.now()),
      score: input.score,
      commentEnc: encryptField(ctx.keys, followUpContexts.satisfaction, input.comment.trim()),
      recordedBy: ctx.actor.userId,
    });
    await auditPersonEvent(ctx, tx, {
      type: 'follow_up.satisfaction_recorded',
      personId: record.personId,
      reason: decision.reason,
      details: { caseId, subject: input.subject, score: input.score },
    });
    return { id };
  });

/**
 * The person's answer on being contacted 6 and 12 months after closure. With consent the case
 * owner gets a task for each date; without it nobody calls, and the answer is still recorded.
 * The answer can be changed (a withdrawn consent ends the plan), never silently.
 */
export const saveFollowUpPlan = (
  ctx: CommandContext,
  caseId: string,
  input: { consent: boolean; closedOn: string; version: number },
) =>
  runAudited(ctx, async (tx) => {
    const { record, decision } = await loadCaseFor(ctx, tx, caseId, 'case.write', {
      audit: 'follow_up.plan_saved',
      reads: 'caseHistory',
      passesOn: true,
    });
    const today = swedishDate(ctx.now());
    if (input.closedOn > today)
      throw invalidFields([
        {
          field: 'closedOn',
          message: 'Ange dagen ärendet avslutas, i dag eller tidigare.',
          code: 'dateInFuture',
        },
      ]);
    const dates = followUpDates(input.closedOn, input.consent);
    const existing = await findFollowUpPlanForChange(tx, caseId);
    const values = {
      consent: input.consent,
      closedOn: input.closedOn,
      followUpDates: dates,
      recordedBy: ctx.actor.userId,
      recordedAt: ctx.now(),
    };
    if (existing) {
      const updated = await updateFollowUpPlanIfVersion(tx, existing.id, input.version, values);
      if (!updated) throw staleVersion('Svaret har ändrats av någon annan. Läs in sidan igen.');
    } else {
      // Two first answers at once: the second finds the first's (409), never a unique error.
      const inserted = await insertFollowUpPlanIfNone(tx, {
        ...values,
        organisationId: ctx.actor.organisationId,
        caseId,
      });
      if (!inserted) throw staleVersion('Någon annan svarade samtidigt. Läs in sidan igen.');
    }
    // A withdrawn consent closes the follow-up calls not yet made: nobody may call her now.
    if (!input.consent && existing?.consent && existing.dates.length)
      await closeFollowUpTasks(tx, caseId, existing.dates, {
        doneAt: ctx.now(),
        doneBy: ctx.actor.userId,
      });
    if (input.consent && !existing?.consent)
      for (const [index, dueOn] of dates.entries())
        await insertTask(tx, {
          organisationId: ctx.actor.organisationId,
          caseId,
          kind: 'followUp',
          noteEnc: encryptField(
            ctx.keys,
            taskNoteContext,
            `Uppföljning ${index === 0 ? 6 : 12} månader efter avslut: ring och be om en ny självskattning (personen har samtyckt).`,
          ),
          assigneeUserId: record.ownerUserId,
          dueOn,
          sourceEventId: null,
          createdBy: ctx.actor.userId,
          createdAt: ctx.now(),
        });
    await auditPersonEvent(ctx, tx, {
      type: 'follow_up.plan_saved',
      personId: record.personId,
      reason: decision.reason,
      details: { caseId, consent: input.consent },
    });
    return { dates };
  });
