/**
 * A place request after it is sent: the provider's answer (an offer books the places), withdrawing
 * it, and giving booked places back.
 */
import { declineReasonMinLength } from '../../../domain/housing/placement';
import { DomainError, invalidFields, ruleViolation, staleVersion } from '../../../domain/errors';
import { encryptField } from '../../platform/crypto/field-encryption';
import type { Tx } from '../../platform/db/transaction';
import type { CommandContext } from '../../platform/http/context';
import { requestContexts } from './housing.presenter';
import {
  answerPlaceRequestIfVersion,
  bookHousingPlaces,
  claimPlaceRequestIfVersion,
  findPlaceRequest,
  findPlaceRequestWithPlacement,
  releaseHousingPlaces,
  withdrawPlaceRequestInStatus,
} from './housing.repository';
import { findUserById } from '../organisation/user.repository';
import { loadCaseFor } from '../../platform/runtime/case-access';
import { requireOrganisationAction } from '../../platform/runtime/organisation-access';
import {
  auditOrganisationEvent,
  auditPersonEvent,
  runAudited,
} from '../../platform/runtime/person-access';

const staleRequest = () => staleVersion('Förfrågan har ändrats. Läs in sidan igen.');

/**
 * Takes the request at the version the caller read, in the UPDATE itself: of two people acting
 * on it at once, the second finds it changed (409) instead of acting on what it no longer is.
 */
const claimRequest = async (tx: Tx, requestId: string, version: number) => {
  if (!(await claimPlaceRequestIfVersion(tx, requestId, version))) throw staleRequest();
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
    const request = await findPlaceRequest(tx, requestId);
    if (!request || request.toOrganisationId !== ctx.actor.organisationId)
      throw new DomainError('not_found', { message: 'Förfrågan finns inte bland era.' });
    if (request.status !== 'sent')
      throw ruleViolation('housing.already_answered', 'Förfrågan är redan besvarad.');
    if (!input.offer && input.message.trim().length < declineReasonMinLength)
      throw invalidFields([
        {
          field: 'message',
          message: 'Skriv varför ni inte kan ta emot, så kan kommunen söka vidare.',
          code: 'required',
        },
      ]);
    if (input.offer) {
      const booked = await bookHousingPlaces(tx, request.housingUnitId, request.places);
      if (!booked)
        throw ruleViolation(
          'housing.no_free_place',
          request.places === 1
            ? 'Det finns ingen ledig plats kvar. Svara nej med ett ord om när en plats kan bli ledig.'
            : `Det finns inte ${request.places} lediga platser kvar.`,
        );
    }
    const keeper = await findUserById(tx, ctx.actor.userId);
    const answered = await answerPlaceRequestIfVersion(tx, requestId, input.version, {
      status: input.offer ? 'offered' : 'declined',
      answeredAt: ctx.now(),
      answeredByName: keeper?.displayName ?? '–',
      answerEnc: encryptField(ctx.keys, requestContexts.answer, input.message.trim()),
    });
    if (!answered) throw staleRequest();
    await auditOrganisationEvent(ctx, tx, {
      type: 'housing.request_answered',
      reason: decision.reason,
      details: { requestId, offer: input.offer },
    });
    return { status: input.offer ? ('offered' as const) : ('declined' as const) };
  });

/** Gives an offered request's booked places back to the provider; false if already given. */
export const releasePlaces = (ctx: CommandContext, tx: Tx, requestId: string) =>
  releaseHousingPlaces(tx, requestId, ctx.now());

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
    const request = await findPlaceRequestWithPlacement(tx, requestId);
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
    const withdrawn = await withdrawPlaceRequestInStatus(tx, requestId, request.status);
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
    const request = await findPlaceRequestWithPlacement(tx, requestId);
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
