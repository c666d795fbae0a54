import { can } from '../../../domain/access/policy';
import { swedishDate } from '../../../domain/calendar';
import {
  checkRoutine,
  versionInForce,
  type RoutineDraft,
  type RoutineStep,
} from '../../../domain/governance/routines';
import { DomainError, invalidFields, ruleViolation } from '../../../domain/errors';
import type { Tx } from '../../platform/db/transaction';
import type { CommandContext } from '../../platform/http/context';
import {
  findLatestVersionNo,
  findRoutine,
  findRoutineByTitle,
  insertAcknowledgement,
  insertRoutine,
  insertRoutineVersion,
  listAcknowledgements,
  listRoutineRows,
  listRoutineVersions,
  listStaffUserIds,
  listVersionsOfRoutine,
} from './routine.repository';
import { requireOrganisationAction } from '../../platform/runtime/organisation-access';
import { auditOrganisationEvent, runAudited } from '../../platform/runtime/person-access';

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
    const routines = await listRoutineRows(tx, step);
    if (routines.length === 0) return [];
    const versions = await listRoutineVersions(
      tx,
      routines.map((routine) => routine.id),
    );
    const inForce = routines.flatMap((routine) => {
      const current = versionInForce(
        versions.filter((version) => version.routineId === routine.id),
        today,
      );
      return current ? [{ routine, current }] : [];
    });
    if (inForce.length === 0) return [];
    // Only the versions in force matter: an acknowledgement of an older one asks again.
    const acknowledgements = await listAcknowledgements(
      tx,
      inForce.map(({ current }) => current.id),
    );
    // Those who keep the library see how many of the staff have read each routine.
    const keeps = can(
      ctx.actor,
      'statistics.read',
      { kind: 'organisation', organisationId: ctx.actor.organisationId },
      ctx.now(),
    ).allowed;
    const staff = keeps ? await listStaffUserIds(tx, ctx.actor.organisationId) : [];
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
      const existing = await findRoutineByTitle(tx, input.title.trim());
      if (existing)
        throw invalidFields([
          {
            field: 'title',
            message: 'Det finns redan en rutin med det namnet; gör en ny version av den.',
            code: 'alreadyInUse',
          },
        ]);
      routineId = (
        await insertRoutine(tx, {
          organisationId: ctx.actor.organisationId,
          title: input.title.trim(),
          step: input.step,
          createdBy: ctx.actor.userId,
          createdAt: ctx.now(),
        })
      ).id;
    } else {
      const routine = await findRoutine(tx, routineId);
      if (!routine) throw new DomainError('not_found', { message: 'Rutinen finns inte.' });
    }
    const latest = await findLatestVersionNo(tx, routineId);
    const versionNo = Number(latest?.versionNo ?? 0) + 1;
    await insertRoutineVersion(tx, {
      organisationId: ctx.actor.organisationId,
      routineId,
      versionNo,
      body: input.body.trim(),
      approvedBy: input.approvedBy.trim(),
      validFrom: input.validFrom,
      createdBy: ctx.actor.userId,
      createdAt: ctx.now(),
    });
    await audit(ctx, tx, 'routine.saved', { routineId, versionNo });
    return { id: routineId, versionNo };
  });

/** The reader has read the version in force; a later version asks again. */
export const acknowledgeRoutine = (ctx: CommandContext, routineId: string, versionNo: number) =>
  runAudited(ctx, async (tx) => {
    const versions = await listVersionsOfRoutine(tx, routineId);
    if (versions.length === 0)
      throw new DomainError('not_found', { message: 'Rutinen finns inte.' });
    const current = versionInForce(versions, swedishDate(ctx.now()));
    if (!current || current.versionNo !== versionNo)
      throw ruleViolation(
        'routine.not_current',
        'Det finns en nyare version av rutinen. Läs den som gäller och bekräfta den.',
      );
    await insertAcknowledgement(tx, {
      organisationId: ctx.actor.organisationId,
      versionId: current.id,
      userId: ctx.actor.userId,
      acknowledgedAt: ctx.now(),
    });
    await audit(ctx, tx, 'routine.acknowledged', { routineId, versionNo });
    return { versionNo };
  });
