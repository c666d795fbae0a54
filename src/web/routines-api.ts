import { api } from './api';

export { routineSteps } from '../domain/governance/routines';

export type Routine = {
  id: string;
  title: string;
  step: string;
  version: { versionNo: number; body: string; approvedBy: string; validFrom: string };
  readByMe: boolean;
  readers: { read: number; staff: number } | null;
};

/** The routines in force, or those that govern one step. */
export const routinesPath = (step: string | null) =>
  step ? `/api/routines?step=${step}` : '/api/routines';

export const acknowledge = (routine: Routine) =>
  api('POST', `/api/routines/${routine.id}/acknowledgements`, {
    versionNo: routine.version.versionNo,
  });
