import type { FieldProblem } from '../field-issues';
import type { ConsentRecipient } from './consent';

/**
 * SIP, the coordinated individual plan (samordnad individuell plan; law catalogue: sol.coordinatedPlan,
 * hsl.coordinatedPlan): when the
 * person needs both social services and health care, the agencies agree one plan with who does
 * what, one coordinator, and a follow-up (digest 004: clients otherwise coordinate the agencies
 * themselves). A SIP rests on the person's consent to the agencies taking part.
 */
/** An agency taking part: a unit or organisation in Fristad by id, or one outside it in words. */
export type SipParticipant = ConsentRecipient;

export type SipDraft = {
  participants: readonly SipParticipant[];
  coordinatorAgency: string;
  goal: string;
  followUpOn: string;
};

export const checkSip = (
  draft: SipDraft,
  context: { today: string; consentMissingFor: readonly string[] },
): FieldProblem[] => {
  const problems: FieldProblem[] = [];
  if (draft.participants.length < 2)
    problems.push({
      field: 'participants',
      message: 'En SIP samordnar minst två verksamheter, till exempel socialtjänsten och vården.',
      code: 'tooFew',
      limit: 2,
    });
  if (!draft.participants.some((participant) => participant.label === draft.coordinatorAgency))
    problems.push({
      field: 'coordinatorAgency',
      message: 'Välj vem som samordnar bland de deltagande verksamheterna.',
      code: 'notAChoice',
    });
  if (draft.goal.trim().length < 10)
    problems.push({
      field: 'goal',
      message: 'Skriv målet med planen, gärna med personens ord.',
      code: 'required',
    });
  if (draft.followUpOn < context.today)
    problems.push({
      field: 'followUpOn',
      message: 'Uppföljningen ska ligga i dag eller senare.',
      code: 'dateInPast',
    });
  if (context.consentMissingFor.length > 0)
    problems.push({
      field: 'participants',
      message: `En SIP kräver personens samtycke. Samtycke saknas för: ${context.consentMissingFor.join(', ')}.`,
      code: 'consentMissing',
    });
  return problems;
};
