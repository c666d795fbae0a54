import { addDays } from '../calendar';
import type { RiskLevel } from './assessment';

export type ReassessmentDays = Record<RiskLevel, number>;

/** The default when an organisation has not set its own: the higher the risk, the sooner. */
export const defaultReassessmentDays: ReassessmentDays = { high: 14, medium: 30, low: 90 };

/**
 * When a signed assessment should be redone because time has passed. Events that change the
 * risk (delgivning, release, separation …) create their own, earlier task (cases/tasks.ts).
 */
export const reassessmentDueOn = (
  level: RiskLevel,
  signedOn: string,
  days: ReassessmentDays = defaultReassessmentDays,
): string => addDays(signedOn, days[level]);
