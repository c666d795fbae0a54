import { swedishDate } from '../../../domain/calendar';
import {
  checkEventDate,
  triggersReassessment,
  type CaseEventKind,
  type EventSource,
} from '../../../domain/cases/events';
import { DomainError } from '../../../domain/errors';
import { encryptField } from '../../platform/crypto/field-encryption';
import type { CommandContext } from '../../platform/http/context';
import { eventDescriptionContext } from './case.presenter';
import { insertCaseEvent } from './case.repository';
import { insertTask } from './task.repository';
import { reassessmentFor } from '../../../domain/cases/tasks';
import { loadCaseFor } from '../../platform/runtime/case-access';
import { auditPersonEvent, runAudited } from '../../platform/runtime/person-access';

/** Adds a dated event to a case's timeline, with its source; says whether it changes the risk. */
export const recordCaseEvent = (
  ctx: CommandContext,
  caseId: string,
  input: {
    kind: CaseEventKind;
    occurredOn: string;
    source: EventSource;
    description: string | null;
  },
) =>
  runAudited(ctx, async (tx) => {
    const today = swedishDate(ctx.now());
    const date = checkEventDate(input.occurredOn, today);
    if (!date.ok)
      throw new DomainError('validation.invalid', {
        fields: [{ path: 'body.occurredOn', message: date.message, code: date.code }],
      });
    const { record, decision } = await loadCaseFor(ctx, tx, caseId, 'case.write', {
      audit: 'case.event_recorded',
      reads: 'caseHistory',
    });
    const { id } = await insertCaseEvent(tx, {
      organisationId: ctx.actor.organisationId,
      caseId,
      kind: input.kind,
      occurredOn: input.occurredOn,
      source: input.source,
      descriptionEnc: input.description
        ? encryptField(ctx.keys, eventDescriptionContext, input.description)
        : null,
      recordedBy: ctx.actor.userId,
      recordedAt: ctx.now(),
    });
    // An event that changes the risk puts a reassessment on the owner's list at once.
    const reassessment = reassessmentFor(input.kind, input.occurredOn, today);
    if (reassessment)
      await insertTask(tx, {
        organisationId: ctx.actor.organisationId,
        caseId,
        kind: reassessment.kind,
        noteEnc: null,
        assigneeUserId: record.ownerUserId,
        dueOn: reassessment.dueOn,
        sourceEventId: id,
        createdBy: ctx.actor.userId,
        createdAt: ctx.now(),
      });
    await auditPersonEvent(ctx, tx, {
      type: 'case.event_recorded',
      personId: record.personId,
      reason: decision.reason,
      details: { caseId, kind: input.kind },
    });
    return {
      id,
      triggersReassessment: triggersReassessment(input.kind),
      reassessmentDueOn: reassessment?.dueOn ?? null,
    };
  });
