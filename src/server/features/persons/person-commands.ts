import { can } from '../../../domain/access/policy';
import { shownPersons } from '../../platform/audit/shown-persons';
import { planBreakGlass } from '../../../domain/access/policy';
import { DomainError, invalidFields, staleVersion } from '../../../domain/errors';
import { parseIdentity, type IdentityKind } from '../../../domain/identity/personal-identity';
import type { SafeContact, VulnerabilityMarker } from '../../../domain/identity/person-markers';
import {
  strongerProtection,
  type ProtectionLevel,
} from '../../../domain/identity/protected-identity';
import type { Tx } from '../../platform/db/transaction';
import { encryptField } from '../../platform/crypto/field-encryption';
import { newRecordIn } from '../../platform/runtime/new-record';
import { unitsWhereActorMay } from '../../platform/runtime/readable-units';
import { readPersonQuery } from '../../../domain/identity/person-search';
import type { CommandContext } from '../../platform/http/context';
import { findUnit } from '../organisation/organisation.repository';
import {
  addressContext,
  safeContactContext,
  personResource,
  presentPerson,
  storedSafeContact,
} from './person.presenter';
import { insertBreakGlassGrant } from '../organisation/user.repository';
import { registerIdentity } from './register-identity';
import {
  assignPerson,
  carryProtection,
  findPerson,
  findSimilarPersons,
  householdOf,
  listPersonsInUnits,
  searchPersonsInUnits,
  setProtectionOfNumber,
  updatePersonIfVersion,
} from './person.repository';
import {
  AuditedDenial,
  auditOrganisationEvent,
  auditPersonEvent,
  loadPersonFor,
  runAudited,
} from '../../platform/runtime/person-access';

const viewer = (ctx: CommandContext, revealAddress = false) => ({
  actor: ctx.actor,
  keys: ctx.keys,
  now: ctx.now(),
  revealAddress,
});

/** Whether the policy lets the actor read a person row (the SQL filter and the policy must agree). */
const readableBy =
  (ctx: CommandContext) =>
  (row: Parameters<typeof personResource>[0]): boolean =>
    can(ctx.actor, 'person.read', personResource(row), ctx.now()).allowed;

/** Reads one person; the read itself is an audit event in the same transaction. */
export const readPerson = (ctx: CommandContext, personId: string) =>
  runAudited(ctx, async (tx) => {
    const { person, decision } = await loadPersonFor(
      ctx,
      tx,
      personId,
      'person.read',
      'person.read',
    );
    await auditPersonEvent(ctx, tx, {
      type: 'person.read',
      personId,
      reason: decision.reason,
      breakGlassId: decision.breakGlassId,
    });
    return presentPerson(person, viewer(ctx));
  });

/**
 * Lists persons the actor may read. The filter is the set of units in the actor's secrecy
 * areas, applied in SQL; the policy then confirms each row (the two must agree).
 */
export const listPersons = (ctx: CommandContext, limit: number) =>
  runAudited(ctx, async (tx) => {
    const rows = await listPersonsInUnits(
      tx,
      await unitsWhereActorMay(ctx, tx, 'person.read'),
      limit,
    );
    const visible = rows.filter(readableBy(ctx));
    await auditOrganisationEvent(ctx, tx, {
      type: 'person.listed',
      reason: 'access.same_secrecy_area',
      details: { count: visible.length, ...shownPersons(visible.map((row) => row.id)) },
    });
    return visible.map((row) => presentPerson(row, viewer(ctx)));
  });

/**
 * Finds persons by name or identity number among those the actor may read. Protected persons
 * are found (workers must be able to find them) but shown masked. The search text is not
 * logged: it may itself be a personnummer.
 */
export const searchPersons = (ctx: CommandContext, text: string, limit: number) =>
  runAudited(ctx, async (tx) => {
    const query = readPersonQuery(text);
    if (query.kind === 'invalid')
      throw new DomainError('validation.invalid', {
        fields: [
          {
            path: 'querystring.q',
            message: query.message,
            code: query.code,
            limit: query.limit,
          },
        ],
      });
    const rows = await searchPersonsInUnits(
      tx,
      await unitsWhereActorMay(ctx, tx, 'person.read'),
      query,
      limit,
    );
    const visible = rows.filter(readableBy(ctx));
    await auditOrganisationEvent(ctx, tx, {
      type: 'person.searched',
      reason: 'access.same_secrecy_area',
      details: {
        by: query.kind,
        count: visible.length,
        ...shownPersons(visible.map((row) => row.id)),
      },
    });
    return visible.map((row) => presentPerson(row, viewer(ctx)));
  });

export type PersonInput = {
  unitId: string;
  givenName: string;
  familyName: string;
  identityKind: IdentityKind;
  personalNumber: string | null;
  protectionLevel: ProtectionLevel;
  address: string | null;
  birthDate: string | null;
  notSameAsSimilar: boolean;
};

/**
 * Registers a person at intake. One person per identity: a number already registered in the
 * organisation gives back that person, placed in this unit too (registeredBefore), never a
 * second record. A person without a number whose name and birth date match someone the worker
 * can already see is refused with 409 until the worker says it is someone else.
 */
export const createPerson = (ctx: CommandContext, input: PersonInput) =>
  runAudited(ctx, async (tx) => {
    const identity = parseIdentity(input.identityKind, input.personalNumber);
    if (!identity.ok) throw invalidFields([{ field: 'personalNumber', ...identity }]);
    if (identity.value !== null && input.birthDate !== null)
      throw invalidFields([
        {
          field: 'birthDate',
          message: 'Födelsedatumet framgår av numret. Lämna fältet tomt.',
          code: 'birthDateInNumber',
        },
      ]);
    const unit = await findUnit(tx, input.unitId);
    if (!unit)
      throw new DomainError('validation.invalid', {
        fields: [
          {
            path: 'body.unitId',
            message: 'Enheten finns inte i din organisation.',
            code: 'unitNotInOrganisation',
          },
        ],
      });
    const decision = can(
      ctx.actor,
      'person.create',
      newRecordIn(ctx, 'person', unit, 'new', [ctx.actor.userId]),
      ctx.now(),
    );
    if (!decision.allowed)
      throw new AuditedDenial(ctx, {
        personId: null,
        reason: decision.reason,
        details: { attempted: 'person.created', unitId: unit.id },
      });
    if (identity.value === null && !input.notSameAsSimilar) {
      const similar = await findSimilarPersons(
        tx,
        await unitsWhereActorMay(ctx, tx, 'person.read'),
        input,
      );
      if (similar.some(readableBy(ctx)))
        throw new DomainError('conflict.possible_duplicate', {
          message:
            'Det finns redan en person med samma namn och födelsedatum. Kontrollera om det är hon eller han innan du registrerar.',
        });
    }
    const { id, existing } = await registerIdentity(
      ctx,
      tx,
      {
        unitId: unit.id,
        givenName: input.givenName,
        familyName: input.familyName,
        personalNumber: identity.value,
        identityKind: input.identityKind,
        protectionLevel: input.protectionLevel,
        birthDate: input.birthDate,
        addressEnc:
          input.address === null ? null : encryptField(ctx.keys, addressContext, input.address),
      },
      { reason: decision.reason },
    );
    await assignPerson(tx, {
      personId: id,
      userId: ctx.actor.userId,
      organisationId: ctx.actor.organisationId,
    });
    const registered = await findPerson(tx, id);
    return { ...presentPerson(registered!, viewer(ctx)), registeredBefore: existing };
  });

/** Changes a person if nobody else has changed it since the caller read `version`. */
export const updatePerson = (
  ctx: CommandContext,
  personId: string,
  input: {
    version: number;
    givenName?: string | undefined;
    familyName?: string | undefined;
    address?: string | null | undefined;
    protectionLevel?: ProtectionLevel | undefined;
    vulnerabilityMarkers?: VulnerabilityMarker[] | undefined;
    interpreterLanguage?: string | null | undefined;
    safeContact?:
      | (Omit<SafeContact, 'safePlaces'> & { safePlaces?: string | null | undefined })
      | null
      | undefined;
    /**
     * When protection is raised: carry it to the children and household registered with the
     * person ('protect', the default) or leave theirs as it is.
     */
    household?: 'protect' | 'leave' | undefined;
  },
) =>
  runAudited(ctx, async (tx) => {
    const { person, decision } = await loadPersonFor(
      ctx,
      tx,
      personId,
      'person.update',
      'person.updated',
    );
    const { version, address, household, safeContact: contactChange, ...rest } = input;
    const safeContact = keepSafePlaces(ctx, contactChange, person.safeContactEnc);
    const changes = {
      ...rest,
      // A level decided for this person replaces one carried from a parent.
      ...(input.protectionLevel !== undefined && input.protectionLevel !== person.protectionLevel
        ? { protectionFromPersonId: null }
        : {}),
      ...(address !== undefined
        ? { addressEnc: address === null ? null : encryptField(ctx.keys, addressContext, address) }
        : {}),
      ...(safeContact !== undefined
        ? {
            safeContactEnc:
              safeContact === null
                ? null
                : encryptField(ctx.keys, safeContactContext, JSON.stringify(safeContact)),
          }
        : {}),
    };
    const updated = await updatePersonIfVersion(tx, personId, version, changes, ctx.now());
    if (!updated) {
      throw staleVersion(
        'Någon annan har ändrat uppgifterna. Läs in dem igen och gör om ändringen.',
      );
    }
    // Protection is the person's: records of the same number not yet merged follow at once.
    if (input.protectionLevel !== undefined && person.personalNumber !== null)
      await setProtectionOfNumber(tx, person.personalNumber, input.protectionLevel, ctx.now());
    const raised =
      input.protectionLevel !== undefined &&
      strongerProtection(input.protectionLevel, person.protectionLevel) !== person.protectionLevel;
    const carriedTo =
      raised && household !== 'leave'
        ? await protectHousehold(ctx, tx, personId, input.protectionLevel!)
        : 0;
    await auditPersonEvent(ctx, tx, {
      type: 'person.updated',
      personId,
      reason: decision.reason,
      breakGlassId: decision.breakGlassId,
      details: {
        fields: Object.keys(input)
          .filter((key) => key !== 'version' && key !== 'household')
          .join(','),
        ...(raised ? { protectionCarriedTo: carriedTo } : {}),
      },
    });
    return {
      ...presentPerson((await findPerson(tx, personId))!, viewer(ctx)),
      protectionCarriedTo: carriedTo,
    };
  });

/**
 * Carries a person's new protection to the children and household members registered with them
 * whose own is weaker, each change audited on that person. Their units see them as protected in
 * every list, export and PDF until someone there with the right decides otherwise.
 */
const protectHousehold = async (
  ctx: CommandContext,
  tx: Tx,
  personId: string,
  level: ProtectionLevel,
) => {
  let carried = 0;
  for (const member of await householdOf(tx, personId)) {
    if (strongerProtection(member.protectionLevel, level) === member.protectionLevel) continue;
    await carryProtection(tx, member.id, level, personId, ctx.now());
    if (member.personalNumber !== null)
      await setProtectionOfNumber(tx, member.personalNumber, level, ctx.now());
    await auditPersonEvent(ctx, tx, {
      type: 'person.protection_carried',
      personId: member.id,
      reason: 'protection.household',
      details: { level },
    });
    carried += 1;
  }
  return carried;
};

/** Safe places left out of a change keep what is stored (they are shown masked when protected). */
const keepSafePlaces = (
  ctx: CommandContext,
  change: NonNullable<Parameters<typeof updatePerson>[2]['safeContact']> | null | undefined,
  storedEnc: string | null,
): SafeContact | null | undefined => {
  if (!change) return change;
  if (change.safePlaces !== undefined) return { ...change, safePlaces: change.safePlaces };
  const stored = storedSafeContact(ctx.keys, storedEnc);
  return { ...change, safePlaces: stored?.safePlaces ?? null };
};

/** Shows a protected address: an explicit, reasoned, logged act. */
export const revealProtectedAddress = (ctx: CommandContext, personId: string, reason: string) =>
  runAudited(ctx, async (tx) => {
    const { person, decision } = await loadPersonFor(
      ctx,
      tx,
      personId,
      'person.readProtectedAddress',
      'person.protected_address_read',
    );
    await auditPersonEvent(ctx, tx, {
      type: 'person.protected_address_read',
      personId,
      reason: `${decision.reason}: ${reason}`,
    });
    return presentPerson(person, viewer(ctx, true));
  });

/** Opens a time-limited exception to internal secrecy for one person, with a stated reason. */
export const openBreakGlass = (
  ctx: CommandContext,
  personId: string,
  request: { reason: string; minutes: number },
) =>
  runAudited(ctx, async (tx) => {
    const plan = planBreakGlass(request, ctx.now());
    if (!plan.ok) throw invalidFields([plan]);
    const person = await findPerson(tx, personId);
    if (!person)
      throw new DomainError('not_found', {
        message: 'Personen finns inte eller är inte synlig för dig.',
      });
    const grant = await insertBreakGlassGrant(tx, {
      organisationId: ctx.actor.organisationId,
      userId: ctx.actor.userId,
      personId,
      reason: request.reason,
      expiresAt: plan.expiresAt,
    });
    await auditPersonEvent(ctx, tx, {
      type: 'break_glass.opened',
      personId,
      reason: request.reason,
      breakGlassId: grant.id,
      details: { minutes: request.minutes },
    });
    return { id: grant.id, expiresAt: grant.expiresAt.toISOString() };
  });
