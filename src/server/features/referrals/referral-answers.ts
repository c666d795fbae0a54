/** The receiver's answer to a referral: acknowledging (perhaps opening a case at once) or declining. */
import { swedishDate } from '../../../domain/calendar';
import { initialStage } from '../../../domain/cases/stages';
import { checkAnswer, referralState } from '../../../domain/collaboration/referrals';
import { DomainError, ruleViolation, staleVersion } from '../../../domain/errors';
import { encryptField } from '../../platform/crypto/field-encryption';
import type { Tx } from '../../platform/db/transaction';
import type { CommandContext } from '../../platform/http/context';
import { referralPackageOf, referralSubjectOf } from './referral.presenter';
import { findCase, insertOpenedCase } from '../cases/case.repository';
import { findUnit } from '../organisation/organisation.repository';
import { registerIdentity } from '../persons/register-identity';
import { answerReferralIfVersion, type ReferralRow } from './referral.repository';
import { findUserById } from '../organisation/user.repository';
import { auditPersonEvent, runAudited } from '../../platform/runtime/person-access';
import { loadReferral } from './referral-access';
import { referralContext as contexts } from './referral.presenter';

/**
 * The receiver's answer. Acknowledging may open a case in the receiving unit at once, with the
 * person registered from the package (or found by personnummer if already known): the
 * receiving team starts from what was handed over instead of asking again.
 */
export const answerReferral = (
  ctx: CommandContext,
  id: string,
  input: { decline: boolean; reason: string; openCase: boolean; version: number },
) =>
  runAudited(ctx, async (tx) => {
    const { row } = await loadReferral(ctx, tx, id, 'case.write');
    if (row.toOrganisationId !== ctx.actor.organisationId)
      throw ruleViolation('referral.not_receiver', 'Bara mottagaren kan kvittera överlämningen.');
    const state = referralState(
      {
        sentOn: swedishDate(row.sentAt),
        acknowledgedAt: row.acknowledgedAt,
        declinedAt: row.declinedAt,
        withdrawnAt: row.withdrawnAt,
      },
      swedishDate(ctx.now()),
    );
    const check = checkAnswer(state, input);
    if (!check.ok)
      throw check.field
        ? new DomainError('validation.invalid', {
            fields: [{ path: `body.${check.field}`, message: check.message, code: check.code }],
          })
        : ruleViolation('referral.answered', check.message);
    const now = ctx.now();
    const receiver = await findUserById(tx, ctx.actor.userId);
    const caseId = !input.decline && input.openCase ? await openReceivedCase(ctx, tx, row) : null;
    const done = await answerReferralIfVersion(
      tx,
      id,
      input.version,
      input.decline
        ? {
            declinedAt: now,
            declineReasonEnc: encryptField(ctx.keys, contexts.declineReason, input.reason.trim()),
          }
        : {
            acknowledgedAt: now,
            acknowledgedByName: receiver?.displayName ?? '–',
            receivedCaseId: caseId,
          },
    );
    if (!done) throw staleVersion('Överlämningen har redan besvarats. Läs in sidan igen.');
    await auditPersonEvent(ctx, tx, {
      type: input.decline ? 'referral.declined' : 'referral.acknowledged',
      personId: caseId ? ((await findCase(tx, caseId))?.personId ?? null) : null,
      reason: 'referral.receiver',
      details: { referralId: id, caseId },
    });
    return { caseId };
  });

/** Registers the person from the package (or finds them by number) and opens a case on the intake list. */
const openReceivedCase = async (ctx: CommandContext, tx: Tx, row: ReferralRow) => {
  const subject = referralSubjectOf(ctx.keys, row);
  const unit = (await findUnit(tx, row.toUnitId))!;
  const now = ctx.now();
  // The person may be known already: the same person, placed in the receiving unit.
  const { id: personId } = await registerIdentity(
    ctx,
    tx,
    {
      unitId: unit.id,
      givenName: subject.givenName,
      familyName: subject.familyName,
      personalNumber: subject.personalNumber,
      identityKind: subject.personalNumber ? 'personnummer' : 'none',
      protectionLevel: subject.protectionLevel,
    },
    { reason: 'referral.receiver', details: { referralId: row.id } },
  );
  const { id } = await insertOpenedCase(tx, {
    organisationId: ctx.actor.organisationId,
    unitId: unit.id,
    personId,
    type: row.caseType,
    stage: initialStage,
    ownerUserId: null,
    detectionSource: row.kind === 'policeToSocialServices' ? 'police' : null,
    violenceForms: referralPackageOf(ctx.keys, row).violenceForms,
    perpetratorRelation: null,
    openedAt: now,
    createdBy: ctx.actor.userId,
  });
  await auditPersonEvent(ctx, tx, {
    type: 'case.opened',
    personId,
    reason: 'referral.receiver',
    details: { caseId: id, referralId: row.id },
  });
  return id;
};
