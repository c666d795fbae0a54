import type { CaseType } from '../../domain/cases/catalogues';
import { checkHandlerSeparation } from '../../domain/cases/links';
import { DomainError, ruleViolation } from '../../domain/errors';
import { parseIdentity } from '../../domain/identity/personal-identity';
import type { CommandContext } from '../http/context';
import { insertLink, listLinks } from '../repositories/case.repository';
import { loadCaseFor } from './case-access';
import { linkedFacts } from './linked-facts';
import { auditPersonEvent, runAudited } from './person-access';

/**
 * Links a perpetrator's case to the open cases of the person they used violence against, found
 * by personnummer (digest 003: the perpetrator's worker knows who the partner is, not where her
 * case is). The linked cases stay hidden behind internal secrecy; the link only lets a concern
 * travel to her worker and keeps one worker from holding both sides.
 */
export const linkVictimByPersonalNumber = (
  ctx: CommandContext,
  caseId: string,
  input: { personalNumber: string },
) =>
  runAudited(ctx, async (tx) => {
    // She may have a personnummer or a samordningsnummer; either finds her.
    const parsed =
      (['personnummer', 'samordningsnummer'] as const)
        .map((kind) => parseIdentity(kind, input.personalNumber))
        .find((result) => result.ok) ?? parseIdentity('personnummer', input.personalNumber);
    if (!parsed.ok)
      throw new DomainError('validation.invalid', {
        fields: [{ path: 'body.personalNumber', message: parsed.message }],
      });
    const { record, decision } = await loadCaseFor(
      ctx,
      tx,
      caseId,
      'case.write',
      'case.linked',
      true,
    );
    if (record.type !== 'perpetrator')
      throw ruleViolation(
        'case.not_perpetrator_case',
        'Den våldsutsattas ärende länkas från våldsutövarens ärende.',
      );
    // Read as the system: the actor will not see these cases, only that a link was made.
    const victims = await tx
      .selectFrom('cases as c')
      .innerJoin('persons as p', 'p.id', 'c.personId')
      .select(['c.id', 'c.type', 'c.ownerUserId', 'c.personId'])
      .where('p.personalNumber', '=', parsed.value)
      .where('c.type', '=', 'adultVictim')
      .where('c.stage', '<>', 'closed')
      .execute();
    const already = new Set((await listLinks(tx, caseId)).map((link) => link.linkedCaseId));
    const fresh = victims.filter((victim) => !already.has(victim.id));
    const separation = checkHandlerSeparation(
      { type: 'perpetrator', ownerUserId: record.ownerUserId },
      [
        ...(await linkedFacts(tx, caseId)),
        ...fresh.map((victim) => ({
          caseId: victim.id,
          type: victim.type as CaseType,
          ownerUserId: victim.ownerUserId,
        })),
      ],
    );
    if (!separation.ok) throw ruleViolation(separation.code, separation.message);
    for (const victim of fresh) {
      await insertLink(tx, {
        organisationId: ctx.actor.organisationId,
        caseId,
        linkedCaseId: victim.id,
        kind: 'victimPerpetrator',
        createdBy: ctx.actor.userId,
        createdAt: ctx.now(),
      });
      // Her case changed (a link) by someone who cannot read it: logged on her, with how.
      await auditPersonEvent(ctx, tx, {
        type: 'case.linked',
        personId: victim.personId,
        reason: 'access.link_by_personal_number',
        // The perpetrator's case id stays out: her area's log review must not point across.
        details: { caseId: victim.id, kind: 'victimPerpetrator' },
      });
    }
    await auditPersonEvent(ctx, tx, {
      type: 'case.linked',
      personId: record.personId,
      reason: decision.reason,
      details: { caseId, byPersonalNumber: true, linked: fresh.length },
    });
    return { linked: fresh.length, alreadyLinked: victims.length - fresh.length };
  });
