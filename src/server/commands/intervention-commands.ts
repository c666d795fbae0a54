/** A case's interventions: reading them with their sessions and quota, and granting one. */
import { swedishDate } from '../../domain/calendar';
import { checkGrant } from '../../domain/interventions/catalogue';
import { invalidFields, ruleViolation } from '../../domain/errors';
import { encryptField } from '../crypto/field-encryption';
import type { Tx } from '../db/transaction';
import type { CommandContext } from '../http/context';
import {
  interventionContexts as contexts,
  presentIntervention,
} from '../presenters/intervention.presenter';
import { loadCaseFor } from './case-access';
import { auditPersonEvent, runAudited } from './person-access';
import { delegationOf, extensionsOf, rolesAt, sessionsOf, statusOf } from './intervention-shared';

const interventionsOf = (tx: Tx, caseId: string) =>
  tx
    .selectFrom('grantedInterventions as g')
    .innerJoin('interventionTypes as t', 't.id', 'g.typeId')
    .select([
      'g.id',
      'g.typeId',
      't.name as typeName',
      't.eligibility',
      't.provider',
      'g.grantedSessions',
      'g.goalsEnc',
      'g.materialsEnc',
      'g.adaptationsEnc',
      'g.endReason',
      'g.dropoutReasonEnc',
      'g.version',
    ])
    .select((eb) => [
      eb.fn<string>('to_char', ['g.decidedOn', eb.val('YYYY-MM-DD')]).as('decidedOn'),
      eb.fn<string | null>('to_char', ['g.endedOn', eb.val('YYYY-MM-DD')]).as('endedOn'),
    ])
    .where('g.caseId', '=', caseId)
    .orderBy('g.decidedOn')
    .execute();

/** The case's interventions: goals, sessions, quota, extensions and how each ended. */
export const readInterventions = (ctx: CommandContext, caseId: string) =>
  runAudited(ctx, async (tx) => {
    const { record, decision } = await loadCaseFor(ctx, tx, caseId, 'case.read', {
      audit: 'intervention.read',
      reads: 'caseHistory',
    });
    const granted = await interventionsOf(tx, caseId);
    const ids = granted.map((row) => row.id);
    const [sessions, extensions] = await Promise.all([sessionsOf(tx, ids), extensionsOf(tx, ids)]);
    await auditPersonEvent(ctx, tx, {
      type: 'intervention.read',
      personId: record.personId,
      reason: decision.reason,
      breakGlassId: decision.breakGlassId,
      details: { caseId },
    });
    return granted.map((row) => {
      const own = sessions.filter((session) => session.interventionId === row.id);
      const added = extensions.filter((extension) => extension.interventionId === row.id);
      return presentIntervention(row, ctx.keys, {
        quota: statusOf(row.grantedSessions, added, own),
        sessions: own,
        extensions: added,
      });
    });
  });

/**
 * Grants an intervention from the catalogue: a decision by a delegated role where the kind needs
 * one, goals set with the client, the number of sessions, materials and adaptations (childcare
 * during sessions, interpreter, accessibility).
 */
export const grantIntervention = (
  ctx: CommandContext,
  caseId: string,
  input: {
    typeId: string;
    grantedSessions: number | null;
    decidedOn: string;
    goals: string[];
    materials: string;
    adaptations: string;
  },
) =>
  runAudited(ctx, async (tx) => {
    const { record, decision } = await loadCaseFor(ctx, tx, caseId, 'case.write', {
      audit: 'intervention.granted',
      reads: 'caseHistory',
    });
    const type = await tx
      .selectFrom('interventionTypes')
      .select(['id', 'eligibility', 'defaultSessions'])
      .where('id', '=', input.typeId)
      .executeTakeFirst();
    if (!type) throw invalidFields([{ field: 'typeId', message: 'Välj en insats ur katalogen.' }]);
    const grantedSessions = input.grantedSessions ?? type.defaultSessions;
    const goals = input.goals.map((goal) => goal.trim()).filter(Boolean);
    const problems = checkGrant(
      { grantedSessions, decidedOn: input.decidedOn, goals },
      {
        eligibility: type.eligibility,
        deciderRoles: rolesAt(ctx, record),
        delegation: await delegationOf(tx, record.organisationId),
        today: swedishDate(ctx.now()),
      },
    );
    if (problems.length) throw invalidFields(problems);
    const running = await tx
      .selectFrom('grantedInterventions')
      .select('id')
      .where('caseId', '=', caseId)
      .where('typeId', '=', type.id)
      .where('endedOn', 'is', null)
      .executeTakeFirst();
    if (running)
      throw ruleViolation(
        'intervention.running',
        'Insatsen pågår redan i ärendet. Förläng den i stället, eller avsluta den först.',
      );
    const { id } = await tx
      .insertInto('grantedInterventions')
      .values({
        organisationId: ctx.actor.organisationId,
        caseId,
        typeId: type.id,
        grantedSessions,
        decidedOn: input.decidedOn,
        decidedBy: ctx.actor.userId,
        goalsEnc: encryptField(ctx.keys, contexts.goals, JSON.stringify(goals)),
        materialsEnc: encryptField(ctx.keys, contexts.materials, input.materials.trim()),
        adaptationsEnc: encryptField(ctx.keys, contexts.adaptations, input.adaptations.trim()),
        createdAt: ctx.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await auditPersonEvent(ctx, tx, {
      type: 'intervention.granted',
      personId: record.personId,
      reason: decision.reason,
      details: { caseId, interventionId: id, sessions: grantedSessions },
    });
    return { id };
  });
