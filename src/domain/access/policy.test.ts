import { describe, expect, it } from 'vitest';
import { can, planBreakGlass, type Actor, type RecordResource } from './policy';
import type { RoleId } from './roles';

const now = new Date('2026-11-24T10:00:00Z');

const person: RecordResource = {
  kind: 'person',
  personId: 'person-1',
  id: 'person-1',
  organisationId: 'org-a',
  unitId: 'unit-adult',
  secrecyAreaId: 'area-adult',
  assignedUserIds: ['assigned-user'],
};

const actor = (
  role: RoleId,
  unit: { unitId: string; secrecyAreaId: string | null },
  extra: Partial<Actor> = {},
): Actor => ({
  userId: 'user-1',
  organisationId: 'org-a',
  roles: [{ role, ...unit }],
  secondFactorVerified: true,
  breakGlass: [],
  ...extra,
});

const adultUnit = { unitId: 'unit-adult', secrecyAreaId: 'area-adult' };
const receptionInAdultArea = { unitId: 'unit-reception', secrecyAreaId: 'area-adult' };
const childUnit = { unitId: 'unit-child', secrecyAreaId: 'area-child' };

describe('access policy', () => {
  it.each([
    ['caseWorker', adultUnit, 'person.read', true, 'access.same_secrecy_area'],
    ['caseWorker', receptionInAdultArea, 'person.read', true, 'access.same_secrecy_area'],
    ['caseWorker', childUnit, 'person.read', false, 'access.other_secrecy_area'],
    ['caseWorker', adultUnit, 'person.readProtectedAddress', false, 'access.role_lacks_action'],
    ['teamLeader', adultUnit, 'person.readProtectedAddress', true, 'access.same_secrecy_area'],
    ['therapist', adultUnit, 'person.read', false, 'access.no_case_relation'],
    ['coordinator', adultUnit, 'person.read', false, 'access.role_lacks_action'],
    ['countyAnalyst', adultUnit, 'person.read', false, 'access.role_lacks_action'],
    ['administrator', adultUnit, 'person.read', false, 'access.role_lacks_action'],
  ] as const)('%s in %o doing %s → %s (%s)', (role, unit, action, allowed, reason) => {
    const decision = can(actor(role, unit), action, person, now);
    expect(decision.allowed).toBe(allowed);
    expect(decision.reason).toBe(reason);
  });

  it('lets a therapist assigned to the matter read', () => {
    const decision = can(
      actor('therapist', adultUnit, { userId: 'assigned-user' }),
      'person.read',
      person,
      now,
    );
    expect(decision).toMatchObject({ allowed: true });
  });

  it('denies another organisation whatever the role', () => {
    const decision = can(
      actor('teamLeader', adultUnit, { organisationId: 'org-b' }),
      'person.read',
      person,
      now,
    );
    expect(decision).toEqual({ allowed: false, reason: 'access.other_organisation' });
  });

  it('requires the second factor for personal data', () => {
    const decision = can(
      actor('caseWorker', adultUnit, { secondFactorVerified: false }),
      'person.read',
      person,
      now,
    );
    expect(decision).toEqual({ allowed: false, reason: 'access.second_factor_required' });
  });

  it('opens another secrecy area with live break-glass, flagged, and not after it expires', () => {
    const glass = {
      id: 'bg-1',
      personId: 'person-1',
      reason: 'Akut fara, jour',
      expiresAt: new Date('2026-11-24T10:30:00Z'),
    };
    const withGlass = actor('caseWorker', childUnit, { breakGlass: [glass] });
    expect(can(withGlass, 'person.read', person, now)).toEqual({
      allowed: true,
      reason: 'access.break_glass',
      breakGlassId: 'bg-1',
    });
    expect(can(withGlass, 'person.read', person, new Date('2026-11-24T10:31:00Z')).allowed).toBe(
      false,
    );
    expect(
      can(withGlass, 'person.read', { ...person, id: 'person-2', personId: 'person-2' }, now)
        .allowed,
    ).toBe(false);
  });

  it('break-glass never adds an action the role lacks', () => {
    const glass = {
      id: 'bg-1',
      personId: 'person-1',
      reason: 'Akut fara, jour',
      expiresAt: new Date('2026-11-24T10:30:00Z'),
    };
    const withGlass = actor('caseWorker', childUnit, { breakGlass: [glass] });
    expect(can(withGlass, 'person.readProtectedAddress', person, now).allowed).toBe(false);
  });

  it('asks for a real reason and a bounded time for break-glass', () => {
    expect(planBreakGlass({ reason: 'behöver', minutes: 30 }, now)).toMatchObject({
      ok: false,
      field: 'reason',
    });
    expect(
      planBreakGlass({ reason: 'Polisen larmar om akut fara i kväll', minutes: 240 }, now),
    ).toMatchObject({ ok: false, field: 'minutes' });
    expect(
      planBreakGlass({ reason: 'Polisen larmar om akut fara i kväll', minutes: 30 }, now),
    ).toEqual({
      ok: true,
      expiresAt: new Date('2026-11-24T10:30:00Z'),
    });
  });

  it('lets a unit see a person registered elsewhere once the person has a case there', () => {
    const referred = {
      ...person,
      unitId: 'unit-income',
      secrecyAreaId: 'area-income',
      otherPlacements: [{ unitId: 'unit-adult', secrecyAreaId: 'area-adult' }],
    };
    expect(can(actor('caseWorker', adultUnit), 'person.read', referred, now).allowed).toBe(true);
    expect(can(actor('caseWorker', childUnit), 'person.read', referred, now).allowed).toBe(false);
  });

  describe('a share across a secrecy area', () => {
    const shared = (basis: 'consent' | 'disclosure', endsAt: Date | null): RecordResource => ({
      ...person,
      kind: 'case',
      shares: [{ id: 'share-1', unitId: 'unit-child', basis, endsAt }],
    });

    it('lets the receiving unit read, and says on what basis', () => {
      expect(
        can(actor('caseWorker', childUnit), 'case.read', shared('consent', null), now),
      ).toEqual({
        allowed: true,
        reason: 'access.consent',
        breakGlassId: null,
        shareId: 'share-1',
      });
      expect(
        can(actor('caseWorker', childUnit), 'case.read', shared('disclosure', null), now),
      ).toMatchObject({ allowed: true, reason: 'access.disclosure' });
    });

    it('never lets the receiving unit write, and ends when the share ends', () => {
      expect(
        can(actor('caseWorker', childUnit), 'case.write', shared('consent', null), now).allowed,
      ).toBe(false);
      const ended = shared('consent', new Date('2026-11-24T09:59:00Z'));
      expect(can(actor('caseWorker', childUnit), 'case.read', ended, now)).toMatchObject({
        allowed: false,
        reason: 'access.other_secrecy_area',
      });
    });

    it('opens nothing to another unit, nor to a role that needs a case relation', () => {
      const unrelated = { unitId: 'unit-income', secrecyAreaId: 'area-income' };
      expect(
        can(actor('caseWorker', unrelated), 'case.read', shared('consent', null), now).allowed,
      ).toBe(false);
      expect(
        can(actor('therapist', childUnit), 'case.read', shared('consent', null), now).allowed,
      ).toBe(false);
    });
  });
});
