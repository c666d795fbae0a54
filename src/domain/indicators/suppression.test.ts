import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Figure } from './compute';
import type { IndicatorCatalogue, IndicatorDefinition, IndicatorId } from './definitions';
import { releaseWholeAndParts, type ReleasedFigure } from './suppression';

const definition = (id: IndicatorId, measure: IndicatorDefinition['measure']) => ({
  id,
  group: 'kolada' as const,
  measure,
  definitionVersion: 1,
  label: { sv: id, en: id },
  description: { sv: id, en: id },
  source: {
    kind: 'own' as const,
    publisher: 'test',
    title: id,
    wording: id,
    checkedOn: '2026-01-01',
  },
  earlier: [],
});
const catalogue: IndicatorCatalogue = {
  version: '1.0.0',
  suppressBelow: 5,
  indicators: [definition('actualisedCases', 'per10k'), definition('screeningCoverage', 'share')],
};

const cases = (count: number, base: number | null = null): Figure => ({
  id: 'actualisedCases',
  definitionVersion: 1,
  count,
  base,
  value: count,
});
const asked = (count: number, base: number): Figure => ({
  id: 'screeningCoverage',
  definitionVersion: 1,
  count,
  base,
  value: base ? count / base : null,
});
const withheld = (figures: readonly ReleasedFigure[]) => figures.map((figure) => figure.suppressed);

describe('a municipality and its units released together', () => {
  it("withholds a second unit when one unit's small count could be read off the total", () => {
    // 7 in the municipality, 5 in the adult unit, 2 in the children's unit, 0 in reception.
    const released = releaseWholeAndParts(
      catalogue,
      [cases(7, 8_000)],
      [[cases(5)], [cases(2)], [cases(0)]],
    );
    expect(withheld(released.whole)).toEqual([false]);
    expect(released.parts.map(withheld)).toEqual([[true], [true], [false]]);
    expect(released.parts[2]![0]!.count).toBe(0);
    // The adult unit's 5 is not small: the export says why it is withheld.
    expect(released.parts[0]![0]).toMatchObject({ complementary: true });
    expect(released.parts[1]![0]).not.toHaveProperty('complementary');
  });

  it('takes the smallest unit that counted something as the second one withheld', () => {
    const released = releaseWholeAndParts(
      catalogue,
      [asked(30, 60)],
      [[asked(20, 30)], [asked(8, 20)], [asked(2, 3)], [asked(0, 7)]],
    );
    expect(released.parts.map(withheld)).toEqual([[false], [false], [true], [true]]);
  });

  it('leaves the units alone when two are already withheld or none is', () => {
    const two = releaseWholeAndParts(catalogue, [cases(12)], [[cases(9)], [cases(2)], [cases(1)]]);
    expect(two.parts.map(withheld)).toEqual([[false], [true], [true]]);
    const none = releaseWholeAndParts(catalogue, [cases(11)], [[cases(6)], [cases(5)]]);
    expect(none.parts.map(withheld)).toEqual([[false], [false]]);
  });

  it('withholds the total itself when no other unit could hide the small one', () => {
    // Not additive (a case moved between units): nothing else counted, so the total must go.
    const released = releaseWholeAndParts(catalogue, [cases(6)], [[cases(3)], [cases(0)]]);
    expect(withheld(released.whole)).toEqual([true]);
  });

  it('never lets the total minus the shown units give back a withheld unit', () => {
    const unitCounts = fc.array(fc.nat({ max: 12 }), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(unitCounts, unitCounts, (counts, bases) => {
        const parts = counts.map((count, index) => {
          const base = count + (bases[index] ?? 0);
          return [cases(count), asked(count, base)];
        });
        const whole = [
          cases(counts.reduce((sum, count) => sum + count, 0)),
          asked(
            parts.reduce((sum, part) => sum + part[1]!.count, 0),
            parts.reduce((sum, part) => sum + (part[1]!.base ?? 0), 0),
          ),
        ];
        const released = releaseWholeAndParts(catalogue, whole, parts);
        released.whole.forEach((figure, index) => {
          const hidden = released.parts.filter((part) => part[index]!.suppressed).length;
          if (!figure.suppressed) expect(hidden).not.toBe(1);
          // Every figure that is small on its own stays withheld.
          parts.forEach((part, partIndex) => {
            const exact = part[index]!;
            const smallOf = (n: number | null) => n !== null && n > 0 && n < 5;
            const small =
              smallOf(exact.count) ||
              (index === 1 && (smallOf(exact.base) || smallOf((exact.base ?? 0) - exact.count)));
            if (small) expect(released.parts[partIndex]![index]!.suppressed).toBe(true);
          });
        });
      }),
    );
  });
});
