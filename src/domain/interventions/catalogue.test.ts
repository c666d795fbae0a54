import { describe, expect, it } from 'vitest';
import { checkGrant, checkInterventionType, defaultDelegation } from './catalogue';

const today = '2026-11-25';
const grant = { grantedSessions: 10, decidedOn: today, goals: ['Att kunna sova på nätterna'] };

describe('the intervention catalogue and its decisions', () => {
  it('asks for a local name and a sensible dose', () => {
    const type = {
      name: 'Stödsamtal för våldsutsatta',
      target: 'victim' as const,
      eligibility: 'decision' as const,
      provider: 'ownUnit' as const,
      defaultSessions: 10,
      defaultWeeks: 12,
      groupBased: false,
    };
    expect(checkInterventionType(type)).toEqual([]);
    expect(
      checkInterventionType({ ...type, name: 'X', defaultSessions: 0, defaultWeeks: 0 }),
    ).toEqual([
      expect.objectContaining({ field: 'name' }),
      expect.objectContaining({ field: 'defaultSessions' }),
      expect.objectContaining({ field: 'defaultWeeks' }),
    ]);
  });

  it('lets only a delegated role decide an intervention that needs a decision', () => {
    const context = { eligibility: 'decision' as const, delegation: defaultDelegation, today };
    expect(checkGrant(grant, { ...context, deciderRoles: ['caseWorker'] })).toEqual([]);
    expect(checkGrant(grant, { ...context, deciderRoles: ['therapist'] })).toEqual([
      expect.objectContaining({
        field: 'decidedOn',
        message: expect.stringContaining('delegation'),
      }),
    ]);
    // A low-threshold intervention needs no decision: anyone who works with the case may start it.
    expect(
      checkGrant(grant, { ...context, eligibility: 'lowThreshold', deciderRoles: ['therapist'] }),
    ).toEqual([]);
  });

  it('needs a goal set with the client and a number of sessions', () => {
    const context = {
      eligibility: 'decision' as const,
      delegation: defaultDelegation,
      deciderRoles: ['teamLeader'],
      today,
    };
    expect(checkGrant({ ...grant, goals: ['  '], grantedSessions: 0 }, context)).toEqual([
      expect.objectContaining({ field: 'grantedSessions' }),
      expect.objectContaining({ field: 'goals' }),
    ]);
    expect(checkGrant({ ...grant, decidedOn: '2026-12-01' }, context)).toEqual([
      expect.objectContaining({ field: 'decidedOn' }),
    ]);
  });
});
