import { can } from '../../../domain/access/policy';
import { swedishDate } from '../../../domain/calendar';
import { invalidFields, ruleViolation } from '../../../domain/errors';
import { checkAdmission, checkGroup, queueFigures } from '../../../domain/interventions/groups';
import type { CommandContext } from '../../platform/http/context';
import { caseResource, presentCaseSummary } from '../cases/case.presenter';
import { findCases } from '../cases/case.repository';
import {
  findGroupForUpdate,
  insertGroup,
  insertGroupPlace,
  listGroupPlaces,
  listGroupRows,
  requeueGroupPlace,
  updateGroupPlace,
} from './group.repository';
import { interventionTypeExists } from './intervention.repository';
import { loadCaseFor } from '../../platform/runtime/case-access';
import { requireOrganisationAction } from '../../platform/runtime/organisation-access';
import {
  auditOrganisationEvent,
  auditPersonEvent,
  runAudited,
} from '../../platform/runtime/person-access';

/**
 * The organisation's groups with their queue figures (counts for everyone who works with
 * cases), and on each the people the reader may see, masked as everywhere else.
 */
export const listGroups = (ctx: CommandContext) =>
  runAudited(ctx, async (tx) => {
    const groups = await listGroupRows(tx);
    const places = await listGroupPlaces(
      tx,
      groups.map((group) => group.id),
    );
    const cases = await findCases(tx, [...new Set(places.map((place) => place.caseId))]);
    const readable = new Map(
      cases.flatMap((entry) => {
        const decision = can(ctx.actor, 'case.read', caseResource(entry), ctx.now());
        return decision.allowed ? [[entry.id, { entry, decision }] as const] : [];
      }),
    );
    const today = swedishDate(ctx.now());
    const viewer = { actor: ctx.actor, keys: ctx.keys, now: ctx.now() };
    const shown = new Map<string, { reason: string; breakGlassId: string | null }>();
    const result = groups.map((group) => {
      const own = places.filter((place) => place.groupId === group.id);
      return {
        ...group,
        figures: queueFigures(own, group.capacity, today),
        people: own.flatMap((place) => {
          const found = readable.get(place.caseId);
          if (!found || place.leftOn) return [];
          shown.set(found.entry.personId, found.decision);
          const person = presentCaseSummary(found.entry, viewer).person;
          return [
            {
              caseId: place.caseId,
              name: `${person.givenName} ${person.familyName}`,
              addedOn: place.addedOn,
              admittedOn: place.admittedOn,
            },
          ];
        }),
      };
    });
    for (const [personId, { reason, breakGlassId }] of shown)
      await auditPersonEvent(ctx, tx, { type: 'group.listed', personId, reason, breakGlassId });
    return result;
  });

/** A new group of an intervention in the catalogue, with a theme, places and a start. */
export const createGroup = (
  ctx: CommandContext,
  input: { typeId: string; theme: string; capacity: number; startsOn: string },
) =>
  runAudited(ctx, async (tx) => {
    const decision = requireOrganisationAction(ctx, 'case.write');
    const problems = checkGroup(input, swedishDate(ctx.now()));
    if (!(await interventionTypeExists(tx, input.typeId)))
      problems.push({ field: 'typeId', message: 'Välj en insats ur katalogen.', code: 'notAnId' });
    if (problems.length) throw invalidFields(problems);
    const { id } = await insertGroup(tx, {
      organisationId: ctx.actor.organisationId,
      typeId: input.typeId,
      theme: input.theme.trim(),
      capacity: input.capacity,
      startsOn: input.startsOn,
      createdAt: ctx.now(),
    });
    await auditOrganisationEvent(ctx, tx, {
      type: 'group.created',
      reason: decision.reason,
      details: { groupId: id, capacity: input.capacity },
    });
    return { id };
  });

/**
 * The case's place in a group: on the waiting list, admitted when a place is free (the group row
 * is locked, so two admissions cannot both take the last place), or leaving.
 */
export const changeGroupPlace = (
  ctx: CommandContext,
  caseId: string,
  input: { groupId: string; action: 'join' | 'admit' | 'leave' },
) =>
  runAudited(ctx, async (tx) => {
    const { record, decision } = await loadCaseFor(ctx, tx, caseId, 'case.write', {
      audit: 'group.place_changed',
      reads: 'caseHistory',
    });
    const group = await findGroupForUpdate(tx, input.groupId);
    if (!group)
      throw invalidFields([{ field: 'groupId', message: 'Välj en grupp.', code: 'notAnId' }]);
    const today = swedishDate(ctx.now());
    const places = await listGroupPlaces(tx, [group.id]);
    const place = places.find((entry) => entry.caseId === caseId);
    if (input.action === 'join') {
      if (place && !place.leftOn)
        throw ruleViolation(
          'group.already_in',
          'Personen står redan i kön eller är med i gruppen.',
        );
      if (place) await requeueGroupPlace(tx, place.id, today);
      else
        await insertGroupPlace(tx, {
          organisationId: ctx.actor.organisationId,
          groupId: group.id,
          caseId,
          addedOn: today,
        });
    } else {
      if (!place || place.leftOn)
        throw ruleViolation('group.not_in', 'Personen står inte i kön till gruppen.');
      if (input.action === 'admit') {
        if (place.admittedOn)
          throw ruleViolation('group.already_admitted', 'Personen är redan med i gruppen.');
        const admission = checkAdmission(queueFigures(places, group.capacity, today));
        if (!admission.ok) throw ruleViolation('group.full', admission.message);
      }
      await updateGroupPlace(
        tx,
        place.id,
        input.action === 'admit' ? { admittedOn: today } : { leftOn: today },
      );
    }
    await auditPersonEvent(ctx, tx, {
      type: 'group.place_changed',
      personId: record.personId,
      reason: decision.reason,
      details: { caseId, groupId: group.id, action: input.action },
    });
    return { action: input.action };
  });
