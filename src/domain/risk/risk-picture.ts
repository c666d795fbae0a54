import type { Presence, RiskLevel } from './assessment';
import type { FactorVocabulary } from './factors';

/** One signed assessment as a column of the common risk picture. */
export type PictureColumn = {
  assessmentId: string;
  instrumentId: string;
  signedAt: string;
  /** Assessments made here, or received from the police with consent. */
  origin: 'own' | 'police';
  findings: ReadonlyMap<string, Presence>;
  finalLevel: RiskLevel | null;
};

export type PictureRow = {
  factor: string;
  group: string;
  cells: (Presence | null)[];
  /** The latest assessments of different instruments say present and absent about it. */
  disagreement: boolean;
};

const known = (
  presence: Presence | null | undefined,
): presence is 'present' | 'partly' | 'absent' =>
  presence === 'present' || presence === 'partly' || presence === 'absent';

/**
 * The shared factors across assessments, oldest first: what each instrument found about each
 * factor, and where the most recent assessment of each instrument and origin disagree (one says
 * the factor is there, another that it is not). Earlier assessments show change over time; they
 * are not counted as disagreement.
 */
export const riskPicture = (
  vocabulary: FactorVocabulary,
  assessments: readonly PictureColumn[],
): { columns: PictureColumn[]; rows: PictureRow[] } => {
  const columns = [...assessments].sort((a, b) => a.signedAt.localeCompare(b.signedAt));
  const latest = new Map<string, PictureColumn>();
  for (const column of columns) latest.set(`${column.origin}:${column.instrumentId}`, column);
  const rows = vocabulary.factors.flatMap((factor) => {
    const cells = columns.map((column) => column.findings.get(factor.code) ?? null);
    if (cells.every((cell) => cell === null)) return [];
    const current = [...latest.values()].map((column) => column.findings.get(factor.code));
    const disagreement =
      current.some((cell) => known(cell) && cell !== 'absent') &&
      current.some((cell) => cell === 'absent');
    return [{ factor: factor.code, group: factor.group, cells, disagreement }];
  });
  return { columns, rows };
};
