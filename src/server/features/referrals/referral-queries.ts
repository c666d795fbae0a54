/** Reading referrals: the actor's incoming and outgoing list, a case's referrals, and one referral with its package and thread. */
import type { CommandContext } from '../../platform/http/context';
import { presentReferral, presentReferralInFull } from './referral.presenter';
import {
  listReferralMessages,
  listReferralsOfCase,
  listReferralsOfOrganisation,
  type ReferralRow,
} from './referral.repository';
import { loadCaseFor } from '../../platform/runtime/case-access';
import {
  auditOrganisationEvent,
  auditPersonEvent,
  runAudited,
} from '../../platform/runtime/person-access';
import { handlingOf, loadReferral, sidePersonId } from './referral-access';

/** The actor's side of a referral, as the presenter needs it. */
const viewerOf = (ctx: CommandContext) => ({
  organisationId: ctx.actor.organisationId,
  keys: ctx.keys,
  now: ctx.now(),
});

/** Incoming and outgoing referrals the actor may handle, newest first. */
export const listReferrals = (ctx: CommandContext) =>
  runAudited(ctx, async (tx) => {
    const rows = await listReferralsOfOrganisation(tx, ctx.actor.organisationId, 200);
    const visible: ReferralRow[] = [];
    for (const row of rows) {
      const handling = await handlingOf(ctx, tx, row, 'case.read');
      if (!handling) continue;
      // Reached across internal secrecy (break-glass): logged on the person, with how.
      if (handling.reason !== 'referral.party')
        await auditPersonEvent(ctx, tx, {
          type: 'referral.listed',
          personId: handling.personId,
          reason: handling.reason,
          breakGlassId: handling.breakGlassId,
          details: { referralId: row.id },
        });
      visible.push(row);
    }
    await auditOrganisationEvent(ctx, tx, {
      type: 'referral.listed',
      reason: 'referrals.mine',
      details: { count: visible.length },
    });
    return visible.map((row) => presentReferral(row, viewerOf(ctx)));
  });

/** Referrals sent from or received into a case the actor may read. */
export const referralsOfCase = (ctx: CommandContext, caseId: string) =>
  runAudited(ctx, async (tx) => {
    const { record, decision } = await loadCaseFor(ctx, tx, caseId, 'case.read', {
      audit: 'referral.read',
      reads: 'notShared',
    });
    const rows = await listReferralsOfCase(tx, caseId);
    await auditPersonEvent(ctx, tx, {
      type: 'referral.read',
      personId: record.personId,
      reason: decision.reason,
      details: { caseId, count: rows.length },
    });
    return rows.map((row) => presentReferral(row, viewerOf(ctx)));
  });

/** One referral with its package and thread. The identity number is masked as everywhere. */
export const readReferral = (ctx: CommandContext, id: string) =>
  runAudited(ctx, async (tx) => {
    const { row, handling } = await loadReferral(ctx, tx, id, 'case.read');
    const messages = await listReferralMessages(tx, id);
    await auditPersonEvent(ctx, tx, {
      type: 'referral.read',
      personId: await sidePersonId(ctx, tx, row),
      reason: handling.reason,
      breakGlassId: handling.breakGlassId,
      details: { referralId: id },
    });
    return presentReferralInFull(row, messages, viewerOf(ctx));
  });
