/** Directories of the county's other organisations: where a referral can go, who can receive a disclosure, who can take part in a meeting. */
import {
  recipientKindOfOrganisation,
  referralKindFor,
  type OrganisationKind,
} from '../../../domain/collaboration/referrals';
import type { CommandContext } from '../../platform/http/context';
import { ownOrganisation } from '../organisation/organisation.repository';
import { listDirectory } from './referral.repository';
import { runAudited } from '../../platform/runtime/person-access';

/** Where a referral from the actor's organisation can go: units of the county's other organisations. */
export const referralDirectory = (ctx: CommandContext) =>
  runAudited(ctx, async (tx) => {
    const own = await ownOrganisation(tx, ctx.actor.organisationId);
    return (await listDirectory(tx)).flatMap((row) => {
      const kind = referralKindFor(own.kind, row.organisationKind);
      return row.organisationId !== own.id && kind ? [{ ...row, referralKind: kind }] : [];
    });
  });

/**
 * The county's other organisations' units (names only), each with the kind of recipient it is:
 * what the recipient picker offers for consents and disclosures.
 */
export const recipientDirectory = (ctx: CommandContext) =>
  runAudited(ctx, async (tx) =>
    (await listDirectory(tx))
      .filter((row) => row.organisationId !== ctx.actor.organisationId)
      .map((row) => ({
        organisationId: row.organisationId,
        organisationName: row.organisationName,
        unitId: row.unitId,
        unitName: row.unitName,
        recipientKind: recipientKindOfOrganisation[row.organisationKind as OrganisationKind],
      })),
  );

/** The county's other organisations (names only): who can take part in a meeting. */
export const countyOrganisations = (ctx: CommandContext) =>
  runAudited(ctx, async (tx) => {
    const rows = await listDirectory(tx);
    const seen = new Map<string, { id: string; name: string; kind: string }>();
    for (const row of rows)
      if (row.organisationId !== ctx.actor.organisationId)
        seen.set(row.organisationId, {
          id: row.organisationId,
          name: row.organisationName,
          kind: row.organisationKind,
        });
    return [...seen.values()];
  });
