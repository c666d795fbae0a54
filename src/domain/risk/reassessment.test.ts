import { describe, expect, it } from 'vitest';
import { reassessmentDueOn } from './reassessment';

describe('time-based reassessment', () => {
  it('comes sooner the higher the risk, and follows the organisation’s own intervals', () => {
    expect(reassessmentDueOn('high', '2026-11-25')).toBe('2026-12-09');
    expect(reassessmentDueOn('medium', '2026-11-25')).toBe('2026-12-25');
    expect(reassessmentDueOn('low', '2026-11-25')).toBe('2027-02-23');
    expect(reassessmentDueOn('high', '2026-11-25', { high: 7, medium: 21, low: 60 })).toBe(
      '2026-12-02',
    );
  });
});
