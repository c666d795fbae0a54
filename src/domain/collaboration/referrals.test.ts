import { describe, expect, it } from 'vitest';
import { acknowledgeBy, checkAnswer, referralKindFor, referralState } from './referrals';

describe('referrals between organisations', () => {
  it('derives the kind from who sends to whom, and foresees no others', () => {
    expect(referralKindFor('policeRegion', 'municipality')).toBe('policeToSocialServices');
    expect(referralKindFor('municipality', 'municipality')).toBe('betweenMunicipalities');
    expect(referralKindFor('municipality', 'region')).toBe('toRegion');
    expect(referralKindFor('countyBoard', 'municipality')).toBeNull();
    expect(referralKindFor('municipality', 'policeRegion')).toBeNull();
  });

  it('is overdue from the second day without an acknowledgement, across a month end', () => {
    expect(acknowledgeBy('2026-11-30')).toBe('2026-12-01');
    const sent = {
      sentOn: '2026-11-30',
      acknowledgedAt: null,
      declinedAt: null,
      withdrawnAt: null,
    };
    expect(referralState(sent, '2026-12-01')).toBe('sent');
    expect(referralState(sent, '2026-12-02')).toBe('overdue');
    expect(referralState({ ...sent, acknowledgedAt: new Date() }, '2026-12-09')).toBe(
      'acknowledged',
    );
  });

  it('answers once, and a decline says why', () => {
    expect(checkAnswer('sent', { decline: false, reason: '' })).toEqual({ ok: true });
    expect(checkAnswer('overdue', { decline: true, reason: 'nej' })).toMatchObject({
      ok: false,
      field: 'reason',
    });
    expect(checkAnswer('acknowledged', { decline: false, reason: '' })).toMatchObject({
      ok: false,
      field: null,
    });
  });
});
