import { fakerSV as faker } from '@faker-js/faker';
import { sql, type Kysely } from 'kysely';
import Personnummer from 'personnummer';
import type { RoleId } from '../../domain/access/roles';
import { auditEventTypes } from '../../domain/audit/events';
import { distinctFictitiousNumbers } from '../../domain/identity/fictitious-personal-number';
import { protectionLevels } from '../../domain/identity/protected-identity';
import { chainFor, genesisHash, hashEvent } from '../platform/audit/audit-hash';
import { encryptField, type KeyRing } from '../platform/crypto/field-encryption';
import type { Database, UnitKind } from '../platform/db/schema';
import { asSystem, type Tx } from '../platform/db/transaction';
import { addressContext } from '../features/persons/person.presenter';

export type SyntheticSize = {
  municipalities: number;
  usersPerMunicipality: number;
  personsPerMunicipality: number;
  auditEventsPerMunicipality: number;
};

const unitKinds: { kind: UnitKind; name: string }[] = [
  { kind: 'reception', name: 'Mottagningen' },
  { kind: 'adultVinr', name: 'Vuxenenheten' },
  { kind: 'childrenAndYoung', name: 'Barn och unga' },
  { kind: 'financialSupport', name: 'Försörjningsstöd' },
  { kind: 'substanceAbuse', name: 'Missbruksenheten' },
];
const userRoles: RoleId[] = ['caseWorker', 'caseWorker', 'caseWorker', 'therapist', 'teamLeader'];
const batchSize = 500;

/** Inserts rows in batches (PostgreSQL allows at most 65,535 parameters per statement). */
const insertBatches = async <T>(rows: T[], insert: (batch: T[]) => Promise<unknown>) => {
  for (let start = 0; start < rows.length; start += batchSize)
    await insert(rows.slice(start, start + batchSize));
};

/**
 * Generates invented municipalities with units, users, persons and a valid audit trail.
 * Everything is flagged fictitious; names are Swedish-sounding from faker's sv locale and
 * personnummer come from the 1890s series (see fictitiousPersonalNumber).
 */
export const generateSynthetic = async (
  db: Kysely<Database>,
  keys: KeyRing,
  size: SyntheticSize,
  progress: (line: string) => void,
): Promise<{ municipalities: number; persons: number; auditEvents: number }> => {
  faker.seed(20261124);
  const random = () => faker.number.float({ min: 0, max: 1 });
  let persons = 0;
  let auditEvents = 0;
  for (let index = 0; index < size.municipalities; index += 1) {
    await asSystem(db, async (tx) => {
      const organisation = await tx
        .insertInto('organisations')
        .values({
          kind: 'municipality',
          name: `Syntetiska kommun ${index + 1}`,
          scbCode: `99${String(10 + (index % 90)).padStart(2, '0')}`,
          countyCode: '99',
          fictitious: true,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const units: { id: string }[] = [];
      for (const unit of unitKinds) {
        const area = await tx
          .insertInto('secrecyAreas')
          .values({ organisationId: organisation.id, name: unit.name })
          .returning('id')
          .executeTakeFirstOrThrow();
        units.push(
          await tx
            .insertInto('units')
            .values({
              organisationId: organisation.id,
              name: unit.name,
              kind: unit.kind,
              secrecyAreaId: area.id,
            })
            .returning('id')
            .executeTakeFirstOrThrow(),
        );
      }
      const users = await createUsers(tx, organisation.id, units, size.usersPerMunicipality, index);
      const personIds = await createPersons(
        tx,
        keys,
        organisation.id,
        units,
        size.personsPerMunicipality,
        random,
      );
      await createAuditTrail(
        tx,
        organisation.id,
        users,
        personIds,
        size.auditEventsPerMunicipality,
      );
      persons += personIds.length;
      auditEvents += size.auditEventsPerMunicipality;
    });
    progress(`  kommun ${index + 1}/${size.municipalities} klar`);
  }
  // Fresh planner statistics after a bulk load: embedded PGlite has no autovacuum to do it,
  // and without them PostgreSQL plans for an empty table.
  await sql`analyze`.execute(db);
  return { municipalities: size.municipalities, persons, auditEvents };
};

const createUsers = async (
  tx: Tx,
  organisationId: string,
  units: { id: string }[],
  count: number,
  municipalityIndex: number,
) => {
  const rows = Array.from({ length: count }, (_, index) => ({
    username: `syntet-${municipalityIndex + 1}-${index + 1}`,
    displayName: `${faker.person.firstName()} ${faker.person.lastName()} (syntetisk)`,
    // Synthetic users cannot sign in: no password is set.
    passwordHash: null,
    fictitious: true,
  }));
  const users: string[] = [];
  await insertBatches(rows, async (batch) => {
    const inserted = await tx.insertInto('users').values(batch).returning('id').execute();
    users.push(...inserted.map((row) => row.id));
  });
  const grants = users.map((userId, index) => ({
    userId,
    organisationId,
    unitId: units[index % units.length]!.id,
    role: userRoles[index % userRoles.length]!,
  }));
  await insertBatches(grants, (batch) => tx.insertInto('roleAssignments').values(batch).execute());
  return users;
};

const createPersons = async (
  tx: Tx,
  keys: KeyRing,
  organisationId: string,
  units: { id: string }[],
  count: number,
  random: () => number,
) => {
  const now = new Date();
  const nextNumber = distinctFictitiousNumbers(random, (candidate) =>
    Personnummer.valid(candidate),
  );
  const rows = Array.from({ length: count }, (_, index) => ({
    organisationId,
    unitId: units[index % units.length]!.id,
    givenName: faker.person.firstName(),
    familyName: faker.person.lastName(),
    personalNumber: nextNumber(),
    // About one in fifty has protected identity, as in a municipality's caseload.
    protectionLevel: index % 50 === 0 ? protectionLevels[1 + (index % 3)]! : ('none' as const),
    addressEnc: encryptField(
      keys,
      addressContext,
      `${faker.location.streetAddress()}, ${faker.location.zipCode('### ##')} ${faker.location.city()}`,
    ),
    fictitious: true,
    updatedAt: now,
  }));
  const ids: string[] = [];
  await insertBatches(rows, async (batch) => {
    const inserted = await tx.insertInto('persons').values(batch).returning('id').execute();
    ids.push(...inserted.map((row) => row.id));
  });
  return ids;
};

/** A valid hash-chained trail of reads and writes, spread over the past year. */
const createAuditTrail = async (
  tx: Tx,
  organisationId: string,
  users: string[],
  personIds: string[],
  count: number,
) => {
  const heads = new Map<string, { seq: bigint; hash: string }>();
  const start = Date.now() - 365 * 24 * 3_600_000;
  const step = Math.max(1, Math.floor((365 * 24 * 3_600_000) / Math.max(count, 1)));
  const types = auditEventTypes.filter((type) => type.startsWith('person.'));
  const rows = [];
  for (let index = 0; index < count; index += 1) {
    const actorUserId = users[index % users.length] ?? null;
    const chain = chainFor(organisationId, actorUserId);
    const head = heads.get(chain) ?? { seq: 0n, hash: genesisHash };
    const event = {
      chain,
      chainSeq: String(head.seq + 1n),
      occurredAt: new Date(start + index * step),
      type: types[index % types.length]!,
      organisationId,
      actorUserId,
      personId: personIds[index % Math.max(personIds.length, 1)] ?? null,
      outcome: 'allowed',
      reason: 'access.same_secrecy_area',
      breakGlassId: null,
      requestId: null,
      details: {},
      prevHash: head.hash,
    };
    const hash = hashEvent(event);
    heads.set(chain, { seq: head.seq + 1n, hash });
    rows.push({ ...event, details: '{}', hash });
  }
  await insertBatches(rows, (batch) => tx.insertInto('auditEvents').values(batch).execute());
  const headRows = [...heads].map(([chain, head]) => ({
    chain,
    organisationId,
    lastSeq: String(head.seq),
    lastHash: head.hash,
  }));
  await insertBatches(headRows, (batch) =>
    tx.insertInto('auditChainHeads').values(batch).execute(),
  );
};
