import type { CaseType } from '../../../domain/cases/catalogues';
import { checkHandlerSeparation } from '../../../domain/cases/links';
import { DomainError, ruleViolation, staleVersion } from '../../../domain/errors';
import { parseIdentity } from '../../../domain/identity/personal-identity';
import type { CommandContext } from '../../platform/http/context';
import { findCase, insertLink } from '../cases/case.repository';
import {
  answerLinkRequestIfPending,
  findLinkRequest,
  insertLinkRequest,
  listLinkRequestsTo,
  openVictimCasesByNumber,
} from './link-request.repository';
import { loadCaseFor } from '../../platform/runtime/case-access';
import { linkedFacts } from '../cases/linked-facts';
import { auditPersonEvent, runAudited } from '../../platform/runtime/person-access';

/**
 * Asks to link a perpetrator's case to the open cases of the person he used violence against,
 * found by her personnummer (digest 003: his worker knows who the partner is, not where her case
 * is). Nothing is linked yet and the asker is told nothing: the answer is the same whether she
 * has a case or not (no existence oracle). Each of her open cases gets the request, which her
 * own team sees and answers; the attempt is in the audit log on him and on her.
 */
export const requestVictimLink = (
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
        fields: [{ path: 'body.personalNumber', message: parsed.message, code: parsed.code }],
      });
    const { record, decision } = await loadCaseFor(ctx, tx, caseId, 'case.write', {
      audit: 'case.link_requested',
      reads: 'caseHistory',
      passesOn: true,
    });
    if (record.type !== 'perpetrator')
      throw ruleViolation(
        'case.not_perpetrator_case',
        'Den våldsutsattas ärende länkas från våldsutövarens ärende.',
      );
    for (const victim of await openVictimCasesByNumber(tx, parsed.value!)) {
      const created = await insertLinkRequest(tx, {
        organisationId: ctx.actor.organisationId,
        fromCaseId: caseId,
        toCaseId: victim.id,
        requestedBy: ctx.actor.userId,
        requestedAt: ctx.now(),
      });
      if (!created) continue;
      // Her case was asked about by someone who cannot read it: logged on her, with how. The
      // perpetrator's case id stays out: her area's log review must not point across.
      await auditPersonEvent(ctx, tx, {
        type: 'case.link_requested',
        personId: victim.personId,
        reason: 'access.link_by_personal_number',
        details: { caseId: victim.id },
      });
    }
    await auditPersonEvent(ctx, tx, {
      type: 'case.link_requested',
      personId: record.personId,
      reason: decision.reason,
      details: { caseId, byPersonalNumber: true },
    });
    return { requested: true as const };
  });

/** The requests to link a victim's case, for her own team: which unit asked and when. */
export const readLinkRequests = (ctx: CommandContext, caseId: string) =>
  runAudited(ctx, async (tx) => {
    // The request itself tells of a case in another area: her own area only, never a share.
    const { record, decision } = await loadCaseFor(ctx, tx, caseId, 'case.read', {
      audit: 'case.link_requested',
      reads: 'caseHistory',
      passesOn: true,
    });
    const rows = await listLinkRequestsTo(tx, caseId);
    await auditPersonEvent(ctx, tx, {
      type: 'case.read',
      personId: record.personId,
      reason: decision.reason,
      details: { caseId, linkRequests: rows.length },
    });
    return rows.map((row) => ({
      id: row.id,
      fromUnitName: row.fromUnitName,
      requestedAt: row.requestedAt.toISOString(),
      status: row.status,
      answeredAt: row.answeredAt?.toISOString() ?? null,
      version: row.version,
    }));
  });

/**
 * Her team answers. Accepting links the two cases (so a concern raised in his case can reach
 * her worker, and one worker cannot hold both sides); it tells his side that a case exists,
 * which is her team's decision to make. Declining links nothing and tells nothing.
 */
export const answerLinkRequest = (
  ctx: CommandContext,
  id: string,
  input: { accept: boolean; version: number },
) =>
  runAudited(ctx, async (tx) => {
    const request = await findLinkRequest(tx, id);
    if (!request)
      throw new DomainError('not_found', {
        message: 'Begäran finns inte eller är inte synlig för dig.',
      });
    const { record, decision } = await loadCaseFor(ctx, tx, request.toCaseId, 'case.write', {
      audit: 'case.link_answered',
      reads: 'caseHistory',
      passesOn: true,
    });
    const answered = await answerLinkRequestIfPending(tx, id, input.version, {
      status: input.accept ? 'accepted' : 'declined',
      answeredBy: ctx.actor.userId,
      answeredAt: ctx.now(),
    });
    if (!answered) throw staleVersion('Begäran är redan besvarad. Läs in sidan igen.');
    if (input.accept) {
      const perpetratorCase = (await findCase(tx, request.fromCaseId))!;
      const separation = checkHandlerSeparation(
        { type: 'perpetrator', ownerUserId: perpetratorCase.ownerUserId },
        [
          ...(await linkedFacts(tx, request.fromCaseId)),
          { caseId: record.id, type: record.type as CaseType, ownerUserId: record.ownerUserId },
        ],
      );
      if (!separation.ok) throw ruleViolation(separation.code, separation.message);
      await insertLink(tx, {
        organisationId: ctx.actor.organisationId,
        caseId: request.fromCaseId,
        linkedCaseId: record.id,
        kind: 'victimPerpetrator',
        createdBy: ctx.actor.userId,
        createdAt: ctx.now(),
      });
      await auditPersonEvent(ctx, tx, {
        type: 'case.linked',
        personId: perpetratorCase.personId,
        reason: 'access.link_accepted',
        // Her case id stays out: his area's log review must not point across either.
        details: { caseId: request.fromCaseId, kind: 'victimPerpetrator' },
      });
    }
    await auditPersonEvent(ctx, tx, {
      type: 'case.link_answered',
      personId: record.personId,
      reason: decision.reason,
      details: { caseId: record.id, accepted: input.accept },
    });
    return {
      status: input.accept ? ('accepted' as const) : ('declined' as const),
      version: answered.version,
    };
  });
