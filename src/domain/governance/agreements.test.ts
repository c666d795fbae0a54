import { describe, expect, it } from 'vitest';
import { checkAgreement, reviewState } from './agreements';

describe('the agreement register', () => {
  it('asks an active agreement for a review date, after it was signed', () => {
    const draft = {
      title: 'Samverkansavtal med kvinnojouren',
      parties: ['Kvinnojouren Övningsby'],
      partnerKinds: ['shelter' as const],
      status: 'active' as const,
      signedOn: '2026-01-15',
      reviewOn: null,
      usedInPractice: 'yes' as const,
    };
    expect(checkAgreement(draft).map((problem) => problem.field)).toEqual(['reviewOn']);
    expect(
      checkAgreement({ ...draft, reviewOn: '2025-12-31' }).map((problem) => problem.field),
    ).toEqual(['reviewOn']);
    expect(checkAgreement({ ...draft, reviewOn: '2027-01-15' })).toEqual([]);
    expect(checkAgreement({ ...draft, parties: [' '] })[0]!.field).toBe('parties');
  });

  it('says when an agreement is due for review', () => {
    const today = '2026-11-25';
    expect(reviewState({ status: 'active', reviewOn: '2026-11-24' }, today)).toBe('overdue');
    expect(reviewState({ status: 'active', reviewOn: '2027-01-24' }, today)).toBe('soon');
    expect(reviewState({ status: 'active', reviewOn: '2027-01-25' }, today)).toBe('ok');
    expect(reviewState({ status: 'terminated', reviewOn: '2026-01-01' }, today)).toBe('none');
  });
});
