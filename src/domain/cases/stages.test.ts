import { describe, expect, it } from 'vitest';
import { nextStages, planTransition } from './stages';

describe('case stages', () => {
  it('sends a child case through förhandsbedömning, never straight to investigation', () => {
    expect(
      planTransition({ from: 'intake', to: 'investigation', type: 'childExposed', reason: null }),
    ).toMatchObject({
      ok: false,
      code: 'case.transition_not_allowed',
      message: expect.stringContaining('Förhandsbedömning'),
    });
    expect(
      planTransition({
        from: 'intake',
        to: 'preliminaryAssessment',
        type: 'childExposed',
        reason: null,
      }),
    ).toEqual({ ok: true, to: 'preliminaryAssessment', reason: null, goal: null });
  });

  it('gives adults no förhandsbedömning', () => {
    expect(nextStages('intake', 'adultVictim').map((next) => next.to)).toEqual([
      'investigation',
      'service',
      'closed',
    ]);
  });

  it('requires a reason for not opening an investigation after a förhandsbedömning', () => {
    expect(
      planTransition({
        from: 'preliminaryAssessment',
        to: 'closed',
        type: 'childExposed',
        reason: '',
      }),
    ).toMatchObject({ ok: false, code: 'case.reason_required' });
    expect(
      planTransition({
        from: 'preliminaryAssessment',
        to: 'closed',
        type: 'childExposed',
        reason: 'Ingen oro kvarstår efter samtal',
      }),
    ).toMatchObject({ ok: true });
  });

  it('refuses to skip the decision between investigation and intervention, and explains the options', () => {
    const plan = planTransition({
      from: 'investigation',
      to: 'intervention',
      type: 'adultVictim',
      reason: null,
    });
    expect(plan).toEqual({
      ok: false,
      code: 'case.transition_not_allowed',
      message:
        'Ett ärende i steget Utredning kan inte gå till Insats. Möjliga steg: Beslut, Avslutat.',
    });
  });

  it('converts råd och service to an investigation only with a reason', () => {
    expect(
      planTransition({ from: 'service', to: 'investigation', type: 'perpetrator', reason: null }),
    ).toMatchObject({ ok: false, code: 'case.reason_required' });
    expect(
      planTransition({
        from: 'service',
        to: 'investigation',
        type: 'perpetrator',
        reason: 'Barn i hushållet, behov av skydd',
      }),
    ).toMatchObject({ ok: true });
  });

  it('asks how the goal went when a case closes after interventions, and only then', () => {
    const closing = {
      to: 'closed',
      type: 'adultVictim',
      reason: 'Målen är nådda enligt planen.',
    } as const;
    expect(planTransition({ ...closing, from: 'followUp' })).toMatchObject({
      ok: false,
      code: 'case.goal_required',
    });
    expect(planTransition({ ...closing, from: 'intervention', goal: 'partlyReached' })).toEqual({
      ok: true,
      to: 'closed',
      reason: closing.reason,
      goal: 'partlyReached',
    });
    // Closing an investigation that led nowhere has no goal to judge; a stray answer is dropped.
    expect(planTransition({ ...closing, from: 'investigation', goal: 'reached' })).toMatchObject({
      ok: true,
      goal: null,
    });
    expect(nextStages('followUp', 'perpetrator')).toContainEqual({
      to: 'closed',
      needsReason: true,
      needsGoal: true,
    });
  });

  it('will not let an adult case leave intake until someone has asked about children', () => {
    expect(
      planTransition({ from: 'intake', to: 'investigation', type: 'adultVictim', reason: null }),
    ).toMatchObject({ ok: false, code: 'case.children_unanswered' });
    expect(
      planTransition({
        from: 'intake',
        to: 'service',
        type: 'perpetrator',
        reason: null,
        childrenAnswer: 'unknown',
      }),
    ).toMatchObject({ ok: true });
    expect(
      planTransition({
        from: 'intake',
        to: 'preliminaryAssessment',
        type: 'childExposed',
        reason: null,
      }),
    ).toMatchObject({ ok: true });
  });
});
