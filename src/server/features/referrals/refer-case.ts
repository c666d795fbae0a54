import { can } from '../../../domain/access/policy';
import { roles } from '../../../domain/access/roles';
import type { CaseType } from '../../../domain/cases/catalogues';
import { initialStage } from '../../../domain/cases/stages';
import { DomainError } from '../../../domain/errors';
import type { CommandContext } from '../../platform/http/context';
import { findUnit } from '../organisation/organisation.repository';
import { caseResource, presentCaseSummary } from '../cases/case.presenter';
import { findCase, insertOpenedCase } from '../cases/case.repository';
import { auditPersonEvent, loadPersonFor, runAudited } from '../../platform/runtime/person-access';

export type ReferralInput = {
  personId: string;
  fromUnitId: string;
  toUnitId: string;
  type: Exclude<CaseType, 'childExposed'>;
  /** The client agreed to the referral (needed when it crosses a secrecy area: osl.internalSecrecy). */
  clientConsent: boolean;
};

/**
 * An internal referral: a worker who found violence (say in income support) opens an intake
 * case in the VINR team with the client's consent. The worker needs no role there; the case
 * lands unowned on the team's intake list, and the person becomes visible to the team.
 */
export const referCase = (ctx: CommandContext, input: ReferralInput) =>
  runAudited(ctx, async (tx) => {
    const { person } = await loadPersonFor(
      ctx,
      tx,
      input.personId,
      'person.read',
      'case.referred',
      true,
    );
    const fromGrant = ctx.actor.roles.find(
      (grant) =>
        grant.unitId === input.fromUnitId && roles[grant.role].actions.includes('case.write'),
    );
    if (!fromGrant)
      throw new DomainError('validation.invalid', {
        fields: [
          {
            path: 'body.fromUnitId',
            message: 'Välj den enhet du arbetar i.',
            code: 'unitNotYours',
          },
        ],
      });
    const target = await findUnit(tx, input.toUnitId);
    if (!target)
      throw new DomainError('validation.invalid', {
        fields: [{ path: 'body.toUnitId', message: 'Enheten finns inte.', code: 'notAnId' }],
      });
    const crossesSecrecy =
      target.secrecyAreaId === null || target.secrecyAreaId !== fromGrant.secrecyAreaId;
    if (crossesSecrecy && !input.clientConsent) {
      throw new DomainError('rule.violation', {
        reason: 'referral.consent_required',
        message: `${target.name} ligger i ett annat sekretessområde. Fråga om personen samtycker till att du lämnar över, och markera samtycket.`,
      });
    }
    const now = ctx.now();
    const { id } = await insertOpenedCase(tx, {
      organisationId: ctx.actor.organisationId,
      unitId: target.id,
      personId: person.id,
      type: input.type,
      stage: initialStage,
      ownerUserId: null,
      detectionSource: null,
      violenceForms: [],
      perpetratorRelation: null,
      referredFromUnitId: input.fromUnitId,
      referralConsent: input.clientConsent,
      openedAt: now,
      createdBy: ctx.actor.userId,
    });
    await auditPersonEvent(ctx, tx, {
      type: 'case.referred',
      personId: person.id,
      reason: input.clientConsent ? 'consent' : 'same_secrecy_area',
      details: { caseId: id, fromUnitId: input.fromUnitId, toUnitId: target.id },
    });
    const created = await findCase(tx, id);
    // The referring worker may not be able to read the new case (it is in the team's area).
    const visible = created && can(ctx.actor, 'case.read', caseResource(created), now).allowed;
    return {
      caseId: id,
      toUnitName: target.name,
      case:
        visible && created
          ? presentCaseSummary(created, { actor: ctx.actor, keys: ctx.keys, now })
          : null,
    };
  });
