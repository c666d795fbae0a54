import { swedishDate } from '../../domain/calendar';
import {
  checkGrant,
  checkInterventionType,
  type InterventionTypeDraft,
} from '../../domain/interventions/catalogue';
import {
  checkExtension,
  checkSession,
  quotaStatus,
  type SessionOutcome,
} from '../../domain/interventions/quota';
import { invalidFields, ruleViolation, staleVersion } from '../../domain/errors';
import { decryptField, encryptField } from '../crypto/field-encryption';
import type { Tx } from '../db/transaction';
import type { CommandContext } from '../http/context';
import { loadCaseFor } from './case-access';
import { requireOrganisationAction } from './organisation-access';
import { auditOrganisationEvent, auditPersonEvent, runAudited } from './person-access';

const contexts = {
  goals: 'granted_interventions.goals',
  materials: 'granted_interventions.materials',
  adaptations: 'granted_interventions.adaptations',
  dropout: 'granted_interventions.dropout_reason',
  note: 'intervention_sessions.note',
  reason: 'intervention_extensions.reason',
} as const;

/** The organisation's catalogue, in name order. */
export const listInterventionTypes = (ctx: CommandContext) =>
  runAudited(ctx, (tx) =>
    tx.selectFrom('interventionTypes').selectAll().orderBy('name').execute(),
  ).then((rows) =>
    rows.map(({ createdAt, ...row }) => ({ ...row, createdAt: createdAt.toISOString() })),
  );

/** An administrator adds an intervention under its local name; logged. */
export const addInterventionType = (ctx: CommandContext, input: InterventionTypeDraft) =>
  runAudited(ctx, async (tx) => {
    const decision = requireOrganisationAction(ctx, 'organisation.administer');
    const problems = checkInterventionType(input);
    const taken = await tx
      .selectFrom('interventionTypes')
      .select('id')
      .where('name', '=', input.name.trim())
      .executeTakeFirst();
    if (taken)
      problems.push({ field: 'name', message: 'Det finns redan en insats med det namnet.' });
    if (problems.length) throw invalidFields(problems);
    const { id } = await tx
      .insertInto('interventionTypes')
      .values({
        ...input,
        name: input.name.trim(),
        organisationId: ctx.actor.organisationId,
        createdAt: ctx.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await auditOrganisationEvent(ctx, tx, {
      type: 'intervention_type.saved',
      reason: decision.reason,
      details: { interventionTypeId: id },
    });
    return { id };
  });

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

const sessionsOf = (tx: Tx, ids: string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : tx
        .selectFrom('interventionSessions')
        .select(['id', 'interventionId', 'kind', 'mode', 'outcome', 'noteEnc'])
        .select((eb) => eb.fn<string>('to_char', ['heldOn', eb.val('YYYY-MM-DD')]).as('heldOn'))
        .where('interventionId', 'in', ids)
        .orderBy('heldOn')
        .orderBy('recordedAt')
        .execute();

const extensionsOf = (tx: Tx, ids: string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : tx
        .selectFrom('interventionExtensions')
        .select(['id', 'interventionId', 'sessions', 'reasonEnc', 'decidedByRole'])
        .select((eb) =>
          eb.fn<string>('to_char', ['decidedOn', eb.val('YYYY-MM-DD')]).as('decidedOn'),
        )
        .where('interventionId', 'in', ids)
        .orderBy('decidedOn')
        .execute();

/** Quota status: sessions (not contacts between them) against what was granted and extended. */
const statusOf = (
  granted: number,
  extensions: readonly { sessions: number }[],
  sessions: readonly { kind: string; outcome: SessionOutcome }[],
) =>
  quotaStatus(
    granted,
    extensions,
    sessions.filter((session) => session.kind === 'session'),
  );

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
      return {
        id: row.id,
        typeId: row.typeId,
        typeName: row.typeName,
        eligibility: row.eligibility,
        provider: row.provider,
        decidedOn: row.decidedOn,
        grantedSessions: row.grantedSessions,
        goals: JSON.parse(decryptField(ctx.keys, contexts.goals, row.goalsEnc)) as string[],
        materials: decryptField(ctx.keys, contexts.materials, row.materialsEnc),
        adaptations: decryptField(ctx.keys, contexts.adaptations, row.adaptationsEnc),
        endedOn: row.endedOn,
        endReason: row.endReason,
        dropoutReason: row.dropoutReasonEnc
          ? decryptField(ctx.keys, contexts.dropout, row.dropoutReasonEnc)
          : null,
        quota: statusOf(row.grantedSessions, added, own),
        sessions: own.map((session) => ({
          id: session.id,
          heldOn: session.heldOn,
          kind: session.kind,
          mode: session.mode,
          outcome: session.outcome,
          note: decryptField(ctx.keys, contexts.note, session.noteEnc),
        })),
        extensions: added.map((extension) => ({
          id: extension.id,
          sessions: extension.sessions,
          decidedOn: extension.decidedOn,
          decidedByRole: extension.decidedByRole,
          reason: decryptField(ctx.keys, contexts.reason, extension.reasonEnc),
        })),
        version: row.version,
      };
    });
  });

/** The roles the actor holds where the case is: what the delegation is asked about. */
const rolesAt = (ctx: CommandContext, record: { unitId: string; secrecyAreaId: string | null }) =>
  ctx.actor.roles
    .filter(
      (grant) =>
        grant.unitId === record.unitId ||
        (grant.secrecyAreaId !== null && grant.secrecyAreaId === record.secrecyAreaId),
    )
    .map((grant) => grant.role);

const delegationOf = async (tx: Tx, organisationId: string) =>
  (
    await tx
      .selectFrom('organisations')
      .select('decisionDelegation')
      .where('id', '=', organisationId)
      .executeTakeFirstOrThrow()
  ).decisionDelegation;

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
  const intervention = await tx
    .selectFrom('grantedInterventions')
    .select(['id', 'grantedSessions', 'version'])
    .select((eb) => eb.fn<string>('to_char', ['decidedOn', eb.val('YYYY-MM-DD')]).as('decidedOn'))
    .where('caseId', '=', caseId)
    .where('typeId', '=', typeId)
    .where('endedOn', 'is', null)
    .executeTakeFirst();
  if (!intervention)
    throw ruleViolation('intervention.not_running', 'Insatsen pågår inte i ärendet.');
  const [sessions, extensions] = await Promise.all([
    sessionsOf(tx, [intervention.id]),
    extensionsOf(tx, [intervention.id]),
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
        { field: 'heldOn', message: 'Datumet ska ligga mellan beslutet och i dag.' },
      ]);
    if (input.kind === 'session') {
      const allowed = checkSession(quota, input.outcome);
      if (!allowed.ok) throw ruleViolation('intervention.quota_spent', allowed.message);
    }
    const { id } = await tx
      .insertInto('interventionSessions')
      .values({
        organisationId: ctx.actor.organisationId,
        interventionId: intervention.id,
        heldOn: input.heldOn,
        kind: input.kind,
        mode: input.mode,
        outcome: input.outcome,
        noteEnc: encryptField(ctx.keys, contexts.note, input.note.trim()),
        recordedBy: ctx.actor.userId,
        recordedAt: ctx.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
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
    const delegation = (await delegationOf(tx, record.organisationId)).extension;
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
    await tx
      .insertInto('interventionExtensions')
      .values({
        organisationId: ctx.actor.organisationId,
        interventionId: intervention.id,
        sessions: input.sessions,
        reasonEnc: encryptField(ctx.keys, contexts.reason, input.reason.trim()),
        decidedBy: ctx.actor.userId,
        decidedByRole: deciderRole!,
        decidedOn: swedishDate(ctx.now()),
      })
      .execute();
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
        ? [{ field: 'endedOn', message: 'Datumet ska ligga mellan beslutet och i dag.' }]
        : []),
      ...(input.reason === 'dropout' && input.dropoutReason.trim().length < 3
        ? [
            {
              field: 'dropoutReason',
              message: 'Skriv vad personen sa, eller att ni inte vet varför.',
            },
          ]
        : []),
    ];
    if (problems.length) throw invalidFields(problems);
    const ended = await tx
      .updateTable('grantedInterventions')
      .set((eb) => ({
        endedOn: input.endedOn,
        endReason: input.reason,
        dropoutReasonEnc:
          input.reason === 'dropout'
            ? encryptField(ctx.keys, contexts.dropout, input.dropoutReason.trim())
            : null,
        version: eb('version', '+', 1),
      }))
      .where('id', '=', intervention.id)
      .where('version', '=', input.version)
      .returning('id')
      .executeTakeFirst();
    if (!ended) throw staleVersion('Insatsen har ändrats av någon annan. Läs in sidan igen.');
    await audit({ reason: input.reason });
    return { ended: true };
  });
