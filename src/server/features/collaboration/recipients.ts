import type { ConsentRecipient } from '../../../domain/collaboration/consent';
import {
  recipientKindOfOrganisation,
  type OrganisationKind,
} from '../../../domain/collaboration/referrals';
import { invalidFields } from '../../../domain/errors';
import type { Tx } from '../../platform/db/transaction';
import type { CommandContext } from '../../platform/http/context';
import { findUnit } from '../organisation/organisation.repository';
import { listDirectory } from '../referrals/referral.repository';

/**
 * Recipients are references: a unit or organisation named by id must be one of the
 * organisation's own units or in the county's directory, and is stored under the directory's
 * name, so the words on screen can never decide what a consent covers. An agency outside
 * Fristad stays as the words the worker wrote.
 */
export const referencedRecipients = async (
  ctx: CommandContext,
  tx: Tx,
  recipients: readonly ConsentRecipient[],
  /** The body field the recipients came in, for the error's path. */
  field = 'recipients',
): Promise<ConsentRecipient[]> => {
  const directory = await listDirectory(tx);
  return Promise.all(
    recipients.map(async (recipient, index) => {
      const { kind } = recipient;
      if (!recipient.unitId && !recipient.organisationId)
        return { kind, organisationId: null, unitId: null, label: recipient.label.trim() };
      const own = recipient.unitId ? await findUnit(tx, recipient.unitId) : undefined;
      if (own) return { kind, organisationId: null, unitId: own.id, label: own.name };
      const unit = directory.find((entry) => entry.unitId === recipient.unitId);
      const organisation = directory.find(
        (entry) => entry.organisationId === (unit?.organisationId ?? recipient.organisationId),
      );
      if (!organisation || (recipient.unitId && !unit))
        throw invalidFields([
          {
            field: `${field}.${index}`,
            message: 'Mottagaren finns inte i katalogen. Välj i listan.',
            code: 'notAnId',
          },
        ]);
      return {
        // What the recipient is follows from its organisation, not from what the form said.
        kind: recipientKindOfOrganisation[organisation.organisationKind as OrganisationKind],
        organisationId: organisation.organisationId,
        unitId: unit?.unitId ?? null,
        label: unit ? `${unit.organisationName} – ${unit.unitName}` : organisation.organisationName,
      };
    }),
  );
};
