import { Migrator, sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RoleId } from '../../src/domain/access/roles';
import { migrationProvider } from '../../src/server/platform/db/migrations';
import { asSystem } from '../../src/server/platform/db/transaction';
import {
  createSecrecyArea,
  createUnit,
} from '../../src/server/features/organisation/organisation.repository';
import { buildUser, buildWorld, nextTestNumber } from '../factories/world';
import { pdfText } from '../helpers/pdf-text';
import type { TestClient } from '../helpers/test-app';
import { createTestDatabase, engineAvailable, testEngine } from '../helpers/test-database';
import { buildCase, useTestWorld } from '../helpers/test-world';

/**
 * One person per identity, and the seams between features it closes (issue 17): a number is
 * registered once per organisation (the database says so), intake in another secrecy area places
 * the same person instead of making a second, unprotected one; a consent is read only in the
 * secrecy area that recorded it; protection set on a parent travels to the children registered
 * with her, in lists, exports and PDFs.
 */
describe.runIf(engineAvailable)('one person per identity', () => {
  const t = useTestWorld();
  /** Income support: a unit in a secrecy area of its own, as försörjningsstöd is. */
  let incomeUnitId: string;
  let adult: { client: TestClient; userId: string };
  let income: { client: TestClient; userId: string };

  const signedIn = async (unitId: string, role: RoleId = 'caseWorker') => {
    const { client, user } = await t.signedIn({
      organisationId: t.world.north.org.id,
      unitId,
      role,
    });
    return { client, userId: user.id };
  };

  const register = (client: TestClient, body: Record<string, unknown>) =>
    client.request('POST', '/api/persons', {
      body: { protectionLevel: 'none', ...body },
    });

  const recordsOf = (personalNumber: string) =>
    asSystem(t.database.db, (tx) =>
      tx
        .selectFrom('persons')
        .select(['id', 'protectionLevel'])
        .where('personalNumber', '=', personalNumber)
        .execute(),
    );

  beforeAll(async () => {
    incomeUnitId = await asSystem(t.database.db, async (tx) => {
      const area = await createSecrecyArea(tx, t.world.north.org.id, 'Försörjningsstöd');
      return (
        await createUnit(tx, {
          organisationId: t.world.north.org.id,
          name: 'Försörjningsstöd',
          kind: 'financialSupport',
          secrecyAreaId: area.id,
        })
      ).id;
    });
    adult = await signedIn(t.world.north.adultUnit.id);
    income = await signedIn(incomeUnitId);
  });

  it('refuses a second record of a number in the database itself', async () => {
    const number = nextTestNumber();
    await t.person({
      organisationId: t.world.north.org.id,
      unitId: t.world.north.adultUnit.id,
      personalNumber: number,
    });
    await expect(
      t.person({
        organisationId: t.world.north.org.id,
        unitId: t.world.north.childUnit.id,
        personalNumber: number,
      }),
    ).rejects.toThrow(/persons_identity_unique|duplicate key/);
    // Another municipality keeps its own register.
    await t.person({
      organisationId: t.world.south.org.id,
      unitId: t.world.south.adultUnit.id,
      personalNumber: number,
    });
  });

  it('gives back the registered person when intake registers her number again', async () => {
    const number = nextTestNumber();
    const first = await register(adult.client, {
      unitId: t.world.north.adultUnit.id,
      givenName: 'Ena',
      familyName: 'Ettregister',
      identityKind: 'personnummer',
      personalNumber: number.replace('-', ''),
    });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ registeredBefore: false, personalNumber: number });
    const again = await register(adult.client, {
      unitId: t.world.north.adultUnit.id,
      givenName: 'Ena',
      familyName: 'Ettregister',
      identityKind: 'personnummer',
      personalNumber: number,
    });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({
      id: first.json<{ id: string }>().id,
      registeredBefore: true,
    });
    expect(await recordsOf(number)).toHaveLength(1);
  });

  it('places a protected person registered again in another secrecy area: one masked row in search, never a second unprotected one', async () => {
    const number = nextTestNumber();
    const protectedPerson = await register(adult.client, {
      unitId: t.world.north.adultUnit.id,
      givenName: 'Skyddad',
      familyName: 'Dubblettsdotter',
      identityKind: 'personnummer',
      personalNumber: number,
      protectionLevel: 'protectedRegistration',
    });
    expect(protectedPerson.statusCode).toBe(201);
    const atIncome = await register(income.client, {
      unitId: incomeUnitId,
      givenName: 'Skyddad',
      familyName: 'Dubblettsdotter',
      identityKind: 'personnummer',
      personalNumber: number,
    });
    expect(atIncome.statusCode, atIncome.body).toBe(200);
    expect(atIncome.json()).toMatchObject({
      id: protectedPerson.json<{ id: string }>().id,
      registeredBefore: true,
      protectionLevel: 'protectedRegistration',
      personalNumber: `${number.slice(0, 9)}XXXX`,
    });
    expect(atIncome.body).not.toContain(number);

    const search = await income.client.request('GET', '/api/persons/search?q=Dubblettsdotter');
    expect(search.statusCode).toBe(200);
    expect(search.json()).toHaveLength(1);
    expect(search.body).not.toContain(number);
    expect(await recordsOf(number)).toEqual([
      { id: protectedPerson.json<{ id: string }>().id, protectionLevel: 'protectedRegistration' },
    ]);
    // Registering with a stronger level raises it for the person, never lowers it.
    const stronger = await register(income.client, {
      unitId: incomeUnitId,
      givenName: 'Skyddad',
      familyName: 'Dubblettsdotter',
      identityKind: 'personnummer',
      personalNumber: number,
      protectionLevel: 'fictitiousIdentity',
    });
    expect(stronger.json()).toMatchObject({ protectionLevel: 'fictitiousIdentity' });

    const events = await asSystem(t.database.db, (tx) =>
      tx
        .selectFrom('auditEvents')
        .select(['type', 'reason', 'actorUserId'])
        .where('personId', '=', protectedPerson.json<{ id: string }>().id)
        .where('type', '=', 'person.placed')
        .execute(),
    );
    expect(events[0]).toEqual({
      type: 'person.placed',
      reason: 'access.identity_match',
      actorUserId: income.userId,
    });
  });

  it('registers one person when two intakes send the same number at once', async () => {
    const number = nextTestNumber();
    const body = {
      unitId: t.world.north.adultUnit.id,
      givenName: 'Samtidig',
      familyName: 'Registrering',
      identityKind: 'personnummer',
      personalNumber: number,
    };
    const second = await signedIn(t.world.north.adultUnit.id);
    const answers = await Promise.all([
      register(adult.client, body),
      register(second.client, body),
    ]);
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([200, 201]);
    expect(new Set(answers.map((answer) => answer.json<{ id: string }>().id)).size).toBe(1);
    expect(await recordsOf(number)).toHaveLength(1);
  });

  it('asks before registering a person without a number who looks like someone already registered', async () => {
    const body = {
      unitId: t.world.north.adultUnit.id,
      givenName: 'Utan',
      familyName: 'Nummersson',
      identityKind: 'none',
      birthDate: '1894-05-06',
    };
    expect((await register(adult.client, body)).statusCode).toBe(201);
    const similar = await register(adult.client, body);
    expect(similar.statusCode).toBe(409);
    expect(similar.json()).toMatchObject({ code: 'conflict.possible_duplicate' });
    // Someone in another secrecy area is not told that she exists.
    expect((await register(income.client, { ...body, unitId: incomeUnitId })).statusCode).toBe(201);
    // Another birth date is another person; saying "someone else" registers.
    expect((await register(adult.client, { ...body, birthDate: '1895-01-01' })).statusCode).toBe(
      201,
    );
    expect((await register(adult.client, { ...body, notSameAsSimilar: true })).statusCode).toBe(
      201,
    );
  });

  it('shows a consent only in the secrecy area that recorded it', async () => {
    const number = nextTestNumber();
    const person = (
      await register(income.client, {
        unitId: incomeUnitId,
        givenName: 'Samtyckes',
        familyName: 'Gränsdotter',
        identityKind: 'personnummer',
        personalNumber: number,
      })
    ).json<{ id: string }>();
    // The VINR team registers her too (the same person, placed there) and opens her case.
    const placed = await register(adult.client, {
      unitId: t.world.north.adultUnit.id,
      givenName: 'Samtyckes',
      familyName: 'Gränsdotter',
      identityKind: 'personnummer',
      personalNumber: number,
    });
    expect(placed.json()).toMatchObject({ id: person.id, registeredBefore: true });
    await buildCase(adult.client, { personId: person.id, unitId: t.world.north.adultUnit.id });
    const purpose = 'Polisen får veta om partnerns vapen och kontakten med BOPS';
    const recorded = await adult.client.request('POST', `/api/persons/${person.id}/consents`, {
      body: {
        decision: 'given',
        purpose,
        recipients: [{ kind: 'other', label: 'Polisen' }],
        categories: ['riskAssessments'],
        givenBy: 'self',
        form: 'oral',
        givenOn: '2026-11-24',
      },
    });
    expect(recorded.statusCode, recorded.body).toBe(201);

    const own = await adult.client.request('GET', `/api/persons/${person.id}/consents`);
    expect(own.json()).toHaveLength(1);
    const other = await income.client.request('GET', `/api/persons/${person.id}/consents`);
    expect(other.statusCode).toBe(200);
    expect(other.json()).toEqual([]);
    expect(other.body).not.toContain('vapen');

    const withdraw = await income.client.request(
      'POST',
      `/api/consents/${recorded.json<{ id: string }>().id}/withdrawal`,
      { body: { withdrawnOn: '2026-11-24', reason: 'Ringde och tog tillbaka det', version: 1 } },
    );
    expect(withdraw.statusCode).toBe(403);
    expect(withdraw.body).not.toContain('vapen');
  });

  describe('protection travels to the children registered with a parent', () => {
    let mother: { id: string; version: number };
    let childNumber: string;
    let childCaseId: string;
    let childLeader: TestClient;

    beforeAll(async () => {
      mother = await t.person({
        organisationId: t.world.north.org.id,
        unitId: t.world.north.adultUnit.id,
        givenName: 'Mamma',
        familyName: 'Hushållsson',
      });
      const motherCase = await buildCase(adult.client, {
        personId: mother.id,
        unitId: t.world.north.adultUnit.id,
        ownerUserId: adult.userId,
      });
      childNumber = nextTestNumber();
      const report = await adult.client.request(
        'POST',
        `/api/cases/${motherCase.id}/reports-of-concern`,
        {
          body: {
            child: {
              givenName: 'Barnet',
              familyName: 'Hushållsson',
              identityKind: 'personnummer',
              identityNumber: childNumber,
            },
            concern: 'Barnet har sett våldet hemma flera gånger.',
          },
        },
      );
      expect(report.statusCode, report.body).toBe(201);
      childCaseId = report.json<{ childCaseId: string }>().childCaseId;
      childLeader = (await signedIn(t.world.north.childUnit.id, 'teamLeader')).client;
    });

    it('shows the child in full before the parent is protected', async () => {
      const csv = await childLeader.request('GET', '/api/cases/export.csv');
      expect(csv.body).toContain(childNumber);
    });

    it('carries the protection to the child: list, CSV and PDF mask her', async () => {
      const patched = await adult.client.request('PATCH', `/api/persons/${mother.id}`, {
        body: { version: mother.version, protectionLevel: 'protectedRegistration' },
      });
      expect(patched.statusCode, patched.body).toBe(200);
      expect(patched.json()).toMatchObject({ protectionCarriedTo: 1 });

      const list = await childLeader.request('GET', '/api/cases');
      expect(list.statusCode).toBe(200);
      expect(list.body).not.toContain(childNumber);
      expect(list.body).toContain(`${childNumber.slice(0, 9)}XXXX`);
      const csv = await childLeader.request('GET', '/api/cases/export.csv');
      expect(csv.body).not.toContain(childNumber);
      expect(csv.body).toContain(`${childNumber.slice(0, 9)}XXXX`);
      const pdf = await childLeader.request('GET', `/api/cases/${childCaseId}/summary.pdf`);
      expect(pdf.statusCode).toBe(200);
      const text = await pdfText(pdf.rawPayload);
      expect(text).toContain('Barnet');
      expect(text).not.toContain(childNumber.slice(-4));

      const child = await asSystem(t.database.db, (tx) =>
        tx
          .selectFrom('persons')
          .select(['id', 'protectionLevel', 'protectionFromPersonId', 'version'])
          .where('personalNumber', '=', childNumber)
          .executeTakeFirstOrThrow(),
      );
      expect(child).toMatchObject({
        protectionLevel: 'protectedRegistration',
        protectionFromPersonId: mother.id,
      });
      const carried = await asSystem(t.database.db, (tx) =>
        tx
          .selectFrom('auditEvents')
          .select(['type', 'reason'])
          .where('personId', '=', child.id)
          .where('type', '=', 'person.protection_carried')
          .execute(),
      );
      expect(carried).toEqual([
        { type: 'person.protection_carried', reason: 'protection.household' },
      ]);

      // The children's team decides otherwise, and that is the child's own level from then on.
      const lowered = await childLeader.request('PATCH', `/api/persons/${child.id}`, {
        body: { version: child.version, protectionLevel: 'none' },
      });
      expect(lowered.statusCode, lowered.body).toBe(200);
      expect(lowered.json()).toMatchObject({ protectionLevel: 'none', protectionCarried: false });
    });

    it('leaves the household as it is when the worker says so', async () => {
      const current = (await adult.client.request('GET', `/api/persons/${mother.id}`)).json<{
        version: number;
      }>();
      const patched = await adult.client.request('PATCH', `/api/persons/${mother.id}`, {
        body: {
          version: current.version,
          protectionLevel: 'fictitiousIdentity',
          household: 'leave',
        },
      });
      expect(patched.json()).toMatchObject({ protectionCarriedTo: 0 });
      expect((await recordsOf(childNumber))[0]!.protectionLevel).toBe('none');
    });
  });
});

/**
 * Registers made before identities were unique: the migration keeps the oldest record as the
 * person, marks the others as its duplicates, gives all of them the strongest protection any had,
 * and carries a protected parent's level to her children.
 */
describe.runIf(engineAvailable)('the migration to one person per identity', () => {
  it('marks existing duplicates, protects them all, and carries protection to children', async () => {
    const database = await createTestDatabase();
    try {
      const migrator = new Migrator({ db: database.db, provider: migrationProvider });
      await migrator.migrateTo('20261127200000-intervention-wait-index');
      const world = await buildWorld(database);
      const user = await buildUser(database, {
        organisationId: world.north.org.id,
        unitId: world.north.adultUnit.id,
        role: 'caseWorker',
      });
      const number = nextTestNumber();
      const insert = (
        protection: string,
        unitId: string,
        createdAt: string,
        personalNumber = number,
      ) =>
        sql<{ id: string }>`
          insert into persons (organisation_id, unit_id, given_name, family_name, personal_number,
            protection_level, fictitious, created_at, updated_at)
          values (${world.north.org.id}, ${unitId}, 'Tidigare', 'Dubblett', ${personalNumber},
            ${protection}, true, ${createdAt}, now())
          returning id`
          .execute(database.db)
          .then((result) => result.rows[0]!.id);
      const oldest = await insert('none', world.north.adultUnit.id, '2026-01-01T00:00:00Z');
      const protectedOne = await insert(
        'protectedRegistration',
        world.north.adultUnit.id,
        '2026-02-01T00:00:00Z',
      );
      const third = await insert('none', world.north.childUnit.id, '2026-03-01T00:00:00Z');
      const childId = await insert(
        'none',
        world.north.childUnit.id,
        '2026-03-02T00:00:00Z',
        nextTestNumber(),
      );
      const openCase = (personId: string, unitId: string, type: string) =>
        sql<{ id: string }>`
          insert into cases (organisation_id, unit_id, person_id, type, opened_at, created_by)
          values (${world.north.org.id}, ${unitId}, ${personId}, ${type}, now(), ${user.id})
          returning id`
          .execute(database.db)
          .then((result) => result.rows[0]!.id);
      const parentCase = await openCase(protectedOne, world.north.adultUnit.id, 'adultVictim');
      const childCase = await openCase(childId, world.north.childUnit.id, 'childExposed');
      await sql`
        insert into case_links (organisation_id, case_id, linked_case_id, kind, created_by, created_at)
        values (${world.north.org.id}, ${parentCase}, ${childCase}, 'parentChild', ${user.id}, now()),
               (${world.north.org.id}, ${childCase}, ${parentCase}, 'parentChild', ${user.id}, now())
      `.execute(database.db);

      const { error } = await migrator.migrateToLatest();
      expect(error).toBeUndefined();
      const rows = await sql<{
        id: string;
        duplicateOf: string | null;
        protectionLevel: string;
        protectionFromPersonId: string | null;
      }>`select id, duplicate_of, protection_level, protection_from_person_id from persons
         where id in (${oldest}, ${protectedOne}, ${third}, ${childId}) order by created_at`.execute(
        database.db,
      );
      expect(rows.rows).toEqual([
        {
          id: oldest,
          duplicateOf: null,
          protectionLevel: 'protectedRegistration',
          protectionFromPersonId: null,
        },
        {
          id: protectedOne,
          duplicateOf: oldest,
          protectionLevel: 'protectedRegistration',
          protectionFromPersonId: null,
        },
        {
          id: third,
          duplicateOf: oldest,
          protectionLevel: 'protectedRegistration',
          protectionFromPersonId: null,
        },
        {
          id: childId,
          duplicateOf: null,
          protectionLevel: 'protectedRegistration',
          protectionFromPersonId: protectedOne,
        },
      ]);
    } finally {
      await database.close();
    }
  });
  void testEngine;
});
