import {
  strongerProtection,
  type ProtectionLevel,
} from '../../../domain/identity/protected-identity';
import type { NewPerson } from '../../platform/db/schema';
import type { Tx } from '../../platform/db/transaction';
import type { CommandContext } from '../../platform/http/context';
import {
  findPersonByNumber,
  insertPersonUnlessRegistered,
  placePersonInUnit,
  setProtectionOfNumber,
} from './person.repository';
import { auditPersonEvent } from '../../platform/runtime/person-access';

export type Registration = Omit<NewPerson, 'organisationId' | 'updatedAt'> & {
  unitId: string;
};

/**
 * The one way a person enters the register — intake, a report of concern's child, a received
 * hand-over. A number already registered in the organisation is the same person: she is placed
 * in the unit instead of being registered again, and the stronger protection of the two holds
 * for every record of her. Both outcomes are audited on her, in the caller's transaction.
 */
export const registerIdentity = async (
  ctx: CommandContext,
  tx: Tx,
  values: Registration,
  audit: { reason: string; details?: Record<string, string> },
): Promise<{ id: string; existing: boolean }> => {
  const now = ctx.now();
  const id = await insertPersonUnlessRegistered(tx, {
    ...values,
    organisationId: ctx.actor.organisationId,
    updatedAt: now,
  });
  if (id !== undefined) {
    await auditPersonEvent(ctx, tx, {
      type: 'person.created',
      personId: id,
      reason: audit.reason,
      details: audit.details ?? {},
    });
    return { id, existing: false };
  }
  const number = values.personalNumber!;
  const known = (await findPersonByNumber(tx, number))!;
  const level = strongerProtection(
    known.protectionLevel,
    (values.protectionLevel ?? 'none') as ProtectionLevel,
  );
  if (level !== known.protectionLevel) await setProtectionOfNumber(tx, number, level, now);
  const placed =
    known.unitId !== values.unitId &&
    (await placePersonInUnit(tx, {
      organisationId: ctx.actor.organisationId,
      personId: known.id,
      unitId: values.unitId,
      placedBy: ctx.actor.userId,
      placedAt: now,
    }));
  await auditPersonEvent(ctx, tx, {
    type: 'person.placed',
    personId: known.id,
    reason: 'access.identity_match',
    details: {
      ...audit.details,
      unitId: values.unitId,
      newlyPlaced: placed,
      protectionRaised: level !== known.protectionLevel,
    },
  });
  return { id: known.id, existing: true };
};
