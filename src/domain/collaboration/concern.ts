import { checkDisclosure, type DisclosureGroundCatalogue, type FieldProblem } from './grounds';

/**
 * Concern for the victim raised in a perpetrator's case (digest 003: the perpetrator's worker
 * hears something that frightens them and has no clear path). The worker records what was said
 * and chooses how it may travel; the victim's worker is told only through a permitted path.
 */
export const concernPaths = ['sameUnit', 'noHarm', 'consent', 'dangerToLife'] as const;
export type ConcernPath = (typeof concernPaths)[number];

/** The legal ground each path rests on; within one secrecy area no ground is needed. */
export const groundOfPath: Record<ConcernPath, string | null> = {
  sameUnit: null,
  noHarm: 'noHarm',
  consent: 'consent',
  dangerToLife: 'preventViolence',
};

export type ConcernSituation = {
  /** The victim's case is inside the perpetrator case's secrecy area (local routine applies). */
  sameSecrecyArea: boolean;
  /** The perpetrator has consented to the victim's worker being told. */
  consentCovers: boolean;
};

export type ConcernDraft = {
  path: ConcernPath | null;
  /** What was said, as close to the words as possible. */
  whatWasSaid: string;
  assessmentNote: string;
};

/** The paths and whether each is open, with the reason when it is not. */
export const weighConcernPaths = (situation: ConcernSituation) =>
  concernPaths.map((path) => {
    const closed =
      path === 'sameUnit' && !situation.sameSecrecyArea
        ? 'Den våldsutsattas ärende ligger i ett annat sekretessområde.'
        : path === 'consent' && !situation.consentCovers
          ? 'Det finns inget gällande samtycke som omfattar den våldsutsattas handläggare.'
          : null;
    return { path, open: closed === null, whyClosed: closed };
  });

/** Whether the concern notifies the victim's worker (the police path goes to the police only). */
export const notifiesVictimsWorker = (path: ConcernPath): boolean => path !== 'dangerToLife';

export const checkConcern = (
  catalogue: DisclosureGroundCatalogue,
  situation: ConcernSituation,
  draft: ConcernDraft,
): FieldProblem[] => {
  const problems: FieldProblem[] = [];
  if (draft.whatWasSaid.trim().length < 10)
    problems.push({
      field: 'whatWasSaid',
      message: 'Skriv vad som sades, så ordagrant du kan.',
      code: 'required',
    });
  if (!draft.path)
    return [
      ...problems,
      {
        field: 'path',
        message: 'Välj hur oron får föras vidare. Utan en tillåten väg skickas inget.',
        code: 'required',
      },
    ];
  const weighed = weighConcernPaths(situation).find((entry) => entry.path === draft.path);
  if (!weighed?.open)
    return [
      ...problems,
      { field: 'path', message: weighed?.whyClosed ?? 'Vägen är stängd.', code: 'pathClosed' },
    ];
  const ground = groundOfPath[draft.path];
  if (ground === null) return problems;
  const legal = checkDisclosure(
    catalogue,
    {
      recipientKind: draft.path === 'dangerToLife' ? 'police' : 'internal',
      subjectAge: null,
      consentCovers: situation.consentCovers,
      concernsChild: false,
    },
    { groundCode: ground, assessmentNote: draft.assessmentNote, provisionText: '' },
  );
  return [
    ...problems,
    ...legal.map((problem) => ({
      ...problem,
      field: problem.field === 'groundCode' ? 'path' : problem.field,
    })),
  ];
};
