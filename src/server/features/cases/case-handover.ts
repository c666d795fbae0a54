import { swedishDate } from '../../../domain/calendar';
import { can } from '../../../domain/access/policy';
import type { CaseType } from '../../../domain/cases/catalogues';
import { checkAcknowledgement, planHandover } from '../../../domain/cases/handover';
import { checkHandlerSeparation } from '../../../domain/cases/links';
import { DomainError, ruleViolation, staleVersion } from '../../../domain/errors';
import type { RoleId } from '../../../domain/access/roles';
import { buildActor, loadHeldRoles, type HeldRole } from '../../platform/auth/actor';
import { encryptField } from '../../platform/crypto/field-encryption';
import type { Tx } from '../../platform/db/transaction';
import type { CommandContext } from '../../platform/http/context';
import { caseResource, presentCaseSummary } from './case.presenter';
import { handoverSummaryContext, presentHandover } from './task.presenter';
import { findCase, insertCaseEvent, updateCaseIfVersion, type CaseRecord } from './case.repository';
import {
  closeHandover,
  findHandover,
  findPendingHandover,
  insertHandover,
  listRolesOfUnitColleagues,
  reassignOpenTasks,
} from './task.repository';
import { loadCaseFor } from '../../platform/runtime/case-access';
import { linkedFacts } from './linked-facts';
import { auditPersonEvent, runAudited } from '../../platform/runtime/person-access';

/**
 * Colleagues in the case's unit who could own it: the policy would let them write it as owner.
 * Their roles come in one query, since the case page asks this on every read.
 */
export const handoverCandidates = async (ctx: CommandContext, tx: Tx, record: CaseRecord) => {
  const grants = await listRolesOfUnitColleagues(
    tx,
    record.unitId,
    record.ownerUserId ?? ctx.actor.userId,
  );
  const byUser = new Map<string, { displayName: string; held: HeldRole[] }>();
  for (const grant of grants) {
    const entry = byUser.get(grant.userId) ?? { displayName: grant.displayName, held: [] };
    entry.held.push({ ...grant, role: grant.role as RoleId });
    byUser.set(grant.userId, entry);
  }
  return [...byUser]
    .filter(([userId, { held }]) => canOwn(ctx, record, userId, held))
    .map(([id, { displayName }]) => ({ id, displayName }));
};

const canOwn = (ctx: CommandContext, record: CaseRecord, userId: string, held: HeldRole[]) => {
  const owner = buildActor({
    userId,
    organisationId: ctx.actor.organisationId,
    held,
    breakGlass: [],
    secondFactorVerified: true,
  });
  const asOwned = caseResource({ ...record, ownerUserId: userId });
  return can(owner, 'case.write', asOwned, ctx.now()).allowed;
};

const mayOwn = async (ctx: CommandContext, tx: Tx, record: CaseRecord, userId: string) =>
  canOwn(ctx, record, userId, await loadHeldRoles(tx, userId));

/**
 * Whether a colleague could read the case as it stands (a task given to them must be one they
 * can see). A user of another organisation, or no user at all, holds no role here: no.
 */
export const maySeeCase = async (
  ctx: CommandContext,
  tx: Tx,
  record: CaseRecord,
  userId: string,
) => {
  const colleague = buildActor({
    userId,
    organisationId: ctx.actor.organisationId,
    held: await loadHeldRoles(tx, userId),
    breakGlass: [],
    secondFactorVerified: true,
  });
  return can(colleague, 'case.read', caseResource(record), ctx.now()).allowed;
};

/** Proposes a new owner with a summary; the case stays with its owner until the new one confirms. */
export const proposeHandover = (
  ctx: CommandContext,
  caseId: string,
  input: { toUserId: string; summary: string; version: number },
) =>
  runAudited(ctx, async (tx) => {
    const { record, decision } = await loadCaseFor(ctx, tx, caseId, 'case.write', {
      audit: 'case.handover_proposed',
      reads: 'caseHistory',
    });
    if (record.version !== input.version)
      throw staleVersion('Någon annan har ändrat ärendet. Läs in det igen.');
    const plan = planHandover({
      currentOwnerUserId: record.ownerUserId,
      toUserId: input.toUserId,
      pending: (await findPendingHandover(tx, caseId)) ?? null,
      caseClosed: record.stage === 'closed',
    });
    if (!plan.ok) throw ruleViolation(plan.code, plan.message);
    if (!(await mayOwn(ctx, tx, record, input.toUserId)))
      throw new DomainError('validation.invalid', {
        fields: [
          {
            path: 'body.toUserId',
            message: 'Den valda personen arbetar inte i ärendets enhet och kan inte ta över det.',
            code: 'notInCaseUnit',
          },
        ],
      });
    const separation = checkHandlerSeparation(
      { type: record.type as CaseType, ownerUserId: input.toUserId },
      await linkedFacts(tx, caseId),
    );
    if (!separation.ok) throw ruleViolation(separation.code, separation.message);
    const { id } = await insertHandover(tx, {
      organisationId: ctx.actor.organisationId,
      caseId,
      fromUserId: record.ownerUserId,
      toUserId: input.toUserId,
      summaryEnc: encryptField(ctx.keys, handoverSummaryContext, input.summary),
      proposedBy: ctx.actor.userId,
      proposedAt: ctx.now(),
    });
    await auditPersonEvent(ctx, tx, {
      type: 'case.handover_proposed',
      personId: record.personId,
      reason: decision.reason,
      details: { caseId, handoverId: id },
    });
    return presentHandover((await findHandover(tx, id))!, ctx.keys);
  });

/**
 * The new owner confirms: the case, its open tasks and the responsibility move in one
 * transaction, and the timeline records the hand-over.
 */
export const acknowledgeHandover = (ctx: CommandContext, handoverId: string) =>
  runAudited(ctx, async (tx) => {
    const handover = await findHandover(tx, handoverId);
    if (!handover) throw new DomainError('not_found', { message: 'Överlämningen finns inte.' });
    const { record, decision } = await loadCaseFor(ctx, tx, handover.caseId, 'case.read', {
      audit: 'case.handover_acknowledged',
      reads: 'caseHistory',
    });
    const check = checkAcknowledgement(handover, ctx.actor.userId);
    if (!check.ok) throw ruleViolation(check.code, check.message);
    // The links may have changed since the proposal: the separation rule is checked again.
    const separation = checkHandlerSeparation(
      { type: record.type as CaseType, ownerUserId: handover.toUserId },
      await linkedFacts(tx, record.id),
    );
    if (!separation.ok) throw ruleViolation(separation.code, separation.message);
    const now = ctx.now();
    await updateCaseIfVersion(tx, record.id, record.version, { ownerUserId: handover.toUserId });
    await reassignOpenTasks(tx, record.id, handover.fromUserId, handover.toUserId);
    await closeHandover(tx, handoverId, { acknowledgedAt: now });
    await insertCaseEvent(tx, {
      organisationId: ctx.actor.organisationId,
      caseId: record.id,
      kind: 'handOver',
      occurredOn: swedishDate(now),
      source: 'socialServices',
      descriptionEnc: null,
      recordedBy: ctx.actor.userId,
      recordedAt: now,
    });
    await auditPersonEvent(ctx, tx, {
      type: 'case.handover_acknowledged',
      personId: record.personId,
      reason: decision.reason,
      details: { caseId: record.id, handoverId },
    });
    return presentCaseSummary((await findCase(tx, record.id))!, {
      actor: ctx.actor,
      keys: ctx.keys,
      now,
    });
  });

/** Withdraws a hand-over that has not been confirmed (e.g. the colleague is away). */
export const cancelHandover = (ctx: CommandContext, handoverId: string) =>
  runAudited(ctx, async (tx) => {
    const handover = await findHandover(tx, handoverId);
    if (!handover) throw new DomainError('not_found', { message: 'Överlämningen finns inte.' });
    const { record, decision } = await loadCaseFor(ctx, tx, handover.caseId, 'case.write', {
      audit: 'case.handover_cancelled',
      reads: 'caseHistory',
    });
    if (handover.acknowledgedAt || handover.cancelledAt)
      throw ruleViolation('handover.pending', 'Överlämningen är redan bekräftad eller återkallad.');
    await closeHandover(tx, handoverId, { cancelledAt: ctx.now() });
    await auditPersonEvent(ctx, tx, {
      type: 'case.handover_cancelled',
      personId: record.personId,
      reason: decision.reason,
      details: { caseId: record.id, handoverId },
    });
    return { cancelled: true as const };
  });
