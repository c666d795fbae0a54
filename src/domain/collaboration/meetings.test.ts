import { describe, expect, it } from 'vitest';
import { checkActionDue, checkMeetingItem, isRepeat, pseudonymFor } from './meetings';

describe('collaboration meetings', () => {
  it('flags a case brought again within twelve months of the last meeting, not after', () => {
    expect(isRepeat(['2026-01-15'], '2026-11-25')).toBe(true);
    expect(isRepeat(['2025-11-24'], '2026-11-25')).toBe(false);
    expect(isRepeat(['2025-11-25'], '2026-11-25')).toBe(true);
    expect(isRepeat([], '2026-11-25')).toBe(false);
    expect(isRepeat(['2026-11-25'], '2026-11-25')).toBe(false);
  });

  it('needs a criterion and a rationale that says something', () => {
    expect(checkMeetingItem({ criteria: [], rationale: 'kort' }).map((p) => p.field)).toEqual([
      'criteria',
      'rationale',
    ]);
    expect(
      checkMeetingItem({
        criteria: ['professionalJudgement'],
        rationale: 'Han har hotat att döda henne om hon flyttar.',
      }),
    ).toEqual([]);
  });

  it('names cases without names in order, and keeps deadlines after the meeting', () => {
    expect(pseudonymFor(2)).toBe('Ärende 2');
    expect(checkActionDue('2026-11-24', '2026-11-25')).toMatchObject({ ok: false });
    expect(checkActionDue('2026-11-25', '2026-11-25')).toEqual({ ok: true });
  });
});

describe('Barnahus consultations', () => {
  it('take only a child’s case, and flag an action past its last day until it is done', async () => {
    const { actionOverdue, caseFitsMeeting } = await import('./meetings');
    expect(caseFitsMeeting('barnahusConsultation', 'childExposed')).toBe(true);
    expect(caseFitsMeeting('barnahusConsultation', 'adultVictim')).toBe(false);
    expect(caseFitsMeeting('collaboration', 'adultVictim')).toBe(true);
    expect(actionOverdue({ dueOn: '2026-11-24', done: false }, '2026-11-25')).toBe(true);
    expect(actionOverdue({ dueOn: '2026-11-24', done: true }, '2026-11-25')).toBe(false);
    expect(actionOverdue({ dueOn: '2026-11-25', done: false }, '2026-11-25')).toBe(false);
  });
});
