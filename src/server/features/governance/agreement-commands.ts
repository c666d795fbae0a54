import { swedishDate } from '../../../domain/calendar';
import {
  checkAgreement,
  reviewState,
  type AgreementDraft,
} from '../../../domain/governance/agreements';
import { invalidFields, staleVersion } from '../../../domain/errors';
import type { CommandContext } from '../../platform/http/context';
import {
  insertAgreement,
  listAgreementsByTitle,
  updateAgreementIfVersion,
} from './agreement.repository';
import { requireOrganisationAction } from '../../platform/runtime/organisation-access';
import { auditOrganisationEvent, runAudited } from '../../platform/runtime/person-access';

/** The organisation's agreements, each with whether its review is due; everyone may read them. */
export const listAgreements = (ctx: CommandContext) =>
  runAudited(ctx, async (tx) => {
    const rows = await listAgreementsByTitle(tx);
    const today = swedishDate(ctx.now());
    return rows.map((row) => ({ ...row, review: reviewState(row, today) }));
  });

/** Adds an agreement, or changes one at the version the writer saw (409 otherwise). */
export const saveAgreement = (
  ctx: CommandContext,
  input: AgreementDraft & { id: string | null; version: number | null },
) =>
  runAudited(ctx, async (tx) => {
    requireOrganisationAction(ctx, 'statistics.read');
    const problems = checkAgreement(input);
    if (problems.length) throw invalidFields(problems);
    const values = {
      title: input.title.trim(),
      parties: input.parties.map((party) => party.trim()).filter(Boolean),
      partnerKinds: input.partnerKinds,
      status: input.status,
      signedOn: input.signedOn,
      reviewOn: input.reviewOn,
      usedInPractice: input.usedInPractice,
      updatedBy: ctx.actor.userId,
      updatedAt: ctx.now(),
    };
    let id = input.id;
    if (id) {
      const updated = await updateAgreementIfVersion(tx, id, input.version ?? 0, values);
      if (!updated)
        throw staleVersion('Avtalet har ändrats av någon annan. Ladda om och gör ändringen igen.');
    } else
      id = (await insertAgreement(tx, { ...values, organisationId: ctx.actor.organisationId })).id;
    await auditOrganisationEvent(ctx, tx, {
      type: 'agreement.saved',
      reason: 'statistics.read',
      details: { agreementId: id },
    });
    return { id };
  });
