import { taskState, type TaskKind } from '../../../domain/cases/tasks';
import { decryptField, type KeyRing } from '../../platform/crypto/field-encryption';
import type { HandoverRecord, TaskRecord } from './task.repository';

export const taskNoteContext = 'case_tasks.note';
export const handoverSummaryContext = 'case_handovers.summary';

export const presentTask = (task: TaskRecord, keys: KeyRing, today: string) => ({
  id: task.id,
  caseId: task.caseId,
  kind: task.kind as TaskKind,
  note: task.noteEnc ? decryptField(keys, taskNoteContext, task.noteEnc) : null,
  dueOn: task.dueOn,
  state: taskState(task, today),
  assigneeUserId: task.assigneeUserId,
  assigneeName: task.assigneeName,
  fromEvent: task.sourceEventId !== null,
  version: task.version,
});

export const presentHandover = (handover: HandoverRecord, keys: KeyRing) => ({
  id: handover.id,
  caseId: handover.caseId,
  toUserId: handover.toUserId,
  toName: handover.toName,
  summary: decryptField(keys, handoverSummaryContext, handover.summaryEnc),
  proposedBy: handover.proposedByName,
  proposedAt: handover.proposedAt.toISOString(),
});
