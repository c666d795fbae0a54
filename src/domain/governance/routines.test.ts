import { describe, expect, it } from 'vitest';
import { checkRoutine, versionInForce } from './routines';

describe('the routine library', () => {
  it('shows the newest version whose date has come, not one decided for later', () => {
    const versions = [
      { versionNo: 1, validFrom: '2025-01-01' },
      { versionNo: 2, validFrom: '2026-06-01' },
      { versionNo: 3, validFrom: '2027-01-01' },
    ];
    expect(versionInForce(versions, '2026-11-25')?.versionNo).toBe(2);
    expect(versionInForce(versions, '2024-12-31')).toBeNull();
  });

  it('asks who approved a routine and what it says', () => {
    expect(
      checkRoutine({
        title: 'Skyddade personuppgifter',
        body: 'Kort',
        approvedBy: '',
        validFrom: '2026-01-01',
      }).map((problem) => problem.field),
    ).toEqual(['body', 'approvedBy']);
  });
});
