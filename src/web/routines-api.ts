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

export const fetchRoutines = (step: string | null) =>
  api<Routine[]>('GET', step ? `/api/routines?step=${step}` : '/api/routines');

export const acknowledge = (routine: Routine) =>
  api('POST', `/api/routines/${routine.id}/acknowledgements`, {
    versionNo: routine.version.versionNo,
  });
