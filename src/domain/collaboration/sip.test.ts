import { describe, expect, it } from 'vitest';
import { checkSip } from './sip';

const draft = {
  participants: [
    { kind: 'internal' as const, organisationId: null, unitId: null, label: 'Socialtjänsten' },
    { kind: 'healthCare' as const, organisationId: null, unitId: null, label: 'Vårdcentralen' },
  ],
  coordinatorAgency: 'Socialtjänsten',
  goal: 'Att hon ska känna sig trygg i sitt nya boende.',
  followUpOn: '2026-12-15',
};

describe('SIP', () => {
  it('accepts two agencies with a coordinator among them, a goal, a follow-up and consent', () => {
    expect(checkSip(draft, { today: '2026-11-25', consentMissingFor: [] })).toEqual([]);
  });

  it('refuses one agency, an outside coordinator, a past follow-up and a missing consent', () => {
    const problems = checkSip(
      {
        ...draft,
        participants: draft.participants.slice(0, 1),
        coordinatorAgency: 'Polisen',
        followUpOn: '2026-11-01',
      },
      { today: '2026-11-25', consentMissingFor: ['Vårdcentralen'] },
    );
    expect(problems.map((problem) => problem.field)).toEqual([
      'participants',
      'coordinatorAgency',
      'followUpOn',
      'participants',
    ]);
    expect(problems[3]!.message).toContain('Vårdcentralen');
  });
});
