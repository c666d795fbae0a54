import { addDays, swedishDate } from '../../../domain/calendar';
import {
  checkContact,
  contactFunctions,
  type ContactDraft,
  type ContactFunction,
} from '../../../domain/collaboration/contact-functions';
import { DomainError } from '../../../domain/errors';
import type { CommandContext } from '../../platform/http/context';
import {
  endCurrentContact,
  insertContactEntry,
  listContactEntries,
} from './contact-directory.repository';
import { requireOrganisationAction } from '../../platform/runtime/organisation-access';
import { auditOrganisationEvent, runAudited } from '../../platform/runtime/person-access';

/**
 * The county's contact directory by function: current holders with their predecessors, and the
 * path for evenings and weekends. Staff contacts only; readable by everyone signed in.
 */
export const readContactDirectory = (ctx: CommandContext) =>
  runAudited(ctx, async (tx) => {
    const rows = await listContactEntries(tx);
    return rows.map((row) => ({
      ...row,
      current: row.validTo === null,
      own: row.organisationId === ctx.actor.organisationId,
    }));
  });

/**
 * A new holder of one of the organisation's functions. The previous holder's entry ends the day
 * before, so the history says who held it when.
 */
export const recordContact = (
  ctx: CommandContext,
  input: ContactDraft & { functionCode: ContactFunction },
) =>
  runAudited(ctx, async (tx) => {
    const decision = requireOrganisationAction(ctx, 'organisation.administer');
    if (!contactFunctions.some((entry) => entry.code === input.functionCode))
      throw new DomainError('validation.invalid', {
        fields: [{ path: 'body.functionCode', message: 'Välj en funktion.', code: 'notAChoice' }],
      });
    const problems = checkContact(input, swedishDate(ctx.now()));
    if (problems.length)
      throw new DomainError('validation.invalid', {
        fields: problems.map(({ field, ...issue }) => ({ path: `body.${field}`, ...issue })),
      });
    await endCurrentContact(
      tx,
      ctx.actor.organisationId,
      input.functionCode,
      addDays(input.validFrom, -1),
    );
    const { id } = await insertContactEntry(tx, {
      organisationId: ctx.actor.organisationId,
      functionCode: input.functionCode,
      holderName: input.holderName.trim(),
      phone: input.phone.trim(),
      hours: input.hours.trim(),
      outOfHours: input.outOfHours.trim(),
      validFrom: input.validFrom,
      recordedBy: ctx.actor.userId,
      recordedAt: ctx.now(),
    });
    await auditOrganisationEvent(ctx, tx, {
      type: 'contact.recorded',
      reason: decision.reason,
      details: { contactId: id, functionCode: input.functionCode },
    });
    return { id };
  });
