import { randomBytes } from 'node:crypto';
import { swedishDate } from '../../domain/calendar';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Personnummer from 'personnummer';
import { rolesNeedSecondFactor } from '../../domain/access/roles';
import { distinctFictitiousNumbers } from '../../domain/identity/fictitious-personal-number';
import type { ProtectionLevel } from '../../domain/identity/protected-identity';
import { hashPassword } from '../platform/auth/passwords';
import { newTotpSecret } from '../platform/auth/totp';
import { sealTotpSecret } from '../features/sign-in/second-factor';
import { encryptField, type KeyRing } from '../platform/crypto/field-encryption';
import { asSystem } from '../platform/db/transaction';
import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/schema';
import { housingAddressContext } from '../features/housing/housing.presenter';
import { addressContext } from '../features/persons/person.presenter';
import {
  assignRole,
  createOrganisation,
  createSecrecyArea,
  createUnit,
} from '../features/organisation/organisation.repository';
import { createUser } from '../features/organisation/user.repository';
import {
  demoContacts,
  demoHousingUnits,
  demoInterventionTypes,
  demoOrganisations,
  demoUsers,
} from './demo-world';
import {
  demoPopulationFile,
  insertPopulation,
  parsePopulationFile,
} from '../features/indicators/population-file';

export type DemoCredential = {
  username: string;
  displayName: string;
  password: string;
  /** Base32 TOTP secret, for users whose roles read personal data. */
  totpSecret: string | null;
  roles: string;
};

const demoPersons: {
  givenName: string;
  familyName: string;
  unit: string;
  protection: ProtectionLevel;
  address: string;
}[] = [
  {
    givenName: 'Anna',
    familyName: 'Övningsson',
    unit: 'vuxen',
    protection: 'none',
    address: 'Påhittegatan 1, 999 01 Övningsby',
  },
  {
    givenName: 'Sara',
    familyName: 'Testberg',
    unit: 'vuxen',
    protection: 'protectedRegistration',
    address: 'Hemliga vägen 7, 999 02 Övningsby',
  },
  {
    givenName: 'Leo',
    familyName: 'Övningsson',
    unit: 'bou',
    protection: 'none',
    address: 'Påhittegatan 1, 999 01 Övningsby',
  },
  {
    givenName: 'Johan',
    familyName: 'Exempelsson',
    unit: 'mottagning',
    protection: 'none',
    address: 'Låtsasallén 3, 999 03 Övningsby',
  },
];

/** True when the database has no organisation yet (a fresh installation). */
export const isEmpty = async (db: Kysely<Database>): Promise<boolean> =>
  (await db.selectFrom('organisations').select('id').limit(1).execute()).length === 0;

/**
 * Seeds the demo world in one transaction. Passwords and TOTP secrets are random per
 * installation (never a well-known demo password) and are returned for printing.
 */
/** Instruments the demo organisations may practise with. */
const demoInstrumentIds = [
  'freda-kortfragor',
  'freda-beskrivning',
  'freda-farlighetsbedomning',
  'sara-sv',
  'patriark',
  'sam-kortversion',
  'check-10-plus',
];

export const seedDemo = async (db: Kysely<Database>, keys: KeyRing): Promise<DemoCredential[]> => {
  const prepared = await Promise.all(
    demoUsers.map(async (user) => {
      const password = `ovning-${randomBytes(6).toString('base64url')}`;
      const needsTotp = rolesNeedSecondFactor(user.grants.map((grant) => grant.role));
      return {
        user,
        password,
        hash: await hashPassword(password),
        totpSecret: needsTotp ? newTotpSecret() : null,
      };
    }),
  );
  return asSystem(db, async (tx) => {
    const units = new Map<string, { id: string; organisationId: string }>();
    for (const org of demoOrganisations) {
      const created = await createOrganisation(tx, {
        kind: org.kind,
        name: org.name,
        scbCode: org.scbCode,
        countyCode: org.countyCode,
        fictitious: true,
      });
      const areas = new Map<string, string>();
      for (const unit of org.units) {
        let areaId: string | null = null;
        if (unit.secrecyArea) {
          areaId =
            areas.get(unit.secrecyArea) ??
            (await createSecrecyArea(tx, created.id, unit.secrecyArea)).id;
          areas.set(unit.secrecyArea, areaId);
        }
        const row = await createUnit(tx, {
          organisationId: created.id,
          name: unit.name,
          kind: unit.kind,
          secrecyAreaId: areaId,
        });
        units.set(unit.key, { id: row.id, organisationId: created.id });
      }
    }
    const unitOf = (key: string) => {
      const unit = units.get(key);
      if (!unit) throw new Error(`Demo unit ${key} is missing`);
      return unit;
    };
    const credentials: DemoCredential[] = [];
    const now = new Date();
    for (const { user, password, hash, totpSecret } of prepared) {
      const created = await createUser(tx, {
        username: user.username,
        displayName: user.displayName,
        passwordHash: hash,
        totpSecretEnc: totpSecret ? sealTotpSecret({ keys }, totpSecret) : null,
        totpConfirmedAt: totpSecret ? now : null,
        fictitious: true,
      });
      for (const grant of user.grants) {
        const unit = unitOf(grant.unit);
        await assignRole(tx, {
          userId: created.id,
          unitId: unit.id,
          organisationId: unit.organisationId,
          role: grant.role,
        });
      }
      credentials.push({
        username: user.username,
        displayName: user.displayName,
        password,
        totpSecret,
        roles: user.grants.map((grant) => `${grant.role}@${grant.unit}`).join(', '),
      });
    }
    // Practice permissions: every instrument may be tried in the demo municipality and by the
    // police; a real organisation records its own permission (Systemförvaltare → instruments).
    const administrator = (
      await tx.selectFrom('users').select('id').limit(1).executeTakeFirstOrThrow()
    ).id;
    const organisationIds = [...new Set([...units.values()].map((unit) => unit.organisationId))];
    for (const organisationId of organisationIds) {
      for (const instrumentId of demoInstrumentIds) {
        await tx
          .insertInto('instrumentPermissions')
          .values({
            organisationId,
            instrumentId,
            licenceNote: 'Övningsdata: tillstånd antaget för demonstration',
            recordedBy: administrator,
            recordedAt: now,
          })
          .execute();
      }
    }
    const today = swedishDate(now);
    for (const contact of demoContacts) {
      const unit = unitOf(contact.unit);
      await tx
        .insertInto('contactEntries')
        .values({
          organisationId: unit.organisationId,
          functionCode: contact.functionCode,
          holderName: contact.holderName,
          phone: contact.phone,
          hours: contact.hours,
          outOfHours: contact.outOfHours,
          validFrom: today,
          recordedBy: administrator,
          recordedAt: now,
        })
        .execute();
    }
    for (const { unit, ...type } of demoInterventionTypes)
      await tx
        .insertInto('interventionTypes')
        .values({ ...type, organisationId: unitOf(unit).organisationId, createdAt: now })
        .execute();
    for (const { unit, address, ...housing } of demoHousingUnits)
      await tx
        .insertInto('housingUnits')
        .values({
          ...housing,
          addressEnc: encryptField(keys, housingAddressContext, address),
          organisationId: unitOf(unit).organisationId,
          availabilityUpdatedAt: now,
          availabilityUpdatedByName: 'Demo',
        })
        .execute();
    await insertPopulation(
      tx,
      parsePopulationFile(readFileSync(demoPopulationFile, 'utf8')),
      'ovningslan.csv',
      now,
    );
    const nextNumber = distinctFictitiousNumbers(Math.random, (candidate) =>
      Personnummer.valid(candidate),
    );
    for (const person of demoPersons) {
      const unit = unitOf(person.unit);
      await tx
        .insertInto('persons')
        .values({
          organisationId: unit.organisationId,
          unitId: unit.id,
          givenName: person.givenName,
          familyName: person.familyName,
          personalNumber: nextNumber(),
          protectionLevel: person.protection,
          addressEnc: encryptField(keys, addressContext, person.address),
          fictitious: true,
          updatedAt: now,
        })
        .execute();
    }
    return credentials;
  });
};

/** Demo credentials are kept beside the local data (mode 0600) so every start can print them. */
const credentialsFile = (dataDir: string) => join(dataDir, 'demo-credentials.json');

export const saveDemoCredentials = (dataDir: string, credentials: DemoCredential[]): void =>
  writeFileSync(credentialsFile(dataDir), JSON.stringify(credentials, null, 2), { mode: 0o600 });

export const readDemoCredentials = (dataDir: string): DemoCredential[] =>
  existsSync(credentialsFile(dataDir))
    ? (JSON.parse(readFileSync(credentialsFile(dataDir), 'utf8')) as DemoCredential[])
    : [];
