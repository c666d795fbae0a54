import type { IndicatorCatalogue, Measure } from './definitions';
import type { Figure } from './compute';

/**
 * Small counts identify people: in a municipality with five cases a year, "2 children without
 * investigation" points at a family. Wherever figures leave the organisation (exports, the
 * county, reports) a count from 1 up to the threshold is withheld, and so is every figure
 * built on it. A share is also withheld when its complement is small ("38 of 40 were asked"
 * tells that 2 were not). Zero is shown: it reveals no one.
 */
export type ReleasedFigure =
  | (Figure & { suppressed: false })
  | { id: Figure['id']; suppressed: true; count: null; base: null; value: null };

const small = (n: number | null, below: number) => n !== null && n > 0 && n < below;

/** A count from 1 up to the threshold: shown as "fewer than" wherever it leaves its source. */
export const isSmallCount = small;

export const isSmall = (figure: Figure, measure: Measure, below: number): boolean => {
  if (small(figure.count, below)) return true;
  if (measure !== 'share') return false;
  return small(figure.base, below) || small((figure.base ?? 0) - figure.count, below);
};

export const releaseFigures = (
  catalogue: IndicatorCatalogue,
  figures: readonly Figure[],
): ReleasedFigure[] =>
  figures.map((figure) => {
    const measure = catalogue.indicators.find((definition) => definition.id === figure.id)!.measure;
    return isSmall(figure, measure, catalogue.suppressBelow)
      ? { id: figure.id, suppressed: true, count: null, base: null, value: null }
      : { ...figure, suppressed: false };
  });
