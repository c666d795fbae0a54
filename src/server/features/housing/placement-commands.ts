import { swedishDate } from '../../../domain/calendar';
import type { ExitDestination, VisitMode } from '../../../domain/housing/catalogue';
import {
  checkChild,
  checkExit,
  checkPlacement,
  exitPlanOpenItems,
  type ChildDraft,
  type ExitPlan,
  type PlacementDraft,
} from '../../../domain/housing/placement';
import { invalidFields, ruleViolation, staleVersion } from '../../../domain/errors';
import type { AuditEventType } from '../../../domain/audit/events';
import { encryptField } from '../../platform/crypto/field-encryption';
import type { Tx } from '../../platform/db/transaction';
import type { CommandContext } from '../../platform/http/context';
import { placementContexts, presentPlacement } from './housing.presenter';
import {
  findOpenPlacement,
  findPlacementForRequest,
  findSentRequestWithProvider,
  insertPlacement,
  insertPlacementChild,
  insertPlacementVisit,
  listPlacementChildren,
  listPlacementsForCase,
  listPlacementVisits,
  updatePlacementIfVersion,
} from './housing.repository';
import { loadCaseFor } from '../../platform/runtime/case-access';
import { releasePlaces } from './housing-offers';
import { auditPersonEvent, runAudited } from '../../platform/runtime/person-access';

/** The case's stays in protected housing, the current one first, with children and visits. */
export const readPlacements = (ctx: CommandContext, caseId: string) =>
  runAudited(ctx, async (tx) => {
    const { record, decision } = await loadCaseFor(ctx, tx, caseId, 'case.read', {
      audit: 'housing.placement_read',
      reads: 'notShared',
    });
    const placements = await listPlacementsForCase(tx, caseId);
    const ids = placements.map((placement) => placement.id);
    const children = await listPlacementChildren(tx, ids);
    const visits = await listPlacementVisits(tx, ids);
    await auditPersonEvent(ctx, tx, {
      type: 'housing.placement_read',
      personId: record.personId,
      reason: decision.reason,
      breakGlassId: decision.breakGlassId,
      details: { caseId },
    });
    return placements.map((placement) =>
      presentPlacement(placement, ctx.keys, {
        children: children.filter((child) => child.placementId === placement.id),
        visits: visits.filter((visit) => visit.placementId === placement.id),
      }),
    );
  });

/**
 * A stay begins: in a place a provider offered on the case's request (already booked), or with a
 * provider outside the directory, named in words. One stay at a time per case.
 */
export const startPlacement = (
  ctx: CommandContext,
  caseId: string,
  input: PlacementDraft & { requestId: string | null; providerName: string },
) =>
  runAudited(ctx, async (tx) => {
    const { record, decision } = await loadCaseFor(ctx, tx, caseId, 'case.write', {
      audit: 'housing.placement_saved',
      reads: 'notShared',
    });
    const problems = checkPlacement(input);
    let providerName = input.providerName.trim();
    let housingUnitId: string | null = null;
    if (input.requestId) {
      const request = await findSentRequestWithProvider(
        tx,
        input.requestId,
        ctx.actor.organisationId,
      );
      if (
        !request ||
        request.caseId !== caseId ||
        request.status !== 'offered' ||
        request.releasedAt
      )
        problems.push({
          field: 'requestId',
          message: 'Välj en plats som ett boende har erbjudit i det här ärendet.',
          code: 'notAnId',
        });
      else {
        providerName = `${request.housingUnitName}${request.name ? ` (${request.name})` : ''}`;
        housingUnitId = request.housingUnitId;
      }
    } else if (providerName.length < 2)
      problems.push({
        field: 'providerName',
        message:
          'Välj ett erbjudande, eller skriv vilket boende det är om det inte finns i katalogen.',
        code: 'required',
      });
    if (problems.length) throw invalidFields(problems);
    const current = await findOpenPlacement(tx, caseId);
    if (current)
      throw ruleViolation(
        'housing.placement_open',
        'Ärendet har redan en pågående placering. Registrera utflyttningen först.',
      );
    const used = input.requestId && (await findPlacementForRequest(tx, input.requestId));
    if (used) throw ruleViolation('housing.offer_used', 'Erbjudandet är redan använt.');
    const { id } = await insertPlacement(tx, {
      organisationId: ctx.actor.organisationId,
      caseId,
      requestId: input.requestId,
      housingUnitId,
      providerName,
      startOn: input.startOn,
      plannedEndOn: input.plannedEndOn,
      costPerDay: input.costPerDay,
      createdBy: ctx.actor.userId,
      createdAt: ctx.now(),
    });
    await auditPersonEvent(ctx, tx, {
      type: 'housing.placement_saved',
      personId: record.personId,
      reason: decision.reason,
      details: { caseId, placementId: id },
    });
    return { id };
  });

/** The case's current stay, for a change to it; the case's own area only writes it. */
const currentPlacement = async (
  ctx: CommandContext,
  tx: Tx,
  caseId: string,
  auditType: AuditEventType,
) => {
  const { record, decision } = await loadCaseFor(ctx, tx, caseId, 'case.write', {
    audit: auditType,
    reads: 'notShared',
  });
  const placement = await findOpenPlacement(tx, caseId);
  if (!placement)
    throw ruleViolation('housing.no_placement', 'Ärendet har ingen pågående placering.');
  const audit = (details: Record<string, string | number | boolean | null>) =>
    auditPersonEvent(ctx, tx, {
      type: auditType,
      personId: record.personId,
      reason: decision.reason,
      details: { caseId, placementId: placement.id, ...details },
    });
  return { placement: { ...placement, startOn: placement.startOn! }, audit };
};

const bumpVersion = async (
  tx: Tx,
  placementId: string,
  version: number,
  values: Parameters<typeof updatePlacementIfVersion>[3],
) => {
  const done = await updatePlacementIfVersion(tx, placementId, version, values);
  if (!done) throw staleVersion('Placeringen har ändrats av någon annan. Läs in sidan igen.');
  return done;
};

/** Each child in the stay has a decision of its own and a way to school. */
export const addPlacementChild = (ctx: CommandContext, caseId: string, input: ChildDraft) =>
  runAudited(ctx, async (tx) => {
    const { placement, audit } = await currentPlacement(ctx, tx, caseId, 'housing.child_recorded');
    const problems = checkChild(input, swedishDate(ctx.now()));
    if (problems.length) throw invalidFields(problems);
    const { id } = await insertPlacementChild(tx, {
      organisationId: ctx.actor.organisationId,
      placementId: placement.id,
      firstNameEnc: encryptField(ctx.keys, placementContexts.firstName, input.firstName.trim()),
      bornYear: input.bornYear,
      decisionOn: input.decisionOn,
      school: input.school,
      schoolNoteEnc: encryptField(ctx.keys, placementContexts.schoolNote, input.schoolNote.trim()),
      recordedAt: ctx.now(),
    });
    await audit({ school: input.school });
    return { id };
  });

/** A follow-up visit during the stay, in person, digital or by phone. */
export const addPlacementVisit = (
  ctx: CommandContext,
  caseId: string,
  input: { visitedOn: string; mode: VisitMode; note: string },
) =>
  runAudited(ctx, async (tx) => {
    const { placement, audit } = await currentPlacement(ctx, tx, caseId, 'housing.visit_recorded');
    const today = swedishDate(ctx.now());
    if (input.visitedOn < placement.startOn || input.visitedOn > today)
      throw invalidFields([
        {
          field: 'visitedOn',
          message: 'Besöket ska vara under vistelsen och inte i framtiden.',
          code: 'dateOutOfRange',
        },
      ]);
    const { id } = await insertPlacementVisit(tx, {
      organisationId: ctx.actor.organisationId,
      placementId: placement.id,
      visitedOn: input.visitedOn,
      mode: input.mode,
      noteEnc: encryptField(ctx.keys, placementContexts.visitNote, input.note.trim()),
      recordedBy: ctx.actor.userId,
    });
    await audit({ mode: input.mode });
    return { id };
  });

/** The way out: debts, a rental contract, contact with the housing company. */
export const saveExitPlan = (
  ctx: CommandContext,
  caseId: string,
  input: ExitPlan & { version: number },
) =>
  runAudited(ctx, async (tx) => {
    const { placement, audit } = await currentPlacement(ctx, tx, caseId, 'housing.exit_planned');
    const { version } = await bumpVersion(tx, placement.id, input.version, {
      debts: input.debts,
      rentalContract: input.rentalContract,
      housingCompanyContacted: input.housingCompanyContacted,
    });
    await audit({ openItems: exitPlanOpenItems(input).length });
    return { version, openItems: exitPlanOpenItems(input) };
  });

/**
 * The stay ends. Where the person went is recorded, whatever it is; a place booked through the
 * directory is given back to the provider in the same transaction.
 */
export const recordExit = (
  ctx: CommandContext,
  caseId: string,
  input: { endOn: string; destination: ExitDestination; note: string; version: number },
) =>
  runAudited(ctx, async (tx) => {
    const { placement, audit } = await currentPlacement(ctx, tx, caseId, 'housing.exit_recorded');
    const problems = checkExit(input, {
      startOn: placement.startOn,
      today: swedishDate(ctx.now()),
    });
    if (problems.length) throw invalidFields(problems);
    await bumpVersion(tx, placement.id, input.version, {
      endOn: input.endOn,
      exitDestination: input.destination,
      exitNoteEnc: encryptField(ctx.keys, placementContexts.exitNote, input.note.trim()),
    });
    let released = false;
    if (placement.requestId) released = await releasePlaces(ctx, tx, placement.requestId);
    await audit({ destination: input.destination, placesReleased: released });
    return { released };
  });
