/**
 * Needs for a place that nobody could meet: recording them without saying who, and listing them.
 */
import { swedishDate } from '../../../domain/calendar';
import type { Specialisation } from '../../../domain/housing/catalogue';
import { checkPlaceRequest } from '../../../domain/housing/placement';
import { invalidFields } from '../../../domain/errors';
import { encryptField } from '../../platform/crypto/field-encryption';
import type { CommandContext } from '../../platform/http/context';
import { presentUnmetNeed, unmetNeedNoteContext } from './housing.presenter';
import { insertUnmetNeed, listUnmetNeedsInUnits } from './housing.repository';
import { requireOrganisationAction } from '../../platform/runtime/organisation-access';
import { auditOrganisationEvent, runAudited } from '../../platform/runtime/person-access';
import { unitsWhereActorMay } from '../../platform/runtime/readable-units';

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
      problems.push({
        field: 'unitId',
        message: 'Välj en enhet där du arbetar med ärenden.',
        code: 'unitNotYours',
      });
    if (problems.length) throw invalidFields(problems);
    const { id } = await insertUnmetNeed(tx, {
      organisationId: ctx.actor.organisationId,
      unitId: input.unitId,
      recordedOn: today,
      places: input.places,
      children: input.children,
      needs: [...new Set(input.needs)],
      noteEnc: encryptField(ctx.keys, unmetNeedNoteContext, input.note.trim()),
      recordedBy: ctx.actor.userId,
    });
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
    const rows = await listUnmetNeedsInUnits(tx, readable, 200);
    return rows.map((row) => presentUnmetNeed(row, ctx.keys));
  });
