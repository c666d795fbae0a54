/** A case's interventions: reading them with their sessions and quota, and granting one. */
import { swedishDate } from '../../../domain/calendar';
import { checkGrant } from '../../../domain/interventions/catalogue';
import { invalidFields, ruleViolation } from '../../../domain/errors';
import { encryptField } from '../../platform/crypto/field-encryption';
import type { CommandContext } from '../../platform/http/context';
import { interventionContexts as contexts, presentIntervention } from './intervention.presenter';
import {
  findDecisionDelegation,
  findInterventionType,
  findRunningIntervention,
  insertGrantedIntervention,
  listGrantedInterventions,
  listInterventionExtensions,
  listInterventionSessions,
} from './intervention.repository';
import { loadCaseFor } from '../../platform/runtime/case-access';
import { auditPersonEvent, runAudited } from '../../platform/runtime/person-access';
import { rolesAt, statusOf } from './intervention-shared';

/** The case's interventions: goals, sessions, quota, extensions and how each ended. */
export const readInterventions = (ctx: CommandContext, caseId: string) =>
  runAudited(ctx, async (tx) => {
    const { record, decision } = await loadCaseFor(ctx, tx, caseId, 'case.read', {
      audit: 'intervention.read',
      reads: 'caseHistory',
    });
    const granted = await listGrantedInterventions(tx, caseId);
    const ids = granted.map((row) => row.id);
    const [sessions, extensions] = await Promise.all([
      listInterventionSessions(tx, ids),
      listInterventionExtensions(tx, ids),
    ]);
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
    const type = await findInterventionType(tx, input.typeId);
    if (!type)
      throw invalidFields([
        { field: 'typeId', message: 'Välj en insats ur katalogen.', code: 'notAnId' },
      ]);
    const grantedSessions = input.grantedSessions ?? type.defaultSessions;
    const goals = input.goals.map((goal) => goal.trim()).filter(Boolean);
    const problems = checkGrant(
      { grantedSessions, decidedOn: input.decidedOn, goals },
      {
        eligibility: type.eligibility,
        deciderRoles: rolesAt(ctx, record),
        delegation: await findDecisionDelegation(tx, record.organisationId),
        today: swedishDate(ctx.now()),
      },
    );
    if (problems.length) throw invalidFields(problems);
    const running = await findRunningIntervention(tx, caseId, type.id);
    if (running)
      throw ruleViolation(
        'intervention.running',
        'Insatsen pågår redan i ärendet. Förläng den i stället, eller avsluta den först.',
      );
    const { id } = await insertGrantedIntervention(tx, {
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
    });
    await auditPersonEvent(ctx, tx, {
      type: 'intervention.granted',
      personId: record.personId,
      reason: decision.reason,
      details: { caseId, interventionId: id, sessions: grantedSessions },
    });
    return { id };
  });
