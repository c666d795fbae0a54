import { swedishDate } from '../../../domain/calendar';
import { checkDueDate, type TaskKind } from '../../../domain/cases/tasks';
import { DomainError, staleVersion } from '../../../domain/errors';
import { encryptField } from '../../platform/crypto/field-encryption';
import type { CommandContext } from '../../platform/http/context';
import { presentTask, taskNoteContext } from './task.presenter';
import { findTask, insertTask, markTaskDoneIfVersion } from './task.repository';
import { loadCaseFor } from '../../platform/runtime/case-access';
import { maySeeCase } from './case-handover';
import { auditPersonEvent, runAudited } from '../../platform/runtime/person-access';

/** Adds a task with a last day to a case; it goes to the named colleague or the case owner. */
export const addTask = (
  ctx: CommandContext,
  caseId: string,
  input: { kind: TaskKind; note: string | null; dueOn: string; assigneeUserId: string | null },
) =>
  runAudited(ctx, async (tx) => {
    const today = swedishDate(ctx.now());
    const due = checkDueDate(input.dueOn, today);
    if (!due.ok)
      throw new DomainError('validation.invalid', {
        fields: [{ path: 'body.dueOn', message: due.message, code: due.code }],
      });
    const { record, decision } = await loadCaseFor(ctx, tx, caseId, 'case.write', {
      audit: 'case.task_added',
      reads: 'caseHistory',
    });
    if (input.assigneeUserId && !(await maySeeCase(ctx, tx, record, input.assigneeUserId)))
      throw new DomainError('validation.invalid', {
        fields: [
          {
            path: 'body.assigneeUserId',
            message: 'Den du valde kan inte se ärendet. Välj någon i ärendets enhet.',
            code: 'notInCaseUnit',
          },
        ],
      });
    const { id } = await insertTask(tx, {
      organisationId: ctx.actor.organisationId,
      caseId,
      kind: input.kind,
      noteEnc: input.note ? encryptField(ctx.keys, taskNoteContext, input.note) : null,
      assigneeUserId: input.assigneeUserId ?? record.ownerUserId,
      dueOn: input.dueOn,
      sourceEventId: null,
      createdBy: ctx.actor.userId,
      createdAt: ctx.now(),
    });
    await auditPersonEvent(ctx, tx, {
      type: 'case.task_added',
      personId: record.personId,
      reason: decision.reason,
      details: { caseId, taskId: id, kind: input.kind },
    });
    return presentTask((await findTask(tx, id))!, ctx.keys, today);
  });

/** Marks a task done; anyone who may write the case may, so a colleague can cover a sick day. */
export const completeTask = (ctx: CommandContext, taskId: string, input: { version: number }) =>
  runAudited(ctx, async (tx) => {
    const task = await findTask(tx, taskId);
    if (!task)
      throw new DomainError('not_found', {
        message: 'Uppgiften finns inte eller är inte synlig för dig.',
      });
    const { record, decision } = await loadCaseFor(ctx, tx, task.caseId, 'case.write', {
      audit: 'case.task_done',
      reads: 'caseHistory',
    });
    const done = await markTaskDoneIfVersion(tx, taskId, input.version, {
      doneAt: ctx.now(),
      doneBy: ctx.actor.userId,
    });
    if (!done) throw staleVersion('Uppgiften har ändrats eller är redan klar. Läs in sidan igen.');
    await auditPersonEvent(ctx, tx, {
      type: 'case.task_done',
      personId: record.personId,
      reason: decision.reason,
      details: { caseId: task.caseId, taskId },
    });
    return presentTask((await findTask(tx, taskId))!, ctx.keys, swedishDate(ctx.now()));
  });
