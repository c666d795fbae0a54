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
  | {
      id: Figure['id'];
      definitionVersion: number;
      suppressed: true;
      count: null;
      base: null;
      value: null;
      /** Not small itself: withheld so that another, small figure cannot be worked out. */
      complementary?: true;
    };

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
      ? {
          id: figure.id,
          definitionVersion: figure.definitionVersion,
          suppressed: true,
          count: null,
          base: null,
          value: null,
        }
      : { ...figure, suppressed: false };
  });

/**
 * What a reader could add up across a whole's parts: a share's whole (its base), otherwise the
 * count. A per-10,000 rate's base is the population, which units do not have.
 */
const additiveSize = (figure: Figure, measure: Measure) =>
  measure === 'share' ? (figure.base ?? 0) : figure.count;

/**
 * A whole and its parts (an organisation and its units) released together. Withholding one
 * unit's small figure is not enough when the organisation's figure and the other units' figures
 * are shown beside it: the whole minus the rest gives it back ("7 in the municipality, 5 in the
 * adult unit" tells that the children's unit had 2). So when exactly one part is withheld under a
 * shown whole, the smallest other part that counted something is withheld too (complementary
 * suppression); should no part qualify, the whole is withheld instead.
 */
export const releaseWholeAndParts = (
  catalogue: IndicatorCatalogue,
  whole: readonly Figure[],
  parts: readonly (readonly Figure[])[],
): { whole: ReleasedFigure[]; parts: ReleasedFigure[][] } => {
  const releasedWhole = releaseFigures(catalogue, whole);
  const releasedParts = parts.map((figures) => releaseFigures(catalogue, figures));
  const withhold = (released: ReleasedFigure[], id: Figure['id']) => {
    const index = released.findIndex((figure) => figure.id === id);
    released[index] = {
      id,
      definitionVersion: released[index]!.definitionVersion,
      suppressed: true,
      count: null,
      base: null,
      value: null,
      complementary: true,
    };
  };
  for (const shown of releasedWhole) {
    if (shown.suppressed) continue;
    const id = shown.id;
    const inPart = (partIndex: number) => ({
      exact: parts[partIndex]!.find((figure) => figure.id === id),
      released: releasedParts[partIndex]!.find((figure) => figure.id === id),
    });
    const partIndexes = parts.map((_, partIndex) => partIndex);
    if (partIndexes.filter((partIndex) => inPart(partIndex).released?.suppressed).length !== 1)
      continue;
    const measure = catalogue.indicators.find((entry) => entry.id === id)!.measure;
    const sizeOf = (partIndex: number) => additiveSize(inPart(partIndex).exact!, measure);
    const complement = partIndexes
      .filter((partIndex) => {
        const { exact, released } = inPart(partIndex);
        return exact && released && !released.suppressed && sizeOf(partIndex) > 0;
      })
      .sort((a, b) => sizeOf(a) - sizeOf(b))[0];
    if (complement === undefined) withhold(releasedWhole, id);
    else withhold(releasedParts[complement]!, id);
  }
  return { whole: releasedWhole, parts: releasedParts };
};
