import { sql } from 'kysely';
import { can } from '../../domain/access/policy';
import { swedishDate } from '../../domain/calendar';
import type { Specialisation } from '../../domain/housing/catalogue';
import {
  checkPlaceRequest,
  declineReasonMinLength,
  type PlaceRequestDraft,
} from '../../domain/housing/placement';
import { DomainError, invalidFields, ruleViolation, staleVersion } from '../../domain/errors';
import { decryptField, encryptField } from '../crypto/field-encryption';
import type { Tx } from '../db/transaction';
import type { CommandContext } from '../http/context';
import { caseResource } from '../presenters/case.presenter';
import { findCases } from '../repositories/case.repository';
import { findUnit, ownOrganisation } from '../repositories/organisation.repository';
import { findUserById } from '../repositories/user.repository';
import { loadCaseFor } from './case-access';
import { requireOrganisationAction } from './organisation-access';
import { auditOrganisationEvent, auditPersonEvent, runAudited } from './person-access';
import { unitsWhereActorMay } from './readable-units';

export const requestContexts = {
  note: 'housing_requests.note',
  answer: 'housing_requests.answer',
} as const;

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
    const unit = await tx
      .selectFrom('housingUnits')
      .select(['id', 'name', 'organisationId'])
      .where('id', '=', input.housingUnitId)
      .executeTakeFirst();
    if (!unit) problems.push({ field: 'housingUnitId', message: 'Välj ett boende i katalogen.' });
    if (problems.length) throw invalidFields(problems);
    const own = await ownOrganisation(tx, ctx.actor.organisationId);
    const fromUnit = (await findUnit(tx, record.unitId))!;
    const sender = await findUserById(tx, ctx.actor.userId);
    const { id } = await tx
      .insertInto('housingRequests')
      .values({
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
      })
      .returning('id')
      .executeTakeFirstOrThrow();
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
    const rows = await tx
      .selectFrom('housingRequests')
      .selectAll()
      .select((eb) =>
        eb.fn<string>('to_char', ['wantedFrom', eb.val('YYYY-MM-DD')]).as('wantedFromText'),
      )
      .where((eb) =>
        eb.or([
          ...(keeps ? [eb('toOrganisationId', '=', ctx.actor.organisationId)] : []),
          ...(readable.length
            ? [
                eb.and([
                  eb('fromOrganisationId', '=', ctx.actor.organisationId),
                  eb('fromUnitId', 'in', readable),
                ]),
              ]
            : []),
          eb.val(false),
        ]),
      )
      // One case's requests only, when the case page asks (the place and its request).
      .$if(caseId !== null, (query) => query.where('caseId', '=', caseId))
      .orderBy('sentAt', 'desc')
      .limit(200)
      .execute();
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
      return [
        {
          id: row.id,
          incoming,
          from: `${row.fromOrganisationName}, ${row.fromUnitName}`,
          fromUser: row.fromUserName,
          housingUnitId: row.housingUnitId,
          housingUnitName: row.housingUnitName,
          // The placing side's case, for the placing side only.
          caseId: outgoing ? row.caseId : null,
          places: row.places,
          children: row.children,
          needs: row.needs,
          note: decryptField(ctx.keys, requestContexts.note, row.noteEnc),
          wantedFrom: row.wantedFromText,
          status: row.status,
          sentAt: row.sentAt.toISOString(),
          answeredBy: row.answeredByName,
          answer: row.answerEnc
            ? decryptField(ctx.keys, requestContexts.answer, row.answerEnc)
            : null,
          released: row.releasedAt !== null,
          version: row.version,
        },
      ];
    });
  });

const staleRequest = () => staleVersion('Förfrågan har ändrats. Läs in sidan igen.');

/**
 * Takes the request at the version the caller read, in the UPDATE itself: of two people acting
 * on it at once, the second finds it changed (409) instead of acting on what it no longer is.
 */
const claimRequest = async (tx: Tx, requestId: string, version: number) => {
  const claimed = await tx
    .updateTable('housingRequests')
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('id', '=', requestId)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst();
  if (!claimed) throw staleRequest();
};

/**
 * The provider answers. An offer books the places in the same transaction, with one conditional
 * update: when two offers race for the last place, the second finds none free and is refused.
 */
export const answerPlaceRequest = (
  ctx: CommandContext,
  requestId: string,
  input: { offer: boolean; message: string; version: number },
) =>
  runAudited(ctx, async (tx) => {
    const decision = requireOrganisationAction(ctx, 'housing.keep');
    const request = await tx
      .selectFrom('housingRequests')
      .select(['id', 'toOrganisationId', 'housingUnitId', 'places', 'status', 'version'])
      .where('id', '=', requestId)
      .executeTakeFirst();
    if (!request || request.toOrganisationId !== ctx.actor.organisationId)
      throw new DomainError('not_found', { message: 'Förfrågan finns inte bland era.' });
    if (request.status !== 'sent')
      throw ruleViolation('housing.already_answered', 'Förfrågan är redan besvarad.');
    if (!input.offer && input.message.trim().length < declineReasonMinLength)
      throw invalidFields([
        {
          field: 'message',
          message: 'Skriv varför ni inte kan ta emot, så kan kommunen söka vidare.',
        },
      ]);
    if (input.offer) {
      const booked = await tx
        .updateTable('housingUnits')
        .set((eb) => ({
          occupied: eb('occupied', '+', request.places),
          version: eb('version', '+', 1),
        }))
        .where('id', '=', request.housingUnitId)
        .where((eb) => eb(eb('occupied', '+', request.places), '<=', eb.ref('capacity')))
        .returning('occupied')
        .executeTakeFirst();
      if (!booked)
        throw ruleViolation(
          'housing.no_free_place',
          request.places === 1
            ? 'Det finns ingen ledig plats kvar. Svara nej med ett ord om när en plats kan bli ledig.'
            : `Det finns inte ${request.places} lediga platser kvar.`,
        );
    }
    const keeper = await findUserById(tx, ctx.actor.userId);
    const answered = await tx
      .updateTable('housingRequests')
      .set((eb) => ({
        status: input.offer ? 'offered' : 'declined',
        answeredAt: ctx.now(),
        answeredByName: keeper?.displayName ?? '–',
        answerEnc: encryptField(ctx.keys, requestContexts.answer, input.message.trim()),
        version: eb('version', '+', 1),
      }))
      .where('id', '=', requestId)
      .where('version', '=', input.version)
      .returning('id')
      .executeTakeFirst();
    if (!answered) throw staleRequest();
    await auditOrganisationEvent(ctx, tx, {
      type: 'housing.request_answered',
      reason: decision.reason,
      details: { requestId, offer: input.offer },
    });
    return { status: input.offer ? ('offered' as const) : ('declined' as const) };
  });

/** Gives an offered request's booked places back to the provider; false if already given. */
export const releasePlaces = async (ctx: CommandContext, tx: Tx, requestId: string) =>
  (
    await sql<{
      released: boolean;
    }>`select release_housing_places(${requestId}, ${ctx.now()}) as released`.execute(tx)
  ).rows[0]!.released;

const requestRow = (tx: Tx, requestId: string) =>
  tx
    .selectFrom('housingRequests as r')
    .leftJoin('housingPlacements as p', 'p.requestId', 'r.id')
    .select([
      'r.id',
      'r.caseId',
      'r.fromOrganisationId',
      'r.toOrganisationId',
      'r.status',
      'r.releasedAt',
      'r.version',
      'p.id as placementId',
    ])
    .where('r.id', '=', requestId)
    .executeTakeFirst();

/**
 * The placing side no longer needs the place (she found another solution, or the need passed):
 * an unanswered request is withdrawn, and an offer not moved into gives its places back to the
 * provider at once, so the directory does not show a full unit that is not.
 */
export const withdrawPlaceRequest = (
  ctx: CommandContext,
  requestId: string,
  input: { version: number },
) =>
  runAudited(ctx, async (tx) => {
    const request = await requestRow(tx, requestId);
    if (!request || request.fromOrganisationId !== ctx.actor.organisationId || !request.caseId)
      throw new DomainError('not_found', { message: 'Förfrågan finns inte bland era.' });
    const { record, decision } = await loadCaseFor(ctx, tx, request.caseId, 'case.write', {
      audit: 'housing.request_withdrawn',
      reads: 'notShared',
    });
    if (request.placementId)
      throw ruleViolation(
        'housing.offer_used',
        'Hon har flyttat in på erbjudandet. Registrera utflyttningen i stället.',
      );
    if (request.status === 'declined' || request.status === 'withdrawn' || request.releasedAt)
      throw ruleViolation('housing.request_closed', 'Förfrågan är redan avslutad.');
    await claimRequest(tx, requestId, input.version);
    const released = request.status === 'offered' && (await releasePlaces(ctx, tx, requestId));
    // Releasing bumped the version; the transaction guards the rest, so match on status.
    const withdrawn = await tx
      .updateTable('housingRequests')
      .set((eb) => ({ status: 'withdrawn', version: eb('version', '+', 1) }))
      .where('id', '=', requestId)
      .where('status', '=', request.status)
      .returning('id')
      .executeTakeFirst();
    if (!withdrawn) throw staleRequest();
    await auditPersonEvent(ctx, tx, {
      type: 'housing.request_withdrawn',
      personId: record.personId,
      reason: decision.reason,
      details: { caseId: request.caseId, requestId, placesReleased: released },
    });
    return { status: 'withdrawn' as const, placesReleased: released };
  });

/**
 * The provider says the offered places are free again — the woman never came, or has left and
 * the municipality has not recorded it yet. Only an offer's own places are given back, once.
 */
export const releaseOfferedPlaces = (
  ctx: CommandContext,
  requestId: string,
  input: { version: number },
) =>
  runAudited(ctx, async (tx) => {
    const decision = requireOrganisationAction(ctx, 'housing.keep');
    const request = await requestRow(tx, requestId);
    if (!request || request.toOrganisationId !== ctx.actor.organisationId)
      throw new DomainError('not_found', { message: 'Förfrågan finns inte bland era.' });
    if (request.status !== 'offered' || request.releasedAt)
      throw ruleViolation(
        'housing.nothing_booked',
        'Förfrågan har inga bokade platser att lämna tillbaka.',
      );
    await claimRequest(tx, requestId, input.version);
    await releasePlaces(ctx, tx, requestId);
    await auditOrganisationEvent(ctx, tx, {
      type: 'housing.places_released',
      reason: decision.reason,
      details: { requestId },
    });
    return { released: true as const };
  });

/** A need for a place that nobody could meet, counted without saying who (digest 000). */
export const recordUnmetNeed = (
  ctx: CommandContext,
  input: {
    unitId: string;
    places: number;
    children: number;
    needs: Specialisation[];
    note: string;
  },
) =>
  runAudited(ctx, async (tx) => {
    const decision = requireOrganisationAction(ctx, 'case.write');
    const today = swedishDate(ctx.now());
    const problems = checkPlaceRequest({ ...input, wantedFrom: today }, today);
    if (!(await unitsWhereActorMay(ctx, tx, 'case.write')).includes(input.unitId))
      problems.push({ field: 'unitId', message: 'Välj en enhet där du arbetar med ärenden.' });
    if (problems.length) throw invalidFields(problems);
    const { id } = await tx
      .insertInto('housingUnmetNeeds')
      .values({
        organisationId: ctx.actor.organisationId,
        unitId: input.unitId,
        recordedOn: today,
        places: input.places,
        children: input.children,
        needs: [...new Set(input.needs)],
        noteEnc: encryptField(ctx.keys, 'housing_unmet_needs.note', input.note.trim()),
        recordedBy: ctx.actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await auditOrganisationEvent(ctx, tx, {
      type: 'housing.unmet_need_recorded',
      reason: decision.reason,
      details: { unmetNeedId: id, places: input.places },
    });
    return { id };
  });

/** The organisation's unmet needs in the units the actor may read, newest first. */
export const listUnmetNeeds = (ctx: CommandContext) =>
  runAudited(ctx, async (tx) => {
    const readable = await unitsWhereActorMay(ctx, tx, 'case.read');
    if (readable.length === 0) return [];
    const rows = await tx
      .selectFrom('housingUnmetNeeds')
      .select(['id', 'places', 'children', 'needs', 'noteEnc'])
      .select((eb) =>
        eb.fn<string>('to_char', ['recordedOn', eb.val('YYYY-MM-DD')]).as('recordedOn'),
      )
      .where('unitId', 'in', readable)
      .orderBy('recordedOn', 'desc')
      .limit(200)
      .execute();
    return rows.map(({ noteEnc, ...row }) => ({
      ...row,
      note: decryptField(ctx.keys, 'housing_unmet_needs.note', noteEnc),
    }));
  });
