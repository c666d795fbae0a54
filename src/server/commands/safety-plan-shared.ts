/**
 * What the safety-plan use cases share: the field-encryption contexts of the plan and the lookup of
 * a measure in the organisation's catalogue.
 */
import type { loadMeasures } from './organisation-measures';

export const contexts = {
  strategies: 'safety_plans.victim_strategies',
  outOfHours: 'safety_plans.out_of_hours',
  statusReason: 'plan_measures.status_reason',
  eventReason: 'plan_events.reason',
  noMeasures: 'assessment_follow_throughs.no_measures_reason',
} as const;

export type Catalogue = Awaited<ReturnType<typeof loadMeasures>>;

export const measureOf = (catalogue: Catalogue, code: string) =>
  catalogue.find((measure) => measure.code === code);
