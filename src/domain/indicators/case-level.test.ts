import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anonymise, quasiIdentifiers, type CaseLevelRow } from './case-level';

const row = (overrides: Partial<CaseLevelRow>): CaseLevelRow => ({
  caseType: 'adultVictim',
  hrv: 'no',
  openedQuarter: '2026-K1',
  closedQuarter: '',
  children: 'none',
  goal: '',
  investigated: true,
  standardisedAssessment: true,
  interventions: 1,
  placementDays: 0,
  ratings: 0,
  safetyChange: null,
  ...overrides,
});

const describing = (released: CaseLevelRow) =>
  quasiIdentifiers.map((column) => released[column]).join('|');

describe('anonymised case-level rows', () => {
  it('keeps full detail for a group of five alike, and hides the one that stands out', () => {
    const alike = Array.from({ length: 5 }, () => row({}));
    const odd = row({ hrv: 'yes', children: 'yes' });
    const released = anonymise([...alike, odd], 5);
    // The HRV family cannot hide among five: it goes, and with it nothing else is touched.
    expect(released).toHaveLength(5);
    expect(released.every((kept) => kept.hrv === 'no' && kept.children === 'none')).toBe(true);
  });

  it('generalises rather than drops when a coarser description has five', () => {
    const rows = [
      ...Array.from({ length: 3 }, () => row({ goal: 'reached' })),
      ...Array.from({ length: 3 }, () => row({ goal: 'notReached' })),
    ];
    const released = anonymise(rows, 5);
    expect(released).toHaveLength(6);
    expect(new Set(released.map((kept) => kept.goal))).toEqual(new Set(['*']));
    expect(released.every((kept) => kept.openedQuarter === '2026-K1')).toBe(true);
  });

  it('never releases a description shared by fewer than k rows', () => {
    const arbitraryRow = fc.record({
      caseType: fc.constantFrom('adultVictim', 'perpetrator', 'childExposed'),
      hrv: fc.constantFrom('yes', 'no'),
      openedQuarter: fc.constantFrom('2026-K1', '2026-K2'),
      closedQuarter: fc.constantFrom('', '2026-K2'),
      children: fc.constantFrom('yes', 'none', 'unknown'),
      goal: fc.constantFrom('', 'reached', 'partlyReached'),
    });
    fc.assert(
      fc.property(
        fc.array(arbitraryRow, { maxLength: 60 }),
        fc.integer({ min: 2, max: 6 }),
        (described, k) => {
          const released = anonymise(
            described.map((values) => row(values)),
            k,
          );
          const sizes = new Map<string, number>();
          for (const kept of released)
            sizes.set(describing(kept), (sizes.get(describing(kept)) ?? 0) + 1);
          return (
            [...sizes.values()].every((size) => size >= k) && released.length <= described.length
          );
        },
      ),
    );
  });
});
