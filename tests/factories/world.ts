import Personnummer from 'personnummer';
import type { RoleId } from '../../src/domain/access/roles';
import { distinctFictitiousNumbers } from '../../src/domain/identity/fictitious-personal-number';
import type { ProtectionLevel } from '../../src/domain/identity/protected-identity';
import { newTotpSecret } from '../../src/server/platform/auth/totp';
import { sealTotpSecret } from '../../src/server/features/sign-in/second-factor';
import { encryptField, type KeyRing } from '../../src/server/platform/crypto/field-encryption';
import { addressContext } from '../../src/server/features/persons/person.presenter';
import argon2 from 'argon2';
import { asSystem } from '../../src/server/platform/db/transaction';
import type { DatabaseHandle } from '../../src/server/platform/db/database';
import {
  assignRole,
  createOrganisation,
  createSecrecyArea,
  createUnit,
} from '../../src/server/features/organisation/organisation.repository';
import { createUser } from '../../src/server/features/organisation/user.repository';

/** Two fictitious municipalities, each with two units in separate secrecy areas. */
export const buildWorld = async (handle: DatabaseHandle) =>
  asSystem(handle.db, async (tx) => {
    const build = async (name: string, scbCode: string) => {
      const org = await createOrganisation(tx, {
        kind: 'municipality',
        name,
        scbCode,
        fictitious: true,
      });
      const adultArea = await createSecrecyArea(tx, org.id, 'Vuxen');
      const childArea = await createSecrecyArea(tx, org.id, 'Barn och unga');
      const adultUnit = await createUnit(tx, {
        organisationId: org.id,
        name: 'Vuxenenheten',
        kind: 'adultVinr',
        secrecyAreaId: adultArea.id,
      });
      const childUnit = await createUnit(tx, {
        organisationId: org.id,
        name: 'Barn och unga',
        kind: 'childrenAndYoung',
        secrecyAreaId: childArea.id,
      });
      // Work with those who use violence sits apart from the victims' team (digest 003).
      const perpetratorArea = await createSecrecyArea(tx, org.id, 'Öppenvård');
      const perpetratorUnit = await createUnit(tx, {
        organisationId: org.id,
        name: 'Öppenvården – våldsutövare',
        kind: 'perpetratorSupport',
        secrecyAreaId: perpetratorArea.id,
      });
      return { org, adultUnit, childUnit, perpetratorUnit };
    };
    return {
      north: await build('Övningsby kommun', '9901'),
      south: await build('Testvik kommun', '9902'),
    };
  });

export type World = Awaited<ReturnType<typeof buildWorld>>;

/**
 * A county around the world: north and a police region in county 99, south in county 98, so
 * referrals, meetings and the contact directory have a neighbour and a stranger.
 */
export const buildCounty = async (handle: DatabaseHandle, world: World) =>
  asSystem(handle.db, async (tx) => {
    for (const [id, countyCode] of [
      [world.north.org.id, '99'],
      [world.south.org.id, '98'],
    ] as const)
      await tx.updateTable('organisations').set({ countyCode }).where('id', '=', id).execute();
    const org = await createOrganisation(tx, {
      kind: 'policeRegion',
      name: 'Polisregion Övning',
      countyCode: '99',
      fictitious: true,
    });
    const area = await createSecrecyArea(tx, org.id, 'Polis');
    const unit = await createUnit(tx, {
      organisationId: org.id,
      name: 'BOPS',
      kind: 'policeRiskAnalysis',
      secrecyAreaId: area.id,
    });
    return { police: { orgId: org.id, unitId: unit.id } };
  });

let counter = 0;

/**
 * One person per identity: every test person gets a number of their own unless a test names
 * one. Fictitious (born 1890–1899) and valid, drawn from a seeded series so runs repeat.
 */
let seed = 17;
export const nextTestNumber = distinctFictitiousNumbers(
  () => {
    seed = (seed * 48271) % 2147483647;
    return seed / 2147483647;
  },
  (candidate) => Personnummer.valid(candidate),
);

/**
 * Test users share one password, hashed once per test process. The hash is argon2id with small
 * costs: the server verifies whatever costs a stored hash names, so signing in takes
 * milliseconds instead of a third of a second, and the check itself is the same. What the server
 * stores for a real password (argon2id with its defaults) is tested in src/server/platform/auth.
 */
let testPasswordHash: Promise<string> | undefined;
const sharedTestPasswordHash = () =>
  (testPasswordHash ??= argon2.hash('correct horse battery', {
    type: argon2.argon2id,
    memoryCost: 1024,
    timeCost: 1,
  }));

/** A fictitious user holding one role in one unit; the password is 'correct horse battery'. */
export const buildUser = async (
  handle: DatabaseHandle,
  grant: { organisationId: string; unitId: string; role: RoleId },
  options: { totpSecretEnc?: string | null } = {},
) =>
  asSystem(handle.db, async (tx) => {
    counter += 1;
    const user = await createUser(tx, {
      username: `testanvandare${counter}-${Date.now()}`,
      displayName: `Testanvändare ${counter}`,
      passwordHash: await sharedTestPasswordHash(),
      totpSecretEnc: options.totpSecretEnc ?? null,
      fictitious: true,
    });
    await assignRole(tx, { ...grant, userId: user.id });
    return user;
  });

/** A user with a confirmed TOTP secret, as after enrolment. */
export const buildSignedUpUser = async (
  handle: DatabaseHandle,
  keys: KeyRing,
  grant: { organisationId: string; unitId: string; role: RoleId },
) => {
  const totpSecret = newTotpSecret();
  const user = await buildUser(handle, grant, {
    totpSecretEnc: sealTotpSecret({ keys }, totpSecret),
  });
  await asSystem(handle.db, (tx) =>
    tx
      .updateTable('users')
      .set({ totpConfirmedAt: new Date('2026-01-01T00:00:00Z') })
      .where('id', '=', user.id)
      .execute(),
  );
  return { ...user, totpSecret, password: 'correct horse battery' };
};

/** A fictitious person in a unit, written directly (bypassing the API) for test set-up. */
export const buildPerson = async (
  handle: DatabaseHandle,
  keys: KeyRing,
  values: {
    organisationId: string;
    unitId: string;
    protectionLevel?: ProtectionLevel;
    address?: string;
    givenName?: string;
    familyName?: string;
    personalNumber?: string;
  },
) =>
  asSystem(handle.db, (tx) =>
    tx
      .insertInto('persons')
      .values({
        organisationId: values.organisationId,
        unitId: values.unitId,
        givenName: values.givenName ?? 'Övning',
        familyName: values.familyName ?? 'Testperson',
        personalNumber: values.personalNumber ?? nextTestNumber(),
        protectionLevel: values.protectionLevel ?? 'none',
        addressEnc: values.address ? encryptField(keys, addressContext, values.address) : null,
        fictitious: true,
        updatedAt: new Date(),
      })
      .returning(['id', 'version'])
      .executeTakeFirstOrThrow(),
  );

/**
 * A neighbouring municipality in county 99 that runs a protected-housing unit of its own (a
 * Fristad unit whose team leader keeps the places in the county's directory).
 */
export const buildHousingProvider = async (handle: DatabaseHandle) =>
  asSystem(handle.db, async (tx) => {
    const org = await createOrganisation(tx, {
      kind: 'municipality',
      name: 'Grannby kommun',
      scbCode: '9903',
      countyCode: '99',
      fictitious: true,
    });
    const area = await createSecrecyArea(tx, org.id, 'Skyddat boende');
    const unit = await createUnit(tx, {
      organisationId: org.id,
      name: 'Skyddat boende Grannby',
      kind: 'other',
      secrecyAreaId: area.id,
    });
    return { org, unit };
  });

/** The county board of county 99, with an analysis unit. */
export const buildCountyBoard = async (handle: DatabaseHandle, countyCode = '99') =>
  asSystem(handle.db, async (tx) => {
    const org = await createOrganisation(tx, {
      kind: 'countyBoard',
      name: 'Länsstyrelsen i Övningslän',
      countyCode,
      fictitious: true,
    });
    const unit = await createUnit(tx, {
      organisationId: org.id,
      name: 'Analysenheten',
      kind: 'countyAnalysis',
      secrecyAreaId: null,
    });
    return { org, unit };
  });
