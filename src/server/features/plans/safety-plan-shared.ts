/** What the safety-plan use cases share: the lookup of a measure in the organisation's catalogue. */
import type { loadMeasures } from './organisation-measures';

export type Catalogue = Awaited<ReturnType<typeof loadMeasures>>;

export const measureOf = (catalogue: Catalogue, code: string) =>
  catalogue.find((measure) => measure.code === code);
