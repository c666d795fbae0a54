import { rangeIssue, type FieldProblem } from '../field-issues';

/**
 * A granted intervention's session quota (digest 002: specialised teams work with session
 * quotas; digest 003: "about 5 sessions, then ATV"). Attended sessions and no-shows use the
 * quota; a session the provider cancels does not. More sessions need an explicit extension
 * decision with reasons, by someone whose delegation covers it.
 */
export const sessionOutcomes = [
  'attended',
  'noShow',
  'cancelledByClient',
  'cancelledByProvider',
] as const;
export type SessionOutcome = (typeof sessionOutcomes)[number];

/** Which outcomes use a session of the quota: the time was set aside for the client. */
const usesQuota: Record<SessionOutcome, boolean> = {
  attended: true,
  noShow: true,
  cancelledByClient: true,
  cancelledByProvider: false,
};

export type Extension = { sessions: number };

export type QuotaStatus = {
  granted: number;
  used: number;
  remaining: number;
  /** Two or fewer left: time to decide whether to extend, end or refer on. */
  nearEnd: boolean;
};

export const quotaStatus = (
  grantedSessions: number,
  extensions: readonly Extension[],
  sessions: readonly { outcome: SessionOutcome }[],
): QuotaStatus => {
  const granted =
    grantedSessions + extensions.reduce((sum, extension) => sum + extension.sessions, 0);
  const used = sessions.filter((session) => usesQuota[session.outcome]).length;
  const remaining = Math.max(0, granted - used);
  return { granted, used, remaining, nearEnd: remaining <= 2 };
};

/** A session that uses the quota is refused once the quota is spent: extend first. */
export const checkSession = (
  status: QuotaStatus,
  outcome: SessionOutcome,
): { ok: true } | { ok: false; message: string } =>
  usesQuota[outcome] && status.remaining === 0
    ? {
        ok: false,
        message: `Alla ${status.granted} beviljade samtal är använda. Fatta ett beslut om förlängning först.`,
      }
    : { ok: true };

/** Who may decide what (delegationsordning): the most sessions each decider may add at once. */
export type Delegation = Record<'caseWorker' | 'teamLeader', number>;

export const extensionReasonMinLength = 20;

export const checkExtension = (
  request: { sessions: number; reason: string; deciderRole: string },
  delegation: Delegation,
): FieldProblem[] => {
  const problems: FieldProblem[] = [];
  const limit = delegation[request.deciderRole as keyof Delegation] ?? 0;
  if (!Number.isInteger(request.sessions) || request.sessions < 1)
    problems.push({
      field: 'sessions',
      message: 'Förläng med minst ett samtal.',
      ...rangeIssue(request.sessions, 1, limit),
    });
  else if (request.sessions > limit)
    problems.push({
      field: 'sessions',
      message:
        limit === 0
          ? 'Din roll har inte delegation att förlänga insatser.'
          : `Din delegation räcker till ${limit} samtal till. Större förlängningar beslutas av någon med högre delegation.`,
      ...(limit === 0 ? { code: 'noDelegation' } : { code: 'tooLarge', limit }),
    });
  if (request.reason.trim().length < extensionReasonMinLength)
    problems.push({
      field: 'reason',
      message: `Skriv skälen till förlängningen (minst ${extensionReasonMinLength} tecken): vad har uppnåtts och vad återstår?`,
      code: 'tooShort',
      limit: extensionReasonMinLength,
    });
  return problems;
};
