/** Changes to a running intervention: recording sessions, extending the quota, ending it. */
import { swedishDate } from '../../../domain/calendar';
import {
  checkExtension,
  checkSession,
  type SessionOutcome,
} from '../../../domain/interventions/quota';
import { invalidFields, ruleViolation, staleVersion } from '../../../domain/errors';
import { encryptField } from '../../platform/crypto/field-encryption';
import type { Tx } from '../../platform/db/transaction';
import type { CommandContext } from '../../platform/http/context';
import { loadCaseFor } from '../../platform/runtime/case-access';
import { auditPersonEvent, runAudited } from '../../platform/runtime/person-access';
import { rolesAt, statusOf } from './intervention-shared';
import { interventionContexts as contexts } from './intervention.presenter';
import {
  endInterventionIfVersion,
  findDecisionDelegation,
  findRunningIntervention,
  insertInterventionExtension,
  insertInterventionSession,
  listInterventionExtensions,
  listInterventionSessions,
} from './intervention.repository';

/** The running intervention of a kind on the case, with its quota, for a change to it. */
const running = async (
  ctx: CommandContext,
  tx: Tx,
  caseId: string,
  typeId: string,
  auditType: 'intervention.session_recorded' | 'intervention.extended' | 'intervention.ended',
) => {
  const { record, decision } = await loadCaseFor(ctx, tx, caseId, 'case.write', {
    audit: auditType,
    reads: 'caseHistory',
  });
  const intervention = await findRunningIntervention(tx, caseId, typeId);
  if (!intervention)
    throw ruleViolation('intervention.not_running', 'Insatsen pågår inte i ärendet.');
  const [sessions, extensions] = await Promise.all([
    listInterventionSessions(tx, [intervention.id]),
    listInterventionExtensions(tx, [intervention.id]),
  ]);
  const audit = (details: Record<string, string | number | boolean | null>) =>
    auditPersonEvent(ctx, tx, {
      type: auditType,
      personId: record.personId,
      reason: decision.reason,
      details: { caseId, interventionId: intervention.id, ...details },
    });
  return {
    record,
    intervention,
    quota: statusOf(intervention.grantedSessions, extensions, sessions),
    audit,
  };
};

/**
 * One session or a contact between sessions. A session that uses the quota is refused once the
 * quota is spent: an extension is decided first. A session the provider cancels uses none.
 */
export const recordInterventionSession = (
  ctx: CommandContext,
  caseId: string,
  input: {
    typeId: string;
    heldOn: string;
    kind: 'session' | 'betweenContact';
    mode: 'inPerson' | 'phone' | 'digital' | 'group';
    outcome: SessionOutcome;
    note: string;
  },
) =>
  runAudited(ctx, async (tx) => {
    const { intervention, quota, audit } = await running(
      ctx,
      tx,
      caseId,
      input.typeId,
      'intervention.session_recorded',
    );
    if (input.heldOn > swedishDate(ctx.now()) || input.heldOn < intervention.decidedOn)
      throw invalidFields([
        {
          field: 'heldOn',
          message: 'Datumet ska ligga mellan beslutet och i dag.',
          code: 'dateOutOfRange',
        },
      ]);
    if (input.kind === 'session') {
      const allowed = checkSession(quota, input.outcome);
      if (!allowed.ok) throw ruleViolation('intervention.quota_spent', allowed.message);
    }
    const { id } = await insertInterventionSession(tx, {
      organisationId: ctx.actor.organisationId,
      interventionId: intervention.id,
      heldOn: input.heldOn,
      kind: input.kind,
      mode: input.mode,
      outcome: input.outcome,
      noteEnc: encryptField(ctx.keys, contexts.note, input.note.trim()),
      recordedBy: ctx.actor.userId,
      recordedAt: ctx.now(),
    });
    await audit({ kind: input.kind, outcome: input.outcome });
    return { id };
  });

/** More sessions: an explicit decision with reasons, within the decider's delegation. */
export const extendIntervention = (
  ctx: CommandContext,
  caseId: string,
  input: { typeId: string; sessions: number; reason: string },
) =>
  runAudited(ctx, async (tx) => {
    const { record, intervention, audit } = await running(
      ctx,
      tx,
      caseId,
      input.typeId,
      'intervention.extended',
    );
    const delegation = (await findDecisionDelegation(tx, record.organisationId)).extension;
    const roles = rolesAt(ctx, record);
    // The decider's widest delegation among the roles held where the case is.
    const deciderRole = [...roles].sort(
      (a, b) =>
        (delegation[b as keyof typeof delegation] ?? 0) -
        (delegation[a as keyof typeof delegation] ?? 0),
    )[0];
    const problems = checkExtension(
      { sessions: input.sessions, reason: input.reason, deciderRole: deciderRole ?? 'none' },
      delegation,
    );
    if (problems.length) throw invalidFields(problems);
    await insertInterventionExtension(tx, {
      organisationId: ctx.actor.organisationId,
      interventionId: intervention.id,
      sessions: input.sessions,
      reasonEnc: encryptField(ctx.keys, contexts.reason, input.reason.trim()),
      decidedBy: ctx.actor.userId,
      decidedByRole: deciderRole!,
      decidedOn: swedishDate(ctx.now()),
    });
    await audit({ sessions: input.sessions });
    return { sessions: input.sessions };
  });

/** The intervention ends: completed, referred on, or the client stopped coming (and why). */
export const endIntervention = (
  ctx: CommandContext,
  caseId: string,
  input: {
    typeId: string;
    endedOn: string;
    reason: 'completed' | 'dropout' | 'referredOn' | 'other';
    dropoutReason: string;
    version: number;
  },
) =>
  runAudited(ctx, async (tx) => {
    const { intervention, audit } = await running(
      ctx,
      tx,
      caseId,
      input.typeId,
      'intervention.ended',
    );
    const problems = [
      ...(input.endedOn < intervention.decidedOn || input.endedOn > swedishDate(ctx.now())
        ? [
            {
              field: 'endedOn',
              message: 'Datumet ska ligga mellan beslutet och i dag.',
              code: 'dateOutOfRange' as const,
            },
          ]
        : []),
      ...(input.reason === 'dropout' && input.dropoutReason.trim().length < 3
        ? [
            {
              field: 'dropoutReason',
              message: 'Skriv vad personen sa, eller att ni inte vet varför.',
              code: 'required' as const,
            },
          ]
        : []),
    ];
    if (problems.length) throw invalidFields(problems);
    const ended = await endInterventionIfVersion(tx, intervention.id, input.version, {
      endedOn: input.endedOn,
      endReason: input.reason,
      dropoutReasonEnc:
        input.reason === 'dropout'
          ? encryptField(ctx.keys, contexts.dropout, input.dropoutReason.trim())
          : null,
    });
    if (!ended) throw staleVersion('Insatsen har ändrats av någon annan. Läs in sidan igen.');
    await audit({ reason: input.reason });
    return { ended: true };
  });
