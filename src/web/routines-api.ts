import { api } from './api';

export type Routine = {
  id: string;
  title: string;
  step: string;
  version: { versionNo: number; body: string; approvedBy: string; validFrom: string };
  readByMe: boolean;
  readers: { read: number; staff: number } | null;
};

export const routineSteps = [
  'intake',
  'preliminaryAssessment',
  'investigation',
  'decision',
  'intervention',
  'followUp',
  'service',
  'closed',
  'screening',
  'riskAssessment',
  'safetyPlan',
  'protectedIdentity',
  'disclosure',
  'protectedHousing',
  'general',
] as const;

export const fetchRoutines = (step: string | null) =>
  api<Routine[]>('GET', step ? `/api/routines?step=${step}` : '/api/routines');

export const acknowledge = (routine: Routine) =>
  api('POST', `/api/routines/${routine.id}/acknowledgements`, {
    versionNo: routine.version.versionNo,
  });
