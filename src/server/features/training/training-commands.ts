import { can } from '../../../domain/access/policy';
import { roles } from '../../../domain/access/roles';
import { initialStage, type ChildrenAnswer, type Stage } from '../../../domain/cases/stages';
import type { CaseType } from '../../../domain/cases/catalogues';
import { DomainError, invalidFields, ruleViolation } from '../../../domain/errors';
import { stepStatus } from '../../../domain/training/feedback';
import { encryptField } from '../../platform/crypto/field-encryption';
import type { CommandContext } from '../../platform/http/context';
import { caseResource, presentCaseSummary, transitionReasonContext } from '../cases/case.presenter';
import {
  findCase,
  insertOpenedCase,
  insertTransition,
  listPracticeCasesOwnedBy,
} from '../cases/case.repository';
import { insertPerson } from '../persons/person.repository';
import { practiceFacts } from './training.repository';
import { updateCaseOrConflict, viewer } from '../cases/case-commands';
import { loadCaseFor } from '../../platform/runtime/case-access';
import {
  auditOrganisationEvent,
  auditPersonEvent,
  runAudited,
} from '../../platform/runtime/person-access';

/**
 * Starts a practice case from a scenario: an invented person and a case in the worker's own
 * unit, both marked as practice, owned by the worker. Practice cases are left out of every
 * statistic and marked wherever they are shown.
 */
export const startPractice = (
  ctx: CommandContext,
  scenarioId: string,
  activeUnitId: string | null,
) =>
  runAudited(ctx, async (tx) => {
    const scenario = ctx.scenarios.scenarios.find((entry) => entry.id === scenarioId);
    if (!scenario)
      throw invalidFields([
        { field: 'scenarioId', message: 'Välj en övning ur listan.', code: 'notAnId' },
      ]);
    // The worker's own unit — the one they work in now, if they handle cases there — never a
    // neighbour in the same secrecy area.
    const handles = ctx.actor.roles
      .filter((grant) => roles[grant.role].actions.includes('case.write'))
      .map((grant) => grant.unitId);
    const unitId = handles.find((id) => id === activeUnitId) ?? handles[0];
    if (!unitId)
      throw new DomainError('access.denied', {
        reason: 'access.role_lacks_action',
        message: 'Övningsärenden öppnas av den som handlägger ärenden.',
      });
    const now = ctx.now();
    const person = await insertPerson(tx, {
      organisationId: ctx.actor.organisationId,
      unitId,
      givenName: scenario.person.givenName,
      familyName: scenario.person.familyName,
      protectionLevel: 'none',
      fictitious: true,
      practice: true,
      updatedAt: now,
    });
    const { id } = await insertOpenedCase(tx, {
      organisationId: ctx.actor.organisationId,
      unitId,
      personId: person.id,
      type: scenario.caseType as CaseType,
      hrv: scenario.hrv,
      practice: true,
      practiceScenarioId: scenario.id,
      childrenAnswer: scenario.childrenAnswer as ChildrenAnswer | null,
      stage: initialStage,
      ownerUserId: ctx.actor.userId,
      openedAt: now,
      createdBy: ctx.actor.userId,
    });
    await auditPersonEvent(ctx, tx, {
      type: 'case.opened',
      personId: person.id,
      reason: 'training.practice',
      details: { caseId: id, scenario: scenario.id, practice: true },
    });
    return { id };
  });

/**
 * The worker's own practice cases with feedback: for each step of the scenario, whether the
 * case shows it done, not yet, or whether it is a step to reflect on. Each case is confirmed by
 * the policy before it is shown.
 */
export const listMyPractice = (ctx: CommandContext) =>
  runAudited(ctx, async (tx) => {
    const now = ctx.now();
    const records = (await listPracticeCasesOwnedBy(tx, ctx.actor.userId, 50)).filter(
      (record) => can(ctx.actor, 'case.read', caseResource(record), now).allowed,
    );
    const facts = await practiceFacts(
      tx,
      records.map((record) => record.id),
    );
    const practices = records.map((record) => {
      const scenario = ctx.scenarios.scenarios.find(
        (entry) => entry.id === record.practiceScenarioId,
      );
      return {
        case: presentCaseSummary(record, viewer(ctx)),
        scenario: scenario ? { id: scenario.id, title: scenario.title } : null,
        steps: (scenario?.practise ?? []).map((step) => ({
          text: step.text,
          status: stepStatus(step.checks, facts.get(record.id)!),
        })),
      };
    });
    await auditOrganisationEvent(ctx, tx, {
      type: 'training.practice_listed',
      reason: 'training.own_practice',
      details: { cases: practices.length },
    });
    return { practices };
  });

/**
 * Ends a practice: the case is closed with the reason "practice ended", whatever its stage —
 * the stage rules guard real people's cases, and this is nobody's. A real case is refused.
 */
export const endPractice = (ctx: CommandContext, caseId: string, version: number) =>
  runAudited(ctx, async (tx) => {
    const { record, decision } = await loadCaseFor(ctx, tx, caseId, 'case.write', {
      audit: 'training.practice_ended',
      reads: 'caseHistory',
    });
    if (!record.practice)
      throw ruleViolation(
        'training.not_practice',
        'Det här är ett riktigt ärende. Det avslutas på ärendets sida, med skäl.',
      );
    if (record.stage === 'closed')
      throw ruleViolation('training.already_ended', 'Övningen är redan avslutad.');
    const now = ctx.now();
    await updateCaseOrConflict(tx, caseId, version, { stage: 'closed', closedAt: now });
    await insertTransition(tx, {
      organisationId: ctx.actor.organisationId,
      caseId,
      fromStage: record.stage as Stage,
      toStage: 'closed',
      reasonEnc: encryptField(ctx.keys, transitionReasonContext, 'Övningen avslutad'),
      decidedBy: ctx.actor.userId,
      decidedAt: now,
    });
    await auditPersonEvent(ctx, tx, {
      type: 'training.practice_ended',
      personId: record.personId,
      reason: decision.reason,
      details: { caseId, from: record.stage },
    });
    return presentCaseSummary((await findCase(tx, caseId))!, viewer(ctx));
  });
