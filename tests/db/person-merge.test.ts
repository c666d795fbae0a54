import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { asSystem } from '../../src/server/platform/db/transaction';
import {
  createSecrecyArea,
  createUnit,
} from '../../src/server/features/organisation/organisation.repository';
import { nextTestNumber } from '../factories/world';
import type { TestClient } from '../helpers/test-app';
import { engineAvailable } from '../helpers/test-database';
import { useTestWorld } from '../helpers/test-world';

/**
 * Merging the records of one person registered twice before the number became unique (issue 17):
 * every reference to the merged record moves to the survivor — read from the database's own
 * foreign keys, so a table added later is held to it without editing this test — the survivor
 * keeps the stronger protection, the merged record leaves lists and search, and the merge can be
 * undone with every moved row back where it was.
 */
describe.runIf(engineAvailable)('merging the records of one person', () => {
  const t = useTestWorld();
  let adult: { client: TestClient; userId: string };
  let child: { client: TestClient; userId: string };
  /** A second unit in the adult secrecy area (a reception), where the old record was made. */
  let receptionUnitId: string;

  /** Every column with a foreign key to persons: the test's own reading of the catalogue. */
  const personColumns = async () =>
    (
      await sql<{ tableName: string; columnName: string }>`
        select c.conrelid::regclass::text as table_name, a.attname::text as column_name
          from pg_constraint c
          join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any (c.conkey)
         where c.contype = 'f' and c.confrelid = 'persons'::regclass
         order by 1, 2`.execute(t.database.db)
    ).rows;

  /** How many rows of each table point at a person (only the columns that do). */
  const referencesTo = async (personId: string) => {
    const counts: Record<string, number> = {};
    for (const { tableName, columnName } of await personColumns()) {
      const { rows } = await sql<{ n: number }>`
        select count(*)::int as n from ${sql.table(tableName)}
         where ${sql.ref(columnName)} = ${personId}`.execute(t.database.db);
      if (rows[0]!.n > 0) counts[`${tableName}.${columnName}`] = rows[0]!.n;
    }
    return counts;
  };

  const insertPerson = (values: {
    unitId: string;
    personalNumber: string | null;
    protection: string;
    duplicateOf: string | null;
    givenName?: string;
  }) =>
    sql<{ id: string }>`
      insert into persons (organisation_id, unit_id, given_name, family_name, personal_number,
        protection_level, duplicate_of, fictitious, created_at, updated_at)
      values (${t.world.north.org.id}, ${values.unitId}, ${values.givenName ?? 'Dubbel'},
        'Registrerad', ${values.personalNumber}, ${values.protection}, ${values.duplicateOf},
        true, now(), now())
      returning id`
      .execute(t.database.db)
      .then((result) => result.rows[0]!.id);

  beforeAll(async () => {
    receptionUnitId = await asSystem(t.database.db, async (tx) => {
      const unit = await createUnit(tx, {
        organisationId: t.world.north.org.id,
        name: 'Mottagningen',
        kind: 'adultVinr',
        secrecyAreaId: t.world.north.adultUnit.secrecyAreaId!,
      });
      await createSecrecyArea(tx, t.world.north.org.id, 'Oanvänt område');
      return unit.id;
    });
    const grant = (unitId: string) => ({
      organisationId: t.world.north.org.id,
      unitId,
      role: 'caseWorker' as const,
    });
    const a = await t.signedIn(grant(t.world.north.adultUnit.id));
    adult = { client: a.client, userId: a.user.id };
    const c = await t.signedIn(grant(t.world.north.childUnit.id));
    child = { client: c.client, userId: c.user.id };
  });

  /** A person registered through intake, and an old record of her left by the migration. */
  const registeredTwice = async (oldUnitId: string) => {
    const number = nextTestNumber();
    const registered = await adult.client.request('POST', '/api/persons', {
      body: {
        unitId: t.world.north.adultUnit.id,
        givenName: 'Dubbel',
        familyName: 'Registrerad',
        identityKind: 'personnummer',
        personalNumber: number,
        protectionLevel: 'none',
      },
    });
    expect(registered.statusCode, registered.body).toBe(201);
    const survivor = registered.json<{ id: string; version: number }>();
    // Same number, marked as a duplicate, with a stronger protection of its own.
    const mergedId = await insertPerson({
      unitId: oldUnitId,
      personalNumber: number,
      protection: 'protectedRegistration',
      duplicateOf: survivor.id,
    });
    return { number, survivor, mergedId };
  };

  const merge = (client: TestClient, survivor: { id: string; version: number }, mergedId: string) =>
    client.request('POST', `/api/persons/${survivor.id}/merges`, {
      body: {
        mergedPersonId: mergedId,
        reason: 'Samma personnummer, registrerad två gånger före 2026',
        version: survivor.version,
      },
    });

  it('moves every reference to the survivor, keeps the stronger protection, and undoes it all', async () => {
    const { survivor, mergedId } = await registeredTwice(receptionUnitId);
    // What hangs on the old record: a case with a signed assessment, a placement, a break-glass,
    // an assignment of the same worker the survivor has (the two say the same) and one of another.
    const caseId = (
      await sql<{ id: string }>`
        insert into cases (organisation_id, unit_id, person_id, type, opened_at, created_by)
        values (${t.world.north.org.id}, ${receptionUnitId}, ${mergedId}, 'adultVictim', now(), ${adult.userId})
        returning id`.execute(t.database.db)
    ).rows[0]!.id;
    await sql`
      insert into risk_assessments (organisation_id, case_id, subject_person_id, subject_role,
        instrument_id, instrument_version, origin, mode, assessor_user_id, content_enc,
        completeness, created_at, updated_at, signed_at, signed_by)
      values (${t.world.north.org.id}, ${caseId}, ${mergedId}, 'victim', 'freda', '1', 'own',
        'inPerson', ${adult.userId}, 'x', 1, now(), now(), now(), ${adult.userId})`.execute(
      t.database.db,
    );
    await sql`
      insert into person_units (organisation_id, person_id, unit_id, placed_by, placed_at)
      values (${t.world.north.org.id}, ${mergedId}, ${t.world.north.perpetratorUnit.id}, ${adult.userId}, now())`.execute(
      t.database.db,
    );
    await sql`
      insert into break_glass_grants (organisation_id, user_id, person_id, reason, expires_at)
      values (${t.world.north.org.id}, ${child.userId}, ${mergedId}, 'Akut läge på jouren', now())`.execute(
      t.database.db,
    );
    await sql`
      insert into person_assignments (person_id, user_id, organisation_id)
      values (${mergedId}, ${adult.userId}, ${t.world.north.org.id}),
             (${mergedId}, ${child.userId}, ${t.world.north.org.id})`.execute(t.database.db);
    const before = await referencesTo(mergedId);
    expect(before).toEqual({
      'break_glass_grants.person_id': 1,
      'cases.person_id': 1,
      'person_assignments.person_id': 2,
      'person_units.person_id': 1,
      'risk_assessments.subject_person_id': 1,
    });

    // The worker sees the old record as a duplicate, to be merged into hers.
    const duplicates = await adult.client.request('GET', `/api/persons/${survivor.id}/duplicates`);
    expect(duplicates.statusCode, duplicates.body).toBe(200);
    expect(duplicates.json()).toMatchObject({
      candidates: [
        {
          person: { id: mergedId },
          markedAsDuplicate: true,
          survivorId: survivor.id,
          refusal: null,
        },
      ],
      merges: [],
    });

    const merged = await merge(adult.client, survivor, mergedId);
    expect(merged.statusCode, merged.body).toBe(200);
    const { mergeId } = merged.json<{ mergeId: string }>();
    expect(merged.json()).toMatchObject({
      movedRows: 5,
      person: { id: survivor.id, protectionLevel: 'protectedRegistration' },
    });
    // Nothing points at the old record but its merge and the assignment that says the same as
    // the survivor's own; the survivor is placed where the old record was made.
    expect(await referencesTo(mergedId)).toEqual({
      'person_assignments.person_id': 1,
      'person_merges.merged_id': 1,
    });
    const survivorRefs = await referencesTo(survivor.id);
    expect(survivorRefs).toMatchObject({
      'break_glass_grants.person_id': 1,
      'cases.person_id': 1,
      'risk_assessments.subject_person_id': 1,
      'person_units.person_id': 2,
      'persons.duplicate_of': 1,
    });
    // The merged record has left the list and search: one row of her, protected.
    const search = await adult.client.request('GET', '/api/persons/search?q=Registrerad Dubbel');
    const found = search.json<{ id: string; protectionLevel: string }[]>();
    expect(found.map((row) => row.id)).toContain(survivor.id);
    expect(found.map((row) => row.id)).not.toContain(mergedId);
    // Both records' logs say what happened.
    const events = await asSystem(t.database.db, (tx) =>
      tx
        .selectFrom('auditEvents')
        .select('personId')
        .where('type', '=', 'person.merged')
        .where(sql<boolean>`details->>'mergeId' = ${mergeId}`)
        .execute(),
    );
    expect(events.map((event) => event.personId).sort()).toEqual([mergedId, survivor.id].sort());

    const listed = await adult.client.request('GET', `/api/persons/${survivor.id}/duplicates`);
    expect(listed.json()).toMatchObject({ merges: [{ id: mergeId, canUndo: true }] });
    const undone = await adult.client.request('POST', `/api/person-merges/${mergeId}/undo`);
    expect(undone.statusCode, undone.body).toBe(200);
    expect(await referencesTo(mergedId)).toEqual({ ...before, 'person_merges.merged_id': 1 });
    expect(await referencesTo(survivor.id)).toEqual({
      'person_assignments.person_id': 1,
      'person_merges.previous_duplicate_of': 1,
      'person_merges.survivor_id': 1,
      'persons.duplicate_of': 1,
    });
    // Protection is never weakened by an undo: whoever has the right decides that, on record.
    const after = await adult.client.request('GET', `/api/persons/${survivor.id}`);
    expect(after.json()).toMatchObject({ protectionLevel: 'protectedRegistration' });
    const again = await adult.client.request('POST', `/api/person-merges/${mergeId}/undo`);
    expect(again.statusCode).toBe(422);
  });

  it('keeps a signed assessment unchangeable outside a merge', async () => {
    const { mergedId } = await registeredTwice(t.world.north.adultUnit.id);
    const caseId = (
      await sql<{ id: string }>`
        insert into cases (organisation_id, unit_id, person_id, type, opened_at, created_by)
        values (${t.world.north.org.id}, ${t.world.north.adultUnit.id}, ${mergedId}, 'adultVictim', now(), ${adult.userId})
        returning id`.execute(t.database.db)
    ).rows[0]!.id;
    const other = await insertPerson({
      unitId: t.world.north.adultUnit.id,
      personalNumber: null,
      protection: 'none',
      duplicateOf: null,
    });
    await sql`
      insert into risk_assessments (organisation_id, case_id, subject_person_id, subject_role,
        instrument_id, instrument_version, origin, mode, assessor_user_id, content_enc,
        completeness, created_at, updated_at, signed_at, signed_by)
      values (${t.world.north.org.id}, ${caseId}, ${mergedId}, 'victim', 'freda', '1', 'own',
        'inPerson', ${adult.userId}, 'x', 1, now(), now(), now(), ${adult.userId})`.execute(
      t.database.db,
    );
    await expect(
      sql`update risk_assessments set subject_person_id = ${other} where case_id = ${caseId}`.execute(
        t.database.db,
      ),
    ).rejects.toThrow(/signed risk assessment cannot be changed/);
  });

  it('refuses what is not the same person, a stale version, and a record the worker may not change', async () => {
    const { survivor, mergedId } = await registeredTwice(t.world.north.adultUnit.id);
    const stranger = await insertPerson({
      unitId: t.world.north.adultUnit.id,
      personalNumber: nextTestNumber(),
      protection: 'none',
      duplicateOf: null,
    });
    const refused = await merge(adult.client, survivor, stranger);
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ reason: 'merge.different_numbers' });

    const stale = await merge(
      adult.client,
      { ...survivor, version: survivor.version - 1 },
      mergedId,
    );
    expect(stale.statusCode).toBe(409);

    // A record in the children's secrecy area, named in the body: refused, and nothing moved.
    const childRecord = await insertPerson({
      unitId: t.world.north.childUnit.id,
      personalNumber: null,
      protection: 'none',
      duplicateOf: null,
      givenName: 'Annan',
    });
    const across = await merge(adult.client, survivor, childRecord);
    expect(across.statusCode).toBe(403);
    expect(across.body).not.toContain('Annan');
    // And the children's unit cannot merge into her record at all.
    const outsider = await merge(child.client, survivor, mergedId);
    expect([403, 404]).toContain(outsider.statusCode);
    expect(outsider.body).not.toContain('Registrerad');
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from person_merges where survivor_id = ${survivor.id}`.execute(
      t.database.db,
    );
    expect(rows[0]!.n).toBe(0);
  });

  it('merges once when two workers merge the same records at the same moment', async () => {
    const { survivor, mergedId } = await registeredTwice(t.world.north.adultUnit.id);
    const second = await t.signedIn({
      organisationId: t.world.north.org.id,
      unitId: t.world.north.adultUnit.id,
      role: 'caseWorker',
    });
    const answers = await Promise.all([
      merge(adult.client, survivor, mergedId),
      merge(second.client, survivor, mergedId),
    ]);
    // One merges; the other is told the record changed (409) or is merged already (422).
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual(
      expect.arrayContaining([200]),
    );
    expect(answers.filter((answer) => answer.statusCode === 200)).toHaveLength(1);
    for (const answer of answers) expect([200, 409, 422]).toContain(answer.statusCode);
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from person_merges where merged_id = ${mergedId}`.execute(
      t.database.db,
    );
    expect(rows[0]!.n).toBe(1);
  });

  it('lets the app role re-point every column that references a person', async () => {
    const missing: string[] = [];
    for (const { tableName, columnName } of await personColumns()) {
      if (tableName === 'person_merges') continue;
      const { rows } = await sql<{ ok: boolean }>`
        select has_column_privilege('fristad_app', ${tableName}, ${columnName}, 'UPDATE') as ok`.execute(
        t.database.db,
      );
      if (!rows[0]!.ok) missing.push(`${tableName}.${columnName}`);
    }
    expect(missing).toEqual([]);
  });
});
