/** Asking a provider for places from a case, and listing the requests the actor handles. */
import { can } from '../../../domain/access/policy';
import { swedishDate } from '../../../domain/calendar';
import { checkPlaceRequest, type PlaceRequestDraft } from '../../../domain/housing/placement';
import { invalidFields } from '../../../domain/errors';
import { encryptField } from '../../platform/crypto/field-encryption';
import type { CommandContext } from '../../platform/http/context';
import { caseResource } from '../cases/case.presenter';
import { presentPlaceRequest, requestContexts } from './housing.presenter';
import { findCases } from '../cases/case.repository';
import { findHousingUnit, insertPlaceRequest, listPlaceRequestsFor } from './housing.repository';
import { findUnit, ownOrganisation } from '../organisation/organisation.repository';
import { findUserById } from '../organisation/user.repository';
import { loadCaseFor } from '../../platform/runtime/case-access';
import { auditPersonEvent, runAudited } from '../../platform/runtime/person-access';
import { unitsWhereActorMay } from '../../platform/runtime/readable-units';

/**
 * Asks a provider in the county for places, from a case. The request says what is needed and
 * from when, never who: the provider does not read the case.
 */
export const sendPlaceRequest = (
  ctx: CommandContext,
  caseId: string,
  input: PlaceRequestDraft & { housingUnitId: string },
) =>
  runAudited(ctx, async (tx) => {
    const { record, decision } = await loadCaseFor(ctx, tx, caseId, 'case.write', {
      audit: 'housing.request_sent',
      reads: 'notShared',
    });
    const problems = checkPlaceRequest(input, swedishDate(ctx.now()));
    const unit = await findHousingUnit(tx, input.housingUnitId);
    if (!unit)
      problems.push({
        field: 'housingUnitId',
        message: 'Välj ett boende i katalogen.',
        code: 'notAnId',
      });
    if (problems.length) throw invalidFields(problems);
    const own = await ownOrganisation(tx, ctx.actor.organisationId);
    const fromUnit = (await findUnit(tx, record.unitId))!;
    const sender = await findUserById(tx, ctx.actor.userId);
    const { id } = await insertPlaceRequest(tx, {
      fromOrganisationId: own.id,
      fromUnitId: fromUnit.id,
      fromUserName: sender?.displayName ?? '–',
      fromUnitName: fromUnit.name,
      fromOrganisationName: own.name,
      caseId,
      housingUnitId: unit!.id,
      toOrganisationId: unit!.organisationId,
      housingUnitName: unit!.name,
      places: input.places,
      children: input.children,
      needs: [...new Set(input.needs)],
      noteEnc: encryptField(ctx.keys, requestContexts.note, input.note.trim()),
      wantedFrom: input.wantedFrom,
      sentAt: ctx.now(),
    });
    await auditPersonEvent(ctx, tx, {
      type: 'housing.request_sent',
      personId: record.personId,
      reason: decision.reason,
      details: { caseId, requestId: id, places: input.places },
    });
    return { id };
  });

/**
 * Requests the actor handles: those to the organisation's own units (for those who keep them)
 * and those sent from cases in units the actor may read.
 */
export const listPlaceRequests = (ctx: CommandContext, caseId: string | null = null) =>
  runAudited(ctx, async (tx) => {
    const keeps = can(
      ctx.actor,
      'housing.keep',
      { kind: 'organisation', organisationId: ctx.actor.organisationId },
      ctx.now(),
    ).allowed;
    const readable = await unitsWhereActorMay(ctx, tx, 'case.read');
    // One case's requests only, when the case page asks (the place and its request).
    const rows = await listPlaceRequestsFor(
      tx,
      { organisationId: ctx.actor.organisationId, incoming: keeps, fromUnitIds: readable, caseId },
      200,
    );
    // A request sent from a case is listed to those who may read that case (a therapist only
    // where assigned), like the case itself.
    const cases = await findCases(tx, [
      ...new Set(rows.flatMap((row) => (row.caseId ? [row.caseId] : []))),
    ]);
    const readableCases = new Set(
      cases
        .filter((entry) => can(ctx.actor, 'case.read', caseResource(entry), ctx.now()).allowed)
        .map((entry) => entry.id),
    );
    return rows.flatMap((row) => {
      const incoming = row.toOrganisationId === ctx.actor.organisationId && keeps;
      const outgoing =
        row.fromOrganisationId === ctx.actor.organisationId &&
        row.caseId !== null &&
        readableCases.has(row.caseId);
      if (!incoming && !outgoing) return [];
      return [presentPlaceRequest(row, ctx.keys, { incoming, outgoing })];
    });
  });
