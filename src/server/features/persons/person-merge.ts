import { can } from '../../../domain/access/policy';
import { ruleViolation, staleVersion } from '../../../domain/errors';
import {
  canUndoMerge,
  planMerge,
  type MergeCandidate,
  type MergePlan,
} from '../../../domain/identity/person-merge';
import type { Tx } from '../../platform/db/transaction';
import type { CommandContext } from '../../platform/http/context';
import { personResource, presentPerson } from './person.presenter';
import {
  findMergeForUpdate,
  insertPersonMerge,
  listActiveMergesOf,
  listMarkedDuplicates,
  listMergesInto,
  lockPersons,
  markMergeUndone,
  moveBack,
  moveReferences,
  placeSurvivorInUnit,
  recordMergeMoves,
  removePersonFromUnit,
  setDuplicateOf,
  touchPerson,
} from './person-merge.repository';
import {
  findPerson,
  findSimilarPersons,
  setProtectionOfNumber,
  updatePersonIfVersion,
  type PersonRecord,
} from './person.repository';
import {
  AuditedDenial,
  auditPersonEvent,
  loadPersonFor,
  runAudited,
} from '../../platform/runtime/person-access';
import { unitsWhereActorMay } from '../../platform/runtime/readable-units';

/**
 * Merging the records of one person (issue 17). Whoever may change both records may merge them:
 * every reference moves to the survivor (cases, consents, assessments, placements…), the
 * survivor gets the stronger protection, the merged record stays as history, and both records'
 * logs say so. For `mergeUndoDays` the merge can be undone: the moved rows go back.
 */

const viewer = (ctx: CommandContext) => ({
  actor: ctx.actor,
  keys: ctx.keys,
  now: ctx.now(),
  revealAddress: false,
});

const candidateOf = (person: PersonRecord, mergedInto: string | null): MergeCandidate => ({
  id: person.id,
  personalNumber: person.personalNumber,
  protectionLevel: person.protectionLevel,
  duplicateOf: person.duplicateOf,
  mergedInto,
});

/** Which way two records can be merged: this one kept, the other kept, or why neither. */
const directionOf = (
  self: MergeCandidate,
  other: MergeCandidate,
): { survivorId: string | null; plan: MergePlan } => {
  const keepSelf = planMerge(self, other);
  if (keepSelf.ok) return { survivorId: self.id, plan: keepSelf };
  const keepOther = planMerge(other, self);
  return keepOther.ok
    ? { survivorId: other.id, plan: keepOther }
    : { survivorId: null, plan: keepSelf };
};

/**
 * The records that may be the same person as this one (marked as duplicates of it, or with the
 * same name, among those the worker can see), and the merges made into it.
 */
export const readDuplicates = (ctx: CommandContext, personId: string) =>
  runAudited(ctx, async (tx) => {
    const { person, decision } = await loadPersonFor(
      ctx,
      tx,
      personId,
      'person.read',
      'person.duplicates_listed',
    );
    const marked = await listMarkedDuplicates(tx, personId, person.duplicateOf);
    const namesakes = await findSimilarPersons(
      tx,
      await unitsWhereActorMay(ctx, tx, 'person.read'),
      person,
      false,
    );
    const ids = [...new Set([...marked.map((row) => row.id), ...namesakes.map((row) => row.id)])];
    const merges = await listActiveMergesOf(tx, [personId, ...ids]);
    const mergedInto = (id: string) => merges.find((m) => m.mergedId === id)?.survivorId ?? null;
    const self = candidateOf(person, mergedInto(personId));
    const candidates = [];
    for (const id of ids.filter((id) => id !== personId && mergedInto(id) === null)) {
      const other = await findPerson(tx, id);
      if (!other || !can(ctx.actor, 'person.read', personResource(other), ctx.now()).allowed)
        continue;
      const { survivorId, plan } = directionOf(self, candidateOf(other, null));
      candidates.push({
        person: presentPerson(other, viewer(ctx)),
        markedAsDuplicate: other.duplicateOf === personId || person.duplicateOf === other.id,
        survivorId,
        refusal: plan.ok ? null : plan.message,
      });
    }
    const made = await listMergesInto(tx, personId);
    await auditPersonEvent(ctx, tx, {
      type: 'person.duplicates_listed',
      personId,
      reason: decision.reason,
      breakGlassId: decision.breakGlassId,
      details: { candidates: candidates.length, merges: made.length },
    });
    return {
      candidates,
      merges: made.map((merge) => ({
        id: merge.id,
        mergedPersonId: merge.mergedId,
        reason: merge.reason,
        mergedAt: merge.mergedAt.toISOString(),
        undoneAt: merge.undoneAt?.toISOString() ?? null,
        canUndo: merge.undoneAt === null && canUndoMerge(merge.mergedAt, ctx.now()),
      })),
    };
  });

/** Merges `mergedPersonId` into `survivorId` if nobody changed the survivor since `version`. */
export const mergePersons = (
  ctx: CommandContext,
  survivorId: string,
  input: { mergedPersonId: string; reason: string; version: number },
) =>
  runAudited(ctx, async (tx) => {
    // Both records locked, in one order, so two merges of the same records wait for each other.
    await lockPersons(tx, [survivorId, input.mergedPersonId]);
    const { person: survivor, decision } = await loadPersonFor(
      ctx,
      tx,
      survivorId,
      'person.update',
      'person.merged',
    );
    // The record to merge is named in the body: the policy decides on it here, as on the survivor.
    const merged = await loadPersonFor(
      ctx,
      tx,
      input.mergedPersonId,
      'person.update',
      'person.merged',
    ).then(({ person }) => person);
    const merges = await listActiveMergesOf(tx, [survivor.id, merged.id]);
    const mergedInto = (id: string) => merges.find((m) => m.mergedId === id)?.survivorId ?? null;
    const plan = planMerge(
      candidateOf(survivor, mergedInto(survivor.id)),
      candidateOf(merged, mergedInto(merged.id)),
    );
    if (!plan.ok) throw ruleViolation(plan.reason, plan.message);

    const now = ctx.now();
    const updated = await updatePersonIfVersion(
      tx,
      survivor.id,
      input.version,
      { protectionLevel: plan.protectionLevel },
      now,
    );
    if (!updated)
      throw staleVersion(
        'Någon annan har ändrat uppgifterna. Läs in dem igen och gör om ändringen.',
      );
    // The merge is written first: the signed-assessment rule lets a subject move only within one.
    const merge = await insertPersonMerge(tx, {
      organisationId: ctx.actor.organisationId,
      survivorId: survivor.id,
      mergedId: merged.id,
      previousDuplicateOf: merged.duplicateOf,
      placedInUnitId: null,
      moved: '[]',
      reason: input.reason,
      mergedBy: ctx.actor.userId,
      mergedAt: now,
    });
    const moved = await moveReferences(tx, merged.id, survivor.id);
    const placedInUnitId = await placeWhereMergedWas(ctx, tx, survivor, merged.unitId);
    await setDuplicateOf(tx, merged.id, survivor.id, now);
    if (plan.protectionLevel !== survivor.protectionLevel && survivor.personalNumber !== null)
      await setProtectionOfNumber(tx, survivor.personalNumber, plan.protectionLevel, now);
    await recordMergeMoves(tx, merge.id, moved, placedInUnitId);
    const movedRows = moved.reduce((sum, ref) => sum + ref.keys.length, 0);
    for (const personId of [survivor.id, merged.id])
      await auditPersonEvent(ctx, tx, {
        type: 'person.merged',
        personId,
        reason: decision.reason,
        details: {
          mergeId: merge.id,
          survivorId: survivor.id,
          mergedId: merged.id,
          movedRows,
          tables: moved.map((ref) => ref.table).join(','),
        },
      });
    return {
      mergeId: merge.id,
      movedRows,
      person: presentPerson((await findPerson(tx, survivor.id))!, viewer(ctx)),
    };
  });

/** The survivor is placed in the merged record's unit, so the unit that registered her still finds her. */
const placeWhereMergedWas = async (
  ctx: CommandContext,
  tx: Tx,
  survivor: PersonRecord,
  unitId: string,
): Promise<string | null> => {
  if (unitId === survivor.unitId) return null;
  return placeSurvivorInUnit(tx, {
    organisationId: ctx.actor.organisationId,
    personId: survivor.id,
    unitId,
    placedBy: ctx.actor.userId,
    placedAt: ctx.now(),
  });
};

/** Undoes a merge within its period: the moved rows go back, the merged record is its own again. */
export const undoMerge = (ctx: CommandContext, mergeId: string) =>
  runAudited(ctx, async (tx) => {
    const merge = await findMergeForUpdate(tx, mergeId);
    const { decision } = await loadPersonFor(
      ctx,
      tx,
      merge.survivorId,
      'person.update',
      'person.merge_undone',
    );
    const merged = await findPerson(tx, merge.mergedId);
    if (!merged || !can(ctx.actor, 'person.update', personResource(merged), ctx.now()).allowed)
      throw new AuditedDenial(ctx, {
        personId: merge.mergedId,
        reason: 'access.role_lacks_action',
        details: { attempted: 'person.merge_undone', mergeId },
      });
    if (merge.undoneAt !== null)
      throw ruleViolation('merge.already_undone', 'Sammanslagningen är redan ångrad.');
    if (!canUndoMerge(merge.mergedAt, ctx.now()))
      throw ruleViolation(
        'merge.undo_period_over',
        'Tiden för att ångra sammanslagningen har gått ut. Kontakta systemförvaltaren.',
      );
    const now = ctx.now();
    await moveBack(tx, merge.moved, merge.mergedId);
    if (merge.placedInUnitId !== null)
      await removePersonFromUnit(tx, merge.survivorId, merge.placedInUnitId);
    await setDuplicateOf(tx, merge.mergedId, merge.previousDuplicateOf, now);
    await touchPerson(tx, merge.survivorId, now);
    await markMergeUndone(tx, mergeId, ctx.actor.userId, now);
    for (const personId of [merge.survivorId, merge.mergedId])
      await auditPersonEvent(ctx, tx, {
        type: 'person.merge_undone',
        personId,
        reason: decision.reason,
        details: { mergeId },
      });
    return { mergeId, undone: true as const };
  });
