/**
 * The safety plan (skydds- och åtgärdsplan): each measure moves through a lifecycle, and every
 * signed risk assessment must end in a plan or in a reasoned decision that no measures are needed.
 */
export const measureStatuses = [
  'proposed',
  'offered',
  'accepted',
  'declined',
  'active',
  'ended',
] as const;
export type MeasureStatus = (typeof measureStatuses)[number];

const next: Record<MeasureStatus, readonly MeasureStatus[]> = {
  proposed: ['offered', 'accepted', 'active', 'declined'],
  offered: ['accepted', 'declined'],
  accepted: ['active', 'declined'],
  active: ['ended'],
  declined: [],
  ended: [],
};

/** Declining and ending say why: the next worker needs to know it was offered and what happened. */
const needsReason: ReadonlySet<MeasureStatus> = new Set(['declined', 'ended']);

export const statusLabelsSv: Record<MeasureStatus, string> = {
  proposed: 'Föreslagen',
  offered: 'Erbjuden',
  accepted: 'Accepterad',
  declined: 'Avböjd',
  active: 'Pågår',
  ended: 'Avslutad',
};

export const allowedNext = (from: MeasureStatus): readonly MeasureStatus[] => next[from];

export const planStatusChange = (
  from: MeasureStatus,
  to: MeasureStatus,
  reason: string | null,
):
  | { ok: true }
  | {
      ok: false;
      code: 'measure.transition_not_allowed' | 'measure.reason_required';
      message: string;
    } => {
  if (!next[from].includes(to))
    return {
      ok: false,
      code: 'measure.transition_not_allowed',
      message: `En åtgärd som är ${statusLabelsSv[from].toLowerCase()} kan inte bli ${statusLabelsSv[to].toLowerCase()}.${
        next[from].length
          ? ` Möjliga steg: ${next[from].map((status) => statusLabelsSv[status]).join(', ')}.`
          : ' Lägg till åtgärden på nytt om den behövs igen.'
      }`,
    };
  if (needsReason.has(to) && (reason?.trim().length ?? 0) < 5)
    return {
      ok: false,
      code: 'measure.reason_required',
      message: `Skriv varför åtgärden ${to === 'declined' ? 'avböjdes' : 'avslutades'}.`,
    };
  return { ok: true };
};

/** Measures still doing or about to do something for the person's safety. */
export const isUnderWay = (status: MeasureStatus) =>
  status === 'proposed' || status === 'offered' || status === 'accepted' || status === 'active';

const minimumNoMeasuresReason = 20;

/**
 * A signed assessment is followed through ("closed") only by a plan with at least one measure,
 * or by a written reason why no measures are needed (digest 000: RISKSAM's bridge).
 */
export const checkFollowThrough = (plan: {
  measures: readonly { status: MeasureStatus }[];
  noMeasuresReason: string | null;
}): { ok: true } | { ok: false; code: 'plan.missing'; message: string } => {
  if (plan.measures.length > 0) return { ok: true };
  if ((plan.noMeasuresReason?.trim().length ?? 0) >= minimumNoMeasuresReason) return { ok: true };
  return {
    ok: false,
    code: 'plan.missing',
    message: `Riskbedömningen saknar skydds- och åtgärdsplan. Lägg till minst en åtgärd, eller skriv varför inga åtgärder behövs (minst ${minimumNoMeasuresReason} tecken).`,
  };
};
