/**
 * What the safety-plan use cases share: the field-encryption contexts of the plan and the lookup of
 * a measure in the organisation's catalogue.
 */
import type { loadMeasures } from './organisation-measures';

// Written once, beside the presenter that decrypts them; the use cases import them from here.
export { planContext as contexts } from '../presenters/plan.presenter';

export type Catalogue = Awaited<ReturnType<typeof loadMeasures>>;

export const measureOf = (catalogue: Catalogue, code: string) =>
  catalogue.find((measure) => measure.code === code);
