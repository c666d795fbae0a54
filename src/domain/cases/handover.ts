/**
 * Case-owner hand-over with acknowledgement (digest 002: clients retell their story to every new
 * worker). The current owner or a team leader proposes a new owner with a summary; the case stays
 * with the old owner until the new one confirms that they have taken over, so nothing falls
 * between two workers.
 */
export type PendingHandover = { id: string; toUserId: string };

export type HandoverRefusal = {
  ok: false;
  code: 'handover.same_owner' | 'handover.pending' | 'handover.not_recipient' | 'handover.closed';
  message: string;
};

export const planHandover = (input: {
  currentOwnerUserId: string | null;
  toUserId: string;
  pending: PendingHandover | null;
  caseClosed: boolean;
}): { ok: true } | HandoverRefusal => {
  if (input.caseClosed)
    return {
      ok: false,
      code: 'handover.closed',
      message: 'Ärendet är avslutat och kan inte lämnas över.',
    };
  if (input.currentOwnerUserId === input.toUserId)
    return {
      ok: false,
      code: 'handover.same_owner',
      message: 'Den valda personen är redan ansvarig för ärendet.',
    };
  if (input.pending)
    return {
      ok: false,
      code: 'handover.pending',
      message:
        'En överlämning väntar redan på bekräftelse. Den måste bekräftas eller återkallas först.',
    };
  return { ok: true };
};

/** Only the named recipient can confirm; that confirmation is the moment responsibility moves. */
export const checkAcknowledgement = (
  handover: { toUserId: string; acknowledgedAt: Date | null; cancelledAt: Date | null },
  actorUserId: string,
): { ok: true } | HandoverRefusal => {
  if (handover.acknowledgedAt || handover.cancelledAt)
    return {
      ok: false,
      code: 'handover.pending',
      message: 'Överlämningen är redan bekräftad eller återkallad.',
    };
  if (handover.toUserId !== actorUserId)
    return {
      ok: false,
      code: 'handover.not_recipient',
      message: 'Bara den som ska ta över ärendet kan bekräfta överlämningen.',
    };
  return { ok: true };
};
