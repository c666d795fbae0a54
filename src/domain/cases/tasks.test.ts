import { describe, expect, it } from 'vitest';
import { caseEventKinds } from './events';
import { checkDueDate, reassessmentFor, taskState } from './tasks';

describe('reassessment tasks from events', () => {
  it('every event that changes the risk leads to a reassessment, and no other event does', () => {
    for (const event of caseEventKinds) {
      const task = reassessmentFor(event.code, '2026-11-20', '2026-11-20');
      expect(task !== null, event.code).toBe(event.triggersReassessment);
    }
  });

  it('a release from custody is due the same day, a separation within three days', () => {
    expect(reassessmentFor('releaseFromCustody', '2026-11-20', '2026-11-20')?.dueOn).toBe(
      '2026-11-20',
    );
    expect(reassessmentFor('separation', '2026-11-20', '2026-11-20')?.dueOn).toBe('2026-11-23');
  });

  it('an event registered late is counted from today, so the task is never born overdue', () => {
    expect(reassessmentFor('noticeOfSuspicion', '2026-11-01', '2026-11-20')?.dueOn).toBe(
      '2026-11-21',
    );
  });

  it('crosses month and year ends', () => {
    expect(reassessmentFor('separation', '2026-12-30', '2026-12-30')?.dueOn).toBe('2027-01-02');
  });
});

describe('task state', () => {
  it('is open on the due date, overdue the day after, done once done', () => {
    expect(taskState({ dueOn: '2026-11-20', doneAt: null }, '2026-11-20')).toBe('open');
    expect(taskState({ dueOn: '2026-11-20', doneAt: null }, '2026-11-21')).toBe('overdue');
    expect(taskState({ dueOn: '2026-11-20', doneAt: new Date() }, '2026-11-25')).toBe('done');
  });

  it('refuses a due date in the past', () => {
    expect(checkDueDate('2026-11-19', '2026-11-20').ok).toBe(false);
    expect(checkDueDate('2026-11-20', '2026-11-20').ok).toBe(true);
  });
});
