import { sql } from 'kysely';
import { swedishDate } from '../../domain/calendar';
import {
  checkRating,
  checkSatisfaction,
  followUpDates,
  ratingChange,
  type RatingDraft,
  type SatisfactionSubject,
} from '../../domain/follow-up/ratings';
import { invalidFields, staleVersion } from '../../domain/errors';
import { encryptField } from '../crypto/field-encryption';
import type { CommandContext } from '../http/context';
import {
  followUpContexts,
  presentRating,
  presentSatisfaction,
} from '../presenters/follow-up.presenter';
import { taskNoteContext } from '../presenters/task.presenter';
import { insertTask } from '../repositories/task.repository';
import { loadCaseFor } from './case-access';
import { auditPersonEvent, runAudited } from './person-access';

/** The plan's follow-up dates as YYYY-MM-DD, as every other date leaves the database here. */
const planDates = sql<
  string[]
>`array(select to_char(d, 'YYYY-MM-DD') from unnest(follow_up_dates) d)`.as('dates');

/** The person's own ratings over time, satisfaction answers and the follow-up after closure. */
export const readFollowUp = (ctx: CommandContext, caseId: string) =>
  runAudited(ctx, async (tx) => {
    const { record, decision } = await loadCaseFor(ctx, tx, caseId, 'case.read', {
      audit: 'follow_up.read',
      reads: 'caseHistory',
    });
    const ratings = await tx
      .selectFrom('clientRatings')
      .select(['id', 'phase', 'wellbeing', 'safety', 'violence', 'commentEnc'])
      .select((eb) => eb.fn<string>('to_char', ['ratedOn', eb.val('YYYY-MM-DD')]).as('ratedOn'))
      .where('caseId', '=', caseId)
      .orderBy('ratedOn')
      .orderBy('recordedAt')
      .execute();
    const answers = await tx
      .selectFrom('satisfactionAnswers as a')
      .leftJoin('interventionTypes as t', 't.id', 'a.interventionTypeId')
      .select(['a.id', 'a.subject', 'a.score', 'a.commentEnc', 'a.housingProvider', 't.name'])
      .select((eb) =>
        eb.fn<string>('to_char', ['a.answeredOn', eb.val('YYYY-MM-DD')]).as('answeredOn'),
      )
      .where('a.caseId', '=', caseId)
      .orderBy('a.answeredOn')
      .execute();
    const plan = await tx
      .selectFrom('followUpPlans')
      .select(['consent', 'version'])
      .select((eb) => [
        eb.fn<string>('to_char', ['closedOn', eb.val('YYYY-MM-DD')]).as('closedOn'),
        planDates,
      ])
      .where('caseId', '=', caseId)
      .executeTakeFirst();
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
    const { id } = await tx
      .insertInto('clientRatings')
      .values({
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
      })
      .returning('id')
      .executeTakeFirstOrThrow();
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
      !(await tx
        .selectFrom('interventionTypes')
        .select('id')
        .where('id', '=', input.interventionTypeId)
        .executeTakeFirst())
    )
      problems.push({ field: 'interventionTypeId', message: 'Välj en insats ur katalogen.' });
    if (problems.length) throw invalidFields(problems);
    const { id } = await tx
      .insertInto('satisfactionAnswers')
      .values({
        organisationId: ctx.actor.organisationId,
        caseId,
        subject: input.subject,
        interventionTypeId: input.subject === 'intervention' ? input.interventionTypeId : null,
        housingProvider: input.subject === 'housing' ? input.housingProvider.trim() : null,
        answeredOn: swedishDate(ctx.now()),
        score: input.score,
        commentEnc: encryptField(ctx.keys, followUpContexts.satisfaction, input.comment.trim()),
        recordedBy: ctx.actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
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
        { field: 'closedOn', message: 'Ange dagen ärendet avslutas, i dag eller tidigare.' },
      ]);
    const dates = followUpDates(input.closedOn, input.consent);
    const existing = await tx
      .selectFrom('followUpPlans')
      .select(['id', 'consent'])
      .select(planDates)
      .where('caseId', '=', caseId)
      .executeTakeFirst();
    const values = {
      consent: input.consent,
      closedOn: input.closedOn,
      followUpDates: dates,
      recordedBy: ctx.actor.userId,
      recordedAt: ctx.now(),
    };
    if (existing) {
      const updated = await tx
        .updateTable('followUpPlans')
        .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
        .where('id', '=', existing.id)
        .where('version', '=', input.version)
        .returning('id')
        .executeTakeFirst();
      if (!updated) throw staleVersion('Svaret har ändrats av någon annan. Läs in sidan igen.');
    } else {
      // Two first answers at once: the second finds the first's (409), never a unique error.
      const inserted = await tx
        .insertInto('followUpPlans')
        .values({ ...values, organisationId: ctx.actor.organisationId, caseId })
        .onConflict((conflict) => conflict.column('caseId').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!inserted) throw staleVersion('Någon annan svarade samtidigt. Läs in sidan igen.');
    }
    // A withdrawn consent closes the follow-up calls not yet made: nobody may call her now.
    if (!input.consent && existing?.consent && existing.dates.length)
      await tx
        .updateTable('caseTasks')
        .set((eb) => ({
          doneAt: ctx.now(),
          doneBy: ctx.actor.userId,
          version: eb('version', '+', 1),
        }))
        .where('caseId', '=', caseId)
        .where('kind', '=', 'followUp')
        .where('doneAt', 'is', null)
        .where(sql<boolean>`to_char(due_on, 'YYYY-MM-DD') = any(${existing.dates})`)
        .execute();
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
