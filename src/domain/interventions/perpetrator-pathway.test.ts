import { describe, expect, it } from 'vitest';
import { checkLadderMove, firstContactPlan, ladderLevels } from './perpetrator-pathway';

describe('perpetrator pathway', () => {
  it('gives social services the first three levels and the region treatment', () => {
    expect(ladderLevels.map((level) => [level.code, level.owner])).toEqual([
      ['detection', 'socialServices'],
      ['motivation', 'socialServices'],
      ['influence', 'socialServices'],
      ['treatment', 'region'],
    ]);
  });

  it('refers to treatment only with consent', () => {
    expect(checkLadderMove('treatment', { consentToRegion: false })).toMatchObject({ ok: false });
    expect(checkLadderMove('treatment', { consentToRegion: true })).toEqual({ ok: true });
    expect(checkLadderMove('influence', { consentToRegion: false })).toEqual({ ok: true });
  });

  it('asks the risk questions now when the victim has no current assessment', () => {
    expect(firstContactPlan(['children', 'weapons'], { hasCurrentAssessment: false })).toEqual({
      remaining: ['victimSafety', 'substanceUse', 'mentalHealth'],
      askRiskNow: true,
    });
    expect(firstContactPlan([], { hasCurrentAssessment: true }).askRiskNow).toBe(false);
  });
});
