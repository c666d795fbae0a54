import { swedishDate } from '../../../domain/calendar';
import { consentCovers } from '../../../domain/collaboration/consent';
import { checkSip, type SipDraft } from '../../../domain/collaboration/sip';
import { DomainError, staleVersion } from '../../../domain/errors';
import { ageOn } from '../../../domain/identity/personal-identity';
import { encryptField } from '../../platform/crypto/field-encryption';
import type { Tx } from '../../platform/db/transaction';
import type { CommandContext } from '../../platform/http/context';
import { presentSip, sipContext } from './collaboration.presenter';
import { taskNoteContext } from '../cases/task.presenter';
import { listConsents } from './collaboration.repository';
import {
  findSipPlan,
  insertSipCommitment,
  insertSipPlan,
  listSipCommitments,
  updateSipPlanIfVersion,
  type SipPlanRecord,
} from './sip.repository';
import { insertTask } from '../cases/task.repository';
import { loadCaseFor } from '../../platform/runtime/case-access';
import { asConsentRecord } from './consent-commands';
import { referencedRecipients } from './recipients';
import { auditPersonEvent, runAudited } from '../../platform/runtime/person-access';

const present = async (ctx: CommandContext, tx: Tx, plan: SipPlanRecord) =>
  presentSip(plan, await listSipCommitments(tx, plan.id), ctx.keys);

/** The case's SIP, or null when there is none. */
export const readSip = (ctx: CommandContext, caseId: string) =>
  runAudited(ctx, async (tx) => {
    const { record, decision } = await loadCaseFor(ctx, tx, caseId, 'case.read', {
      audit: 'sip.read',
      reads: 'caseHistory',
    });
    const plan = await findSipPlan(tx, caseId);
    await auditPersonEvent(ctx, tx, {
      type: 'sip.read',
      personId: record.personId,
      reason: decision.reason,
      breakGlassId: decision.breakGlassId,
      details: { caseId },
    });
    return plan ? await present(ctx, tx, plan) : null;
  });

/**
 * Creates or updates the SIP. Every participating agency must be covered by the person's
 * consent (a SIP rests on it); the follow-up becomes a task for the case owner.
 */
export const saveSip = (
  ctx: CommandContext,
  caseId: string,
  input: SipDraft & { version: number },
) =>
  runAudited(ctx, async (tx) => {
    const { record, decision } = await loadCaseFor(ctx, tx, caseId, 'case.write', {
      audit: 'sip.saved',
      reads: 'caseHistory',
      passesOn: true,
    });
    const today = swedishDate(ctx.now());
    const participants = await referencedRecipients(ctx, tx, input.participants, 'participants');
    // The coordinator is named as one of the participants: by the name the directory gives it.
    const coordinatorAt = input.participants.findIndex(
      (participant) => participant.label.trim() === input.coordinatorAgency.trim(),
    );
    const coordinatorAgency = participants[coordinatorAt]?.label ?? input.coordinatorAgency;
    const consents = (await listConsents(tx, record.personId)).map(asConsentRecord);
    const answers = participants.map((participant) => ({
      participant,
      answer: consentCovers(consents, {
        recipient: participant,
        categories: [],
        today,
        subjectAge: ageOn(record.personalNumber, today),
        custodianCount: 0,
      }),
    }));
    const problems = checkSip(
      { ...input, participants, coordinatorAgency },
      {
        today,
        consentMissingFor: answers
          .filter((entry) => !entry.answer.covered)
          .map((entry) => entry.participant.label),
      },
    );
    if (problems.length)
      throw new DomainError('validation.invalid', {
        fields: problems.map(({ field, ...issue }) => ({ path: `body.${field}`, ...issue })),
      });
    const consentIds = answers.flatMap((entry) =>
      entry.answer.covered ? entry.answer.consentIds : [],
    );
    const existing = await findSipPlan(tx, caseId);
    const values = {
      participants: JSON.stringify(participants),
      coordinatorAgency,
      goalEnc: encryptField(ctx.keys, sipContext.goal, input.goal.trim()),
      followUpOn: input.followUpOn,
      consentIds: [...new Set(consentIds)],
      updatedBy: ctx.actor.userId,
      updatedAt: ctx.now(),
    };
    if (existing) {
      const done = await updateSipPlanIfVersion(tx, existing.id, input.version, values);
      if (!done) throw staleVersion('Planen har ändrats av någon annan. Läs in sidan igen.');
    } else {
      await insertSipPlan(tx, { ...values, organisationId: ctx.actor.organisationId, caseId });
    }
    if (!existing || existing.followUpOnText !== input.followUpOn)
      await insertTask(tx, {
        organisationId: ctx.actor.organisationId,
        caseId,
        kind: 'followUp',
        noteEnc: encryptField(
          ctx.keys,
          taskNoteContext,
          `Följ upp SIP med ${participants.map((p) => p.label).join(', ')}`,
        ),
        assigneeUserId: record.ownerUserId,
        dueOn: input.followUpOn,
        sourceEventId: null,
        createdBy: ctx.actor.userId,
        createdAt: ctx.now(),
      });
    await auditPersonEvent(ctx, tx, {
      type: 'sip.saved',
      personId: record.personId,
      reason: decision.reason,
      details: { caseId, participants: participants.length },
    });
    return present(ctx, tx, (await findSipPlan(tx, caseId))!);
  });

/** One agency's commitment in the SIP, with a last day. */
export const addSipCommitment = (
  ctx: CommandContext,
  caseId: string,
  input: { agency: string; what: string; dueOn: string },
) =>
  runAudited(ctx, async (tx) => {
    const { record, decision } = await loadCaseFor(ctx, tx, caseId, 'case.write', {
      audit: 'sip.saved',
      reads: 'caseHistory',
    });
    const plan = await findSipPlan(tx, caseId);
    if (!plan)
      throw new DomainError('rule.violation', {
        reason: 'sip.missing',
        message: 'Gör planen först: deltagare, samordnare, mål och uppföljning.',
      });
    const fields = [
      ...(plan.participants.some((participant) => participant.label === input.agency)
        ? []
        : [
            {
              path: 'body.agency',
              message: 'Välj en av de deltagande verksamheterna.',
              code: 'notAChoice' as const,
            },
          ]),
      ...(input.what.trim().length < 5
        ? [{ path: 'body.what', message: 'Skriv vad som ska göras.', code: 'required' as const }]
        : []),
      ...(input.dueOn < swedishDate(ctx.now())
        ? [
            {
              path: 'body.dueOn',
              message: 'Sista dag har redan passerat.',
              code: 'dateInPast' as const,
            },
          ]
        : []),
    ];
    if (fields.length) throw new DomainError('validation.invalid', { fields });
    await insertSipCommitment(tx, {
      organisationId: ctx.actor.organisationId,
      planId: plan.id,
      agency: input.agency,
      whatEnc: encryptField(ctx.keys, sipContext.what, input.what.trim()),
      dueOn: input.dueOn,
    });
    await auditPersonEvent(ctx, tx, {
      type: 'sip.saved',
      personId: record.personId,
      reason: decision.reason,
      details: { caseId, commitment: true },
    });
    return present(ctx, tx, plan);
  });
