import type { RoleId } from '../../../domain/access/roles';
import { swedishDate } from '../../../domain/calendar';
import {
  competenceState,
  requiredCourses,
  type Course,
} from '../../../domain/governance/competence';
import { invalidFields } from '../../../domain/errors';
import type { Tx } from '../../platform/db/transaction';
import type { CommandContext } from '../../platform/http/context';
import {
  findRoleInOrganisation,
  insertCompetenceRecord,
  listCompetenceRecords,
  listInstrumentTrainings,
  listStaffRoles,
} from './competence.repository';
import { requireOrganisationAction } from '../../platform/runtime/organisation-access';
import { auditOrganisationEvent, runAudited } from '../../platform/runtime/person-access';

/** Completion days per user and course; an instrument course also counts instrument trainings. */
const completions = async (tx: Tx, userIds: readonly string[]) => {
  if (userIds.length === 0) return () => [] as string[];
  const [records, trainings] = await Promise.all([
    listCompetenceRecords(tx, userIds),
    listInstrumentTrainings(tx, userIds),
  ]);
  return (userId: string, course: Course) => [
    ...records
      .filter((row) => row.userId === userId && row.courseCode === course.code)
      .map((row) => row.completedOn),
    ...trainings
      .filter(
        (row) =>
          course.instrumentId && row.userId === userId && row.instrumentId === course.instrumentId,
      )
      .map((row) => row.completedOn),
  ];
};

/**
 * Records a completed course: one's own, or — for a team leader or coordinator — a colleague's
 * in the same organisation.
 */
export const recordCompetence = (
  ctx: CommandContext,
  input: { userId: string | null; courseCode: string; completedOn: string },
) =>
  runAudited(ctx, async (tx) => {
    const userId = input.userId ?? ctx.actor.userId;
    if (userId !== ctx.actor.userId) {
      requireOrganisationAction(ctx, 'statistics.read');
      const colleague = await findRoleInOrganisation(tx, userId, ctx.actor.organisationId);
      if (!colleague)
        throw invalidFields([
          { field: 'userId', message: 'Välj någon som arbetar här.', code: 'notAnId' },
        ]);
    }
    if (!ctx.competence.courses.some((course) => course.code === input.courseCode))
      throw invalidFields([
        { field: 'courseCode', message: 'Välj en utbildning ur listan.', code: 'notAnId' },
      ]);
    if (input.completedOn > swedishDate(ctx.now()))
      throw invalidFields([
        {
          field: 'completedOn',
          message: 'Registrera utbildningen när den är genomförd.',
          code: 'dateInFuture',
        },
      ]);
    await insertCompetenceRecord(tx, {
      organisationId: ctx.actor.organisationId,
      userId,
      courseCode: input.courseCode,
      completedOn: input.completedOn,
      recordedBy: ctx.actor.userId,
      recordedAt: ctx.now(),
    });
    await auditOrganisationEvent(ctx, tx, {
      type: 'competence.recorded',
      reason: userId === ctx.actor.userId ? 'competence.own' : 'statistics.read',
      details: { userId, course: input.courseCode },
    });
    return { courseCode: input.courseCode };
  });

/** The reader's own courses: what their roles need and where each stands. */
export const myCompetence = (ctx: CommandContext) =>
  runAudited(ctx, async (tx) => {
    const today = swedishDate(ctx.now());
    const completed = await completions(tx, [ctx.actor.userId]);
    const required = new Set(
      requiredCourses(
        ctx.competence,
        ctx.actor.roles.map((grant) => grant.role),
      ),
    );
    return ctx.competence.courses.map((course) => ({
      code: course.code,
      required: required.has(course.code),
      ...competenceState(course, completed(ctx.actor.userId, course), today),
    }));
  });

/**
 * Per unit: who works there, what their roles need, and how many hold each course now — the
 * coverage a team leader plans training from, with renewals due within 60 days.
 */
export const competenceCoverage = (ctx: CommandContext) =>
  runAudited(ctx, async (tx) => {
    requireOrganisationAction(ctx, 'statistics.read');
    const today = swedishDate(ctx.now());
    const grants = await listStaffRoles(tx, ctx.actor.organisationId);
    const completed = await completions(tx, [...new Set(grants.map((grant) => grant.userId))]);
    const units = [...new Map(grants.map((grant) => [grant.unitId, grant.unitName]))];
    await auditOrganisationEvent(ctx, tx, {
      type: 'competence.read',
      reason: 'statistics.read',
      details: { units: units.length },
    });
    return units.map(([unitId, unitName]) => {
      const inUnit = grants.filter((grant) => grant.unitId === unitId);
      const staff = [...new Set(inUnit.map((grant) => grant.userId))].map((userId) => {
        const roles = inUnit
          .filter((grant) => grant.userId === userId)
          .map((grant) => grant.role as RoleId);
        const needed = requiredCourses(ctx.competence, roles);
        return {
          userId,
          name: inUnit.find((grant) => grant.userId === userId)!.displayName,
          courses: ctx.competence.courses
            .filter((course) => needed.includes(course.code))
            .map((course) => ({
              code: course.code,
              ...competenceState(course, completed(userId, course), today),
            })),
        };
      });
      return {
        unitId,
        name: unitName,
        staff,
        coverage: ctx.competence.courses
          .map((course) => {
            const needing = staff.filter((person) =>
              person.courses.some((entry) => entry.code === course.code),
            );
            const holding = needing.filter((person) =>
              person.courses.some(
                (entry) =>
                  entry.code === course.code &&
                  (entry.state === 'valid' || entry.state === 'expiring'),
              ),
            );
            return { code: course.code, needed: needing.length, held: holding.length };
          })
          .filter((entry) => entry.needed > 0),
      };
    });
  });
