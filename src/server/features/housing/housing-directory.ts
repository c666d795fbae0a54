import { can } from '../../../domain/access/policy';
import { checkCapacity } from '../../../domain/housing/availability';
import type { ProviderKind, Specialisation } from '../../../domain/housing/catalogue';
import {
  DomainError,
  invalidFields,
  staleVersion,
  type FieldProblem,
} from '../../../domain/errors';
import { encryptField } from '../../platform/crypto/field-encryption';
import type { CommandContext } from '../../platform/http/context';
import { housingAddressContext, presentHousingUnit } from './housing.presenter';
import {
  findHousingUnit,
  insertHousingUnit,
  listHousingDirectory,
  updateHousingUnitIfVersion,
} from './housing.repository';
import { findUserById } from '../organisation/user.repository';
import { requireOrganisationAction } from '../../platform/runtime/organisation-access';
import { auditOrganisationEvent, runAudited } from '../../platform/runtime/person-access';

/**
 * The county's protected housing: every unit with its free places and what it specialises in,
 * the best matches for the needs asked first. An area is shown, never an address, except to
 * those who keep the unit. Nobody's personal data is here, so reading it is not a person event.
 */
export const listHousingUnits = (ctx: CommandContext, needs: readonly Specialisation[]) =>
  runAudited(ctx, async (tx) => {
    const rows = await listHousingDirectory(tx);
    // The address is for those who keep the unit, not for everyone in its organisation.
    const keeps = can(
      ctx.actor,
      'housing.keep',
      { kind: 'organisation', organisationId: ctx.actor.organisationId },
      ctx.now(),
    ).allowed;
    const units = rows.map((row) =>
      presentHousingUnit(row, ctx.keys, { organisationId: ctx.actor.organisationId, keeps }, needs),
    );
    const rank = (unit: (typeof units)[number]) =>
      (unit.missingNeeds.length > 0 ? 2 : 0) + (unit.freePlaces === 0 ? 1 : 0);
    return units.sort((a, b) => rank(a) - rank(b));
  });

export type HousingUnitInput = {
  name: string;
  providerKind: ProviderKind;
  ivoPermit: string | null;
  specialisations: Specialisation[];
  areaDescription: string;
  address: string | null;
  phone: string;
  capacity: number;
  occupied: number;
};

const checkUnit = (input: HousingUnitInput) => {
  const problems: FieldProblem[] = [
    ...(input.name.trim().length < 2
      ? [{ field: 'name', message: 'Skriv boendets namn.', code: 'required' as const }]
      : []),
    ...(input.areaDescription.trim().length < 2
      ? [
          {
            field: 'areaDescription',
            message: 'Skriv ett område, till exempel "Västra länet" – aldrig adressen.',
            code: 'required' as const,
          },
        ]
      : []),
    ...(input.phone.trim().length < 5
      ? [
          {
            field: 'phone',
            message: 'Skriv ett telefonnummer dit kommunerna kan ringa.',
            code: 'required' as const,
          },
        ]
      : []),
    ...(input.occupied < 0
      ? [
          {
            field: 'occupied',
            message: 'Belagda platser kan inte vara färre än noll.',
            code: 'tooSmall' as const,
            limit: 0,
          },
        ]
      : []),
  ];
  const capacity = checkCapacity(
    { capacity: input.capacity, occupied: input.occupied },
    input.capacity,
  );
  if (!capacity.ok)
    problems.push({
      field: 'capacity',
      message: capacity.message,
      code: capacity.code,
      limit: capacity.limit,
    });
  return problems;
};

/**
 * A provider adds or changes one of its own units, places included. The change carries the
 * version it was based on, so two staff members cannot overwrite each other's count unseen.
 */
export const saveHousingUnit = (
  ctx: CommandContext,
  id: string | null,
  input: HousingUnitInput & { version: number },
) =>
  runAudited(ctx, async (tx) => {
    const decision = requireOrganisationAction(ctx, 'housing.keep');
    const problems = checkUnit(input);
    if (problems.length) throw invalidFields(problems);
    const keeper = await findUserById(tx, ctx.actor.userId);
    const values = {
      name: input.name.trim(),
      providerKind: input.providerKind,
      ivoPermit: input.ivoPermit?.trim() || null,
      specialisations: [...new Set(input.specialisations)],
      areaDescription: input.areaDescription.trim(),
      addressEnc: input.address?.trim()
        ? encryptField(ctx.keys, housingAddressContext, input.address.trim())
        : null,
      phone: input.phone.trim(),
      capacity: input.capacity,
      occupied: input.occupied,
      availabilityUpdatedAt: ctx.now(),
      availabilityUpdatedByName: keeper?.displayName ?? '–',
    };
    let savedId = id;
    if (id === null) {
      savedId = (
        await insertHousingUnit(tx, { ...values, organisationId: ctx.actor.organisationId })
      ).id;
    } else {
      const existing = await findHousingUnit(tx, id);
      if (!existing || existing.organisationId !== ctx.actor.organisationId)
        throw new DomainError('not_found', { message: 'Boendet finns inte bland era egna.' });
      const updated = await updateHousingUnitIfVersion(tx, id, input.version, values);
      if (!updated)
        throw staleVersion(
          'Någon annan har just ändrat boendet. Läs in sidan igen och se de nya siffrorna.',
        );
    }
    await auditOrganisationEvent(ctx, tx, {
      type: id === null ? 'housing.unit_saved' : 'housing.availability_set',
      reason: decision.reason,
      details: {
        housingUnitId: savedId!,
        capacity: String(input.capacity),
        occupied: String(input.occupied),
      },
    });
    return { id: savedId! };
  });
