import { can } from '../../../domain/access/policy';
import { shownPersons } from '../../platform/audit/shown-persons';
import type {
  CaseType,
  DetectionSource,
  PerpetratorRelation,
  ViolenceForm,
} from '../../../domain/cases/catalogues';
import { checkHandlerSeparation, type LinkKind } from '../../../domain/cases/links';
import {
  initialStage,
  planTransition,
  type ChildrenAnswer,
  type GoalAttainment,
  type Stage,
} from '../../../domain/cases/stages';
import { DomainError, ruleViolation, staleVersion } from '../../../domain/errors';
import { encryptField } from '../../platform/crypto/field-encryption';
import type { Tx } from '../../platform/db/transaction';
import type { CommandContext } from '../../platform/http/context';
import { findUnit } from '../organisation/organisation.repository';
import {
  caseResource,
  presentCaseEvent,
  presentCaseSummary,
  presentLinkedCase,
  presentTransition,
  transitionReasonContext,
} from './case.presenter';
import {
  findCase,
  findCases,
  insertOpenedCase,
  insertLink,
  insertTransition,
  listCasesOwnedBy,
  listLinks,
  listOpenCasesInUnits,
  listTransitions,
  listCaseEvents,
  updateCaseIfVersion,
  type CaseRecord,
} from './case.repository';
import { loadCaseFor, openCategories } from '../../platform/runtime/case-access';
import { caseOverview } from './case-overview';
import { handoverCandidates } from './case-handover';
import { presentHandover, presentTask } from './task.presenter';
import { findPendingHandover, listTasksForCase } from './task.repository';
import { swedishDate } from '../../../domain/calendar';
import { linkedFacts } from './linked-facts';
import { assessmentsWithoutFollowThrough } from '../plans/plan-follow-through';
import { newRecordIn } from '../../platform/runtime/new-record';
import { unitsWhereActorMay } from '../../platform/runtime/readable-units';
import {
  auditOrganisationEvent,
  auditPersonEvent,
  loadPersonFor,
  runAudited,
} from '../../platform/runtime/person-access';

/** Who is looking, for the presenters: the actor, the keys and the moment. */
export const viewer = (ctx: CommandContext) => ({
  actor: ctx.actor,
  keys: ctx.keys,
  now: ctx.now(),
});

/** Saves changes to a case read at `version`, or refuses with 409 if someone changed it since. */
export const updateCaseOrConflict = async (
  tx: Tx,
  caseId: string,
  version: number,
  changes: Parameters<typeof updateCaseIfVersion>[3],
) => {
  const updated = await updateCaseIfVersion(tx, caseId, version, changes);
  if (!updated) throw staleVersion('Någon annan har ändrat ärendet. Läs in det igen.');
};

export type OpenCaseInput = {
  personId: string;
  unitId: string;
  type: CaseType;
  hrv: boolean;
  detectionSource: DetectionSource | null;
  violenceForms: ViolenceForm[];
  perpetratorRelation: PerpetratorRelation | null;
  ownerUserId: string | null;
};

/** Opens a case (aktualisering) for a person the actor may read, in a unit where they may write cases. */
export const openCase = (ctx: CommandContext, input: OpenCaseInput) =>
  runAudited(ctx, async (tx) => {
    await loadPersonFor(ctx, tx, input.personId, 'person.read', 'case.opened', true);
    const unit = await findUnit(tx, input.unitId);
    if (!unit)
      throw new DomainError('validation.invalid', {
        fields: [
          {
            path: 'body.unitId',
            message: 'Enheten finns inte i din organisation.',
            code: 'unitNotInOrganisation',
          },
        ],
      });
    const decision = can(
      ctx.actor,
      'case.write',
      newRecordIn(ctx, 'case', unit, input.personId),
      ctx.now(),
    );
    if (!decision.allowed)
      throw new DomainError('access.denied', {
        reason: decision.reason,
        message: 'Du kan inte öppna ärenden i den enheten.',
      });
    const now = ctx.now();
    const { id } = await insertOpenedCase(tx, {
      organisationId: ctx.actor.organisationId,
      unitId: unit.id,
      personId: input.personId,
      type: input.type,
      hrv: input.hrv,
      stage: initialStage,
      ownerUserId: input.ownerUserId,
      detectionSource: input.detectionSource,
      violenceForms: input.violenceForms,
      perpetratorRelation: input.perpetratorRelation,
      openedAt: now,
      createdBy: ctx.actor.userId,
    });
    await auditPersonEvent(ctx, tx, {
      type: 'case.opened',
      personId: input.personId,
      reason: decision.reason,
      details: { caseId: id, type: input.type },
    });
    return presentCaseSummary((await findCase(tx, id))!, viewer(ctx));
  });

/**
 * One case as its overview shows it: its history, tasks and linked cases (each shown only as far
 * as the viewer may see), and what needs doing now (`caseOverview`).
 */
export const readCase = (ctx: CommandContext, caseId: string) =>
  runAudited(ctx, async (tx) => {
    const { record, decision } = await loadCaseFor(ctx, tx, caseId, 'case.read', {
      audit: 'case.read',
      reads: 'caseHistory',
    });
    const view = await caseView(ctx, tx, record);
    const overview = await caseOverview(ctx, tx, record, openCategories(decision, record));
    // One event for the whole overview, naming the categories it showed.
    await auditPersonEvent(ctx, tx, {
      type: 'case.read',
      personId: record.personId,
      reason: decision.reason,
      breakGlassId: decision.breakGlassId,
      details: {
        caseId,
        categories: overview.shown.join(','),
        reportsOfConcern: overview.reportsOfConcern.length,
      },
    });
    return { ...view, overview };
  });

/**
 * Everything the viewer may see of a case they may read: its history, tasks and linked cases
 * (each linked case only as far as the policy allows). Screens and printouts use the same view.
 */
export const caseView = async (ctx: CommandContext, tx: Tx, record: CaseRecord) => {
  const links = await listLinks(tx, record.id);
  const linked = await findCases(
    tx,
    links.map((link) => link.linkedCaseId),
  );
  const transitions = await listTransitions(tx, record.id);
  const events = await listCaseEvents(tx, record.id);
  const tasks = await listTasksForCase(tx, record.id);
  const pendingHandover = await findPendingHandover(tx, record.id);
  const mayWrite = can(ctx.actor, 'case.write', caseResource(record), ctx.now()).allowed;
  const candidates = mayWrite && !pendingHandover ? await handoverCandidates(ctx, tx, record) : [];
  return {
    ...presentCaseSummary(record, viewer(ctx)),
    transitions: transitions.map((transition) => presentTransition(transition, ctx.keys)),
    events: events.map((event) => presentCaseEvent(event, ctx.keys)),
    tasks: tasks.map((task) => presentTask(task, ctx.keys, swedishDate(ctx.now()))),
    pendingHandover: pendingHandover ? presentHandover(pendingHandover, ctx.keys) : null,
    handoverCandidates: candidates,
    linkedCases: links.flatMap((link) => {
      const other = linked.find((candidate) => candidate.id === link.linkedCaseId);
      return other ? [presentLinkedCase(other, link.kind, viewer(ctx))] : [];
    }),
  };
};

export type CaseView = Awaited<ReturnType<typeof caseView>>;

/** The team's open cases (intake list) or the actor's own, filtered in SQL and confirmed by the policy. */
export const visibleCases = async (
  ctx: CommandContext,
  tx: Tx,
  filter: { mine: boolean; limit: number },
) => {
  const rows = filter.mine
    ? await listCasesOwnedBy(tx, ctx.actor.userId, filter.limit)
    : await listOpenCasesInUnits(tx, await unitsWhereActorMay(ctx, tx, 'case.read'), filter.limit);
  return rows
    .filter((row) => can(ctx.actor, 'case.read', caseResource(row), ctx.now()).allowed)
    .map((row) => presentCaseSummary(row, viewer(ctx)));
};

export const listCases = (ctx: CommandContext, filter: { mine: boolean; limit: number }) =>
  runAudited(ctx, async (tx) => {
    const visible = await visibleCases(ctx, tx, filter);
    await auditOrganisationEvent(ctx, tx, {
      type: 'case.listed',
      reason: filter.mine ? 'cases.mine' : 'cases.intake_list',
      details: { count: visible.length, ...shownPersons(visible.map((row) => row.person.id)) },
    });
    return visible;
  });

/** Moves a case to its next stage, with who, when and why; refuses illegal moves with a clear message. */
export const changeStage = (
  ctx: CommandContext,
  caseId: string,
  input: { to: Stage; reason: string | null; goal: GoalAttainment | null; version: number },
) =>
  runAudited(ctx, async (tx) => {
    const { record, decision } = await loadCaseFor(ctx, tx, caseId, 'case.write', {
      audit: 'case.stage_changed',
      reads: 'caseHistory',
    });
    const plan = planTransition({
      from: record.stage as Stage,
      to: input.to,
      type: record.type as CaseType,
      reason: input.reason,
      childrenAnswer: record.childrenAnswer,
      goal: input.goal,
    });
    if (!plan.ok) throw ruleViolation(plan.code, plan.message);
    // A case is not closed while a signed risk assessment lacks a plan or a reasoned "no measures".
    if (plan.to === 'closed' && (await assessmentsWithoutFollowThrough(tx, caseId)).length > 0)
      throw ruleViolation(
        'plan.missing',
        'Ärendet har en signerad riskbedömning utan skydds- och åtgärdsplan. Gör planen, eller skriv varför inga åtgärder behövs, innan ärendet avslutas.',
      );
    const now = ctx.now();
    await updateCaseOrConflict(tx, caseId, input.version, {
      stage: plan.to,
      closedAt: plan.to === 'closed' ? now : null,
    });
    await insertTransition(tx, {
      organisationId: ctx.actor.organisationId,
      caseId,
      fromStage: record.stage as Stage,
      toStage: plan.to,
      reasonEnc: plan.reason ? encryptField(ctx.keys, transitionReasonContext, plan.reason) : null,
      decidedBy: ctx.actor.userId,
      decidedAt: now,
      goalAttainment: plan.goal,
    });
    await auditPersonEvent(ctx, tx, {
      type: 'case.stage_changed',
      personId: record.personId,
      reason: decision.reason,
      breakGlassId: decision.breakGlassId,
      details: { caseId, from: record.stage, to: plan.to },
    });
    return presentCaseSummary((await findCase(tx, caseId))!, viewer(ctx));
  });

/** Gives a case a new owner, unless that would put one worker on both sides of linked cases. */
export const assignOwner = (
  ctx: CommandContext,
  caseId: string,
  input: { ownerUserId: string | null; version: number },
) =>
  runAudited(ctx, async (tx) => {
    const { record, decision } = await loadCaseFor(ctx, tx, caseId, 'case.write', {
      audit: 'case.owner_changed',
      reads: 'caseHistory',
    });
    const separation = checkHandlerSeparation(
      { type: record.type as CaseType, ownerUserId: input.ownerUserId },
      await linkedFacts(tx, caseId),
    );
    if (!separation.ok) throw ruleViolation(separation.code, separation.message);
    await updateCaseOrConflict(tx, caseId, input.version, {
      ownerUserId: input.ownerUserId,
    });
    await auditPersonEvent(ctx, tx, {
      type: 'case.owner_changed',
      personId: record.personId,
      reason: decision.reason,
      details: { caseId },
    });
    return presentCaseSummary((await findCase(tx, caseId))!, viewer(ctx));
  });

/** Links two cases of one household; refused if it would give one worker both sides. */
export const linkCases = (
  ctx: CommandContext,
  caseId: string,
  input: { linkedCaseId: string; kind: LinkKind },
) =>
  runAudited(ctx, async (tx) => {
    const { record, decision } = await loadCaseFor(ctx, tx, caseId, 'case.write', {
      audit: 'case.linked',
      reads: 'caseHistory',
    });
    // The other case need not be readable by the actor (it may be behind internal secrecy);
    // it must exist in the organisation, which row-level security already ensures.
    const other = await findCase(tx, input.linkedCaseId);
    if (!other || other.id === record.id)
      throw new DomainError('validation.invalid', {
        fields: [
          { path: 'body.linkedCaseId', message: 'Ärendet att länka finns inte.', code: 'notAnId' },
        ],
      });
    const existing = await listLinks(tx, caseId);
    if (existing.some((link) => link.linkedCaseId === other.id))
      throw ruleViolation('case.already_linked', 'Ärendena är redan länkade.');
    const subject = { type: record.type as CaseType, ownerUserId: record.ownerUserId };
    const separation = checkHandlerSeparation(subject, [
      ...(await linkedFacts(tx, caseId)),
      { caseId: other.id, type: other.type as CaseType, ownerUserId: other.ownerUserId },
    ]);
    if (!separation.ok) throw ruleViolation(separation.code, separation.message);
    await insertLink(tx, {
      organisationId: ctx.actor.organisationId,
      caseId,
      linkedCaseId: other.id,
      kind: input.kind,
      createdBy: ctx.actor.userId,
      createdAt: ctx.now(),
    });
    await auditPersonEvent(ctx, tx, {
      type: 'case.linked',
      personId: record.personId,
      reason: decision.reason,
      // The other case's id stays out: the log review of this area must not point across.
      details: { caseId, kind: input.kind },
    });
    return { ok: true as const };
  });

/** Records the answer to "are there children in the household?" for an adult case. */
export const answerChildren = (
  ctx: CommandContext,
  caseId: string,
  input: { answer: ChildrenAnswer; version: number },
) =>
  runAudited(ctx, async (tx) => {
    const { record, decision } = await loadCaseFor(ctx, tx, caseId, 'case.write', {
      audit: 'case.children_answered',
      reads: 'caseHistory',
    });
    if (record.type === 'childExposed')
      throw ruleViolation(
        'case.children_not_applicable',
        'Frågan om barn i hushållet gäller vuxnas ärenden.',
      );
    await updateCaseOrConflict(tx, caseId, input.version, {
      childrenAnswer: input.answer,
    });
    await auditPersonEvent(ctx, tx, {
      type: 'case.children_answered',
      personId: record.personId,
      reason: decision.reason,
      details: { caseId, answer: input.answer },
    });
    return presentCaseSummary((await findCase(tx, caseId))!, viewer(ctx));
  });
