import { can } from '../../domain/access/policy';
import { swedishDate } from '../../domain/calendar';
import {
  checkRoutine,
  versionInForce,
  type RoutineDraft,
  type RoutineStep,
} from '../../domain/governance/routines';
import { DomainError, invalidFields, ruleViolation } from '../../domain/errors';
import { dateText } from '../db/date-text';
import type { Tx } from '../db/transaction';
import type { CommandContext } from '../http/context';
import { requireOrganisationAction } from './organisation-access';
import { auditOrganisationEvent, runAudited } from './person-access';

const audit = (
  ctx: CommandContext,
  tx: Tx,
  type: 'routine.saved' | 'routine.acknowledged',
  details: Record<string, string | number>,
) => auditOrganisationEvent(ctx, tx, { type, reason: 'routine', details });

/**
 * The routines in force, each with its current version, whether the reader has read it, and —
 * for those who keep the library — how many of the staff have. Optionally only one step's.
 */
export const listRoutines = (ctx: CommandContext, step: RoutineStep | null) =>
  runAudited(ctx, async (tx) => {
    const today = swedishDate(ctx.now());
    let query = tx.selectFrom('routines').select(['id', 'title', 'step']).orderBy('title');
    if (step) query = query.where('step', '=', step);
    const routines = await query.execute();
    if (routines.length === 0) return [];
    const versions = await tx
      .selectFrom('routineVersions')
      .select([
        'id',
        'routineId',
        'versionNo',
        'body',
        'approvedBy',
        dateText('validFrom').as('validFrom'),
      ])
      .where(
        'routineId',
        'in',
        routines.map((routine) => routine.id),
      )
      .execute();
    const inForce = routines.flatMap((routine) => {
      const current = versionInForce(
        versions.filter((version) => version.routineId === routine.id),
        today,
      );
      return current ? [{ routine, current }] : [];
    });
    if (inForce.length === 0) return [];
    // Only the versions in force matter: an acknowledgement of an older one asks again.
    const acknowledgements = await tx
      .selectFrom('routineAcknowledgements')
      .select(['versionId', 'userId'])
      .where(
        'versionId',
        'in',
        inForce.map(({ current }) => current.id),
      )
      .execute();
    // Those who keep the library see how many of the staff have read each routine.
    const keeps = can(
      ctx.actor,
      'statistics.read',
      { kind: 'organisation', organisationId: ctx.actor.organisationId },
      ctx.now(),
    ).allowed;
    const staff = keeps
      ? await tx
          .selectFrom('roleAssignments')
          .select('userId')
          .distinct()
          .where('organisationId', '=', ctx.actor.organisationId)
          .execute()
      : [];
    return inForce.map(({ routine, current }) => {
      const readers = acknowledgements.filter((entry) => entry.versionId === current.id);
      return {
        ...routine,
        version: {
          versionNo: current.versionNo,
          body: current.body,
          approvedBy: current.approvedBy,
          validFrom: current.validFrom,
        },
        readByMe: readers.some((entry) => entry.userId === ctx.actor.userId),
        readers: keeps ? { read: readers.length, staff: staff.length } : null,
      };
    });
  });

/** A new routine, or a new version of one: approved by someone, in force from a day. */
export const saveRoutine = (
  ctx: CommandContext,
  input: RoutineDraft & { routineId: string | null; title: string; step: RoutineStep },
) =>
  runAudited(ctx, async (tx) => {
    requireOrganisationAction(ctx, 'statistics.read');
    const problems = checkRoutine(input);
    if (problems.length) throw invalidFields(problems);
    let routineId = input.routineId;
    if (!routineId) {
      const existing = await tx
        .selectFrom('routines')
        .select('id')
        .where('title', '=', input.title.trim())
        .executeTakeFirst();
      if (existing)
        throw invalidFields([
          {
            field: 'title',
            message: 'Det finns redan en rutin med det namnet; gör en ny version av den.',
          },
        ]);
      routineId = (
        await tx
          .insertInto('routines')
          .values({
            organisationId: ctx.actor.organisationId,
            title: input.title.trim(),
            step: input.step,
            createdBy: ctx.actor.userId,
            createdAt: ctx.now(),
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    } else {
      const routine = await tx
        .selectFrom('routines')
        .select('id')
        .where('id', '=', routineId)
        .executeTakeFirst();
      if (!routine) throw new DomainError('not_found', { message: 'Rutinen finns inte.' });
    }
    const latest = await tx
      .selectFrom('routineVersions')
      .select((eb) => eb.fn.max('versionNo').as('versionNo'))
      .where('routineId', '=', routineId)
      .executeTakeFirst();
    const versionNo = Number(latest?.versionNo ?? 0) + 1;
    await tx
      .insertInto('routineVersions')
      .values({
        organisationId: ctx.actor.organisationId,
        routineId,
        versionNo,
        body: input.body.trim(),
        approvedBy: input.approvedBy.trim(),
        validFrom: input.validFrom,
        createdBy: ctx.actor.userId,
        createdAt: ctx.now(),
      })
      .execute();
    await audit(ctx, tx, 'routine.saved', { routineId, versionNo });
    return { id: routineId, versionNo };
  });

/** The reader has read the version in force; a later version asks again. */
export const acknowledgeRoutine = (ctx: CommandContext, routineId: string, versionNo: number) =>
  runAudited(ctx, async (tx) => {
    const versions = await tx
      .selectFrom('routineVersions')
      .select(['id', 'versionNo', dateText('validFrom').as('validFrom')])
      .where('routineId', '=', routineId)
      .execute();
    if (versions.length === 0)
      throw new DomainError('not_found', { message: 'Rutinen finns inte.' });
    const current = versionInForce(versions, swedishDate(ctx.now()));
    if (!current || current.versionNo !== versionNo)
      throw ruleViolation(
        'routine.not_current',
        'Det finns en nyare version av rutinen. Läs den som gäller och bekräfta den.',
      );
    await tx
      .insertInto('routineAcknowledgements')
      .values({
        organisationId: ctx.actor.organisationId,
        versionId: current.id,
        userId: ctx.actor.userId,
        acknowledgedAt: ctx.now(),
      })
      .onConflict((conflict) => conflict.columns(['versionId', 'userId']).doNothing())
      .execute();
    await audit(ctx, tx, 'routine.acknowledged', { routineId, versionNo });
    return { versionNo };
  });
