import type { FieldProblem } from '../field-issues';

/**
 * The routine library (digest 004 C3–C5, digest 001 Q19, Q25): written routines, versioned,
 * shown where the work happens — at the case stage or the task they govern — and read and
 * acknowledged by every member of staff. A new version must be read again, and a new employee
 * meets every routine in force on the start page: routines do not leave with the people who
 * knew them.
 */
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
export type RoutineStep = (typeof routineSteps)[number];

export type RoutineDraft = { title: string; body: string; approvedBy: string; validFrom: string };

export const checkRoutine = (draft: RoutineDraft): FieldProblem[] => [
  ...(draft.title.trim().length < 3
    ? [{ field: 'title', message: 'Ge rutinen ett namn.', code: 'required' as const }]
    : []),
  ...(draft.body.trim().length < 20
    ? [
        {
          field: 'body',
          message: 'Skriv vad rutinen säger (minst 20 tecken).',
          code: 'tooShort' as const,
          limit: 20,
        },
      ]
    : []),
  ...(draft.approvedBy.trim().length < 3
    ? [
        {
          field: 'approvedBy',
          message: 'Ange vem som fastställt rutinen, till exempel "Socialnämnden 2026-03-12".',
          code: 'required' as const,
        },
      ]
    : []),
];

/** The version in force today: the latest whose valid-from date has come. */
export const versionInForce = <T extends { versionNo: number; validFrom: string }>(
  versions: readonly T[],
  today: string,
): T | null =>
  versions
    .filter((version) => version.validFrom <= today)
    .reduce<T | null>(
      (latest, version) => (!latest || version.versionNo > latest.versionNo ? version : latest),
      null,
    );
