import type { CaseType } from './catalogues';

/** How two cases are linked: the household around the violence. */
export const linkKinds = ['victimPerpetrator', 'parentChild', 'household'] as const;
export type LinkKind = (typeof linkKinds)[number];

export type LinkedCaseFacts = { caseId: string; type: CaseType; ownerUserId: string | null };

const isPerpetrator = (type: CaseType) => type === 'perpetrator';

/**
 * The same worker may not own both a victim's (or child's) case and the linked perpetrator's
 * case: the perpetrator must not be able to reach the victim through a shared worker, and each
 * needs a worker on their side (digest 003: internal secrecy between victim and perpetrator work).
 */
export const checkHandlerSeparation = (
  subject: { type: CaseType; ownerUserId: string | null },
  linked: readonly LinkedCaseFacts[],
):
  | { ok: true }
  | { ok: false; code: 'case.handler_separation'; message: string; conflictingCaseId: string } => {
  if (!subject.ownerUserId) return { ok: true };
  const conflict = linked.find(
    (other) =>
      other.ownerUserId === subject.ownerUserId &&
      isPerpetrator(other.type) !== isPerpetrator(subject.type),
  );
  if (!conflict) return { ok: true };
  return {
    ok: false,
    code: 'case.handler_separation',
    conflictingCaseId: conflict.caseId,
    message:
      'Samma handläggare kan inte ha både den våldsutsattas (eller barnets) ärende och våldsutövarens ärende när ärendena är länkade. Välj en annan handläggare för ett av ärendena.',
  };
};
