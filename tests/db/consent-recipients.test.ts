import { Migrator, sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { ephemeralKeyRing } from '../../src/server/platform/crypto/key-ring';
import { migrationProvider } from '../../src/server/platform/db/migrations';
import { asSystem } from '../../src/server/platform/db/transaction';
import {
  createOrganisation,
  createSecrecyArea,
  createUnit,
} from '../../src/server/features/organisation/organisation.repository';
import { buildPerson, buildUser, buildWorld } from '../factories/world';
import type { TestClient } from '../helpers/test-app';
import { createTestDatabase, engineAvailable } from '../helpers/test-database';
import { buildCase, useTestWorld } from '../helpers/test-world';

/**
 * Consent recipients are references (issue 17): a consent to a unit of another organisation
 * names it by id, so a referral to that unit finds the consent whatever the name looked like —
 * the referral to ATV used to fail unless the recipient had been typed "Organisation, Unit".
 */
describe.runIf(engineAvailable)('consent recipients are references', () => {
  const t = useTestWorld({ county: true });
  let worker: { client: TestClient; userId: string };
  let region: { organisationId: string; unitId: string };

  beforeAll(async () => {
    region = await asSystem(t.database.db, async (tx) => {
      const org = await createOrganisation(tx, {
        kind: 'region',
        name: 'Region Referens',
        countyCode: '99',
        fictitious: true,
      });
      const area = await createSecrecyArea(tx, org.id, 'ATV');
      const unit = await createUnit(tx, {
        organisationId: org.id,
        name: 'Alternativ till våld (ATV)',
        kind: 'other',
        secrecyAreaId: area.id,
      });
      return { organisationId: org.id, unitId: unit.id };
    });
    const { client, user } = await t.signedIn({
      organisationId: t.world.north.org.id,
      unitId: t.world.north.perpetratorUnit.id,
      role: 'caseWorker',
    });
    worker = { client, userId: user.id };
  });

  const consentTo = (personId: string, recipient: Record<string, unknown>) =>
    worker.client.request('POST', `/api/persons/${personId}/consents`, {
      body: {
        decision: 'given',
        purpose: 'Remiss till ATV för behandling',
        recipients: [recipient],
        categories: ['caseHistory'],
        givenBy: 'self',
        form: 'written',
        givenOn: '2026-11-24',
      },
    });

  it('stores a directory unit under its own name and lets the referral to it go through on the consent', async () => {
    const man = await t.person({
      organisationId: t.world.north.org.id,
      unitId: t.world.north.perpetratorUnit.id,
    });
    const { id: caseId } = await buildCase(worker.client, {
      personId: man.id,
      unitId: t.world.north.perpetratorUnit.id,
      type: 'perpetrator',
      ownerUserId: worker.userId,
    });
    const referral = {
      toUnitId: region.unitId,
      summary: 'Han vill ha behandling för att sluta utöva våld; fem samtal är gjorda.',
      categories: ['caseHistory'],
      groundCode: 'consent',
    };
    expect(
      (await worker.client.request('POST', `/api/cases/${caseId}/referrals`, { body: referral }))
        .statusCode,
    ).toBe(400);

    const consent = await consentTo(man.id, {
      kind: 'healthCare',
      organisationId: region.organisationId,
      unitId: region.unitId,
      label: 'atv i regionen (skrivet hur som helst)',
    });
    expect(consent.statusCode, consent.body).toBe(201);
    expect(consent.json<{ recipients: unknown[] }>().recipients).toEqual([
      {
        kind: 'healthCare',
        organisationId: region.organisationId,
        unitId: region.unitId,
        label: 'Region Referens – Alternativ till våld (ATV)',
      },
    ]);
    const grounds = await worker.client.request(
      'GET',
      `/api/cases/${caseId}/disclosure-grounds?recipientKind=healthCare&recipientUnitId=${region.unitId}&recipientLabel=x&categories=caseHistory`,
    );
    expect(grounds.statusCode, grounds.body).toBe(200);
    expect(
      grounds
        .json<{ grounds: { code: string; applies: boolean }[] }>()
        .grounds.find((ground) => ground.code === 'consent'),
    ).toMatchObject({ applies: true });
    const sent = await worker.client.request('POST', `/api/cases/${caseId}/referrals`, {
      body: referral,
    });
    expect(sent.statusCode, sent.body).toBe(201);
  });

  it('refuses a recipient id that is neither the organisation’s own nor in the county’s directory', async () => {
    const person = await t.person({
      organisationId: t.world.north.org.id,
      unitId: t.world.north.perpetratorUnit.id,
    });
    const stranger = await consentTo(person.id, {
      kind: 'socialServices',
      organisationId: t.world.south.org.id,
      unitId: t.world.south.adultUnit.id,
      label: 'Testvik kommun – Vuxenenheten',
    });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json()).toMatchObject({
      fields: [{ path: 'body.recipients.0', message: expect.stringContaining('katalogen') }],
    });
  });
});

describe.runIf(engineAvailable)('the migration of consents typed as text', () => {
  it('gives a typed recipient the ids of the unit it names, and marks the rest for review', async () => {
    const database = await createTestDatabase();
    try {
      const migrator = new Migrator({ db: database.db, provider: migrationProvider });
      await migrator.migrateTo('20261207200000-link-requests');
      const world = await buildWorld(database);
      const user = await buildUser(database, {
        organisationId: world.north.org.id,
        unitId: world.north.adultUnit.id,
        role: 'caseWorker',
      });
      const person = await buildPerson(database, ephemeralKeyRing(), {
        organisationId: world.north.org.id,
        unitId: world.north.adultUnit.id,
      });
      const recipients = [
        {
          kind: 'socialServices',
          organisationId: null,
          unitId: null,
          label: 'Testvik kommun, Vuxenenheten',
        },
        { kind: 'internal', organisationId: null, unitId: null, label: 'barn och unga' },
        { kind: 'other', organisationId: null, unitId: null, label: 'Skolan' },
      ];
      await sql`
        insert into consents (organisation_id, person_id, decision, purpose_enc, recipients,
          categories, given_by, form, given_on, recorded_by, recorded_at, recorded_in_unit_id)
        values (${world.north.org.id}, ${person.id}, 'given', 'x', ${JSON.stringify(recipients)}::jsonb,
          '{caseHistory}', 'self', 'oral', '2026-11-01', ${user.id}, now(), ${world.north.adultUnit.id})
      `.execute(database.db);
      expect((await migrator.migrateToLatest()).error).toBeUndefined();
      const stored = await sql<{ recipients: unknown[] }>`select recipients from consents`.execute(
        database.db,
      );
      expect(stored.rows[0]!.recipients).toEqual([
        {
          kind: 'socialServices',
          organisationId: world.south.org.id,
          unitId: world.south.adultUnit.id,
          label: 'Testvik kommun – Vuxenenheten',
        },
        {
          kind: 'internal',
          organisationId: null,
          unitId: world.north.childUnit.id,
          label: 'Barn och unga',
        },
        { kind: 'other', organisationId: null, unitId: null, label: 'Skolan', unverified: true },
      ]);
    } finally {
      await database.close();
    }
  });
});
