/** The shapes the safety plan routes return, inferred from their response schemas. */
export type { CatalogueMeasure, Checklist, Plan } from '../contract/plans';
export type { MeasureStatus } from '../domain/risk-management/plan';
