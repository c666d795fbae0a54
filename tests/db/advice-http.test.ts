import { describe, expect, it } from 'vitest';
import { asSystem } from '../../src/server/platform/db/transaction';
import type { TestClient } from '../helpers/test-app';
import { engineAvailable } from '../helpers/test-database';
import { buildCase, useTestWorld } from '../helpers/test-world';

type Advice = {
  inService: boolean;
  status: {
    count: number;
    remaining: number | null;
    state: string;
    offerInvestigation: boolean;
    messageSv: string | null;
  };
  firstContact: { remaining: string[]; askRiskNow: boolean };
  contacts: { anonymous: boolean }[];
  ladder: { code: string; owner: string }[];
  resources: { name: string }[];
};

describe.runIf(engineAvailable)('råd och service for a person who uses violence', () => {
  const t = useTestWorld();

  /** A perpetrator's case in the open-care unit, moved to råd och service. */
  const serviceCase = async (client: TestClient, ownerUserId: string) => {
    const person = await t.person({
      organisationId: t.world.north.org.id,
      unitId: t.world.north.perpetratorUnit.id,
      givenName: 'Övning',
      familyName: 'Utövarsson',
    });
    const opened = await buildCase(client, {
      personId: person.id,
      unitId: t.world.north.perpetratorUnit.id,
      type: 'perpetrator',
      ownerUserId,
    });
    const answered = (
      await client.request('POST', `/api/cases/${opened.id}/children`, {
        body: { answer: 'none', version: opened.version },
      })
    ).json<{ version: number }>();
    const moved = await client.request('POST', `/api/cases/${opened.id}/stage`, {
      body: { to: 'service', version: answered.version },
    });
    expect(moved.statusCode).toBe(200);
    return { caseId: opened.id, version: moved.json<{ version: number }>().version };
  };

  it('counts contacts against the cap, stops at it and offers an investigation', async () => {
    const { client, user } = await t.signedIn({
      organisationId: t.world.north.org.id,
      unitId: t.world.north.perpetratorUnit.id,
      role: 'caseWorker',
    });
    const { caseId, version } = await serviceCase(client, user.id);
    const contact = (covered: string[] = []) =>
      client.request('POST', `/api/cases/${caseId}/advice/contacts`, {
        body: { heldOn: '2026-11-24', mode: 'inPerson', covered, note: 'Samtal om vad som hände.' },
      });
    expect((await contact(['children', 'weapons'])).statusCode).toBe(201);
    let advice = (await client.request('GET', `/api/cases/${caseId}/advice`)).json<Advice>();
    expect(advice.status).toMatchObject({ count: 1, remaining: 4, state: 'open' });
    // No victim known to this worker: the risk questions are asked now.
    expect(advice.firstContact).toEqual({
      remaining: ['victimSafety', 'substanceUse', 'mentalHealth'],
      askRiskNow: true,
    });
    expect(advice.ladder.find((level) => level.code === 'treatment')!.owner).toBe('region');
    expect(advice.resources.map((resource) => resource.name)).toContain('Välj att sluta');

    // The second, third and fourth contacts.
    expect([
      (await contact()).statusCode,
      (await contact()).statusCode,
      (await contact()).statusCode,
    ]).toEqual([201, 201, 201]);
    advice = (await client.request('GET', `/api/cases/${caseId}/advice`)).json<Advice>();
    expect(advice.status).toMatchObject({ state: 'lastSession', offerInvestigation: true });
    expect((await contact()).statusCode).toBe(201);
    const refused = await contact();
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('Erbjud utredning');
    advice = (await client.request('GET', `/api/cases/${caseId}/advice`)).json<Advice>();
    expect(advice.status).toMatchObject({ count: 5, state: 'atCap', offerInvestigation: true });

    // The conversion is the case's own step, with a reason; contacts then stop.
    const converted = await client.request('POST', `/api/cases/${caseId}/stage`, {
      body: {
        to: 'investigation',
        reason: 'Han vill ha fortsatt stöd och ansöker om samtal.',
        version,
      },
    });
    expect(converted.statusCode).toBe(200);
    expect((await contact()).statusCode).toBe(422);
    advice = (await client.request('GET', `/api/cases/${caseId}/advice`)).json<Advice>();
    expect(advice.inService).toBe(false);
  });

  it('follows the organisation’s own rule, and keeps anonymous contacts from risk statements', async () => {
    const admin = await t.signedIn({
      organisationId: t.world.north.org.id,
      unitId: t.world.north.adultUnit.id,
      role: 'administrator',
    });
    const settings = (await admin.client.request('GET', '/api/organisation/settings')).json<{
      reassessmentDays: object;
      adviceRule: object;
      version: number;
    }>();
    expect(settings.adviceRule).toEqual({ sessionCap: 5, maxDays: null });
    const neither = await admin.client.request('PATCH', '/api/organisation/settings', {
      body: { ...settings, adviceRule: { sessionCap: null, maxDays: null } },
    });
    expect(neither.statusCode).toBe(400);
    const changed = await admin.client.request('PATCH', '/api/organisation/settings', {
      body: { ...settings, adviceRule: { sessionCap: 2, maxDays: 30 } },
    });
    expect(changed.json()).toMatchObject({ adviceRule: { sessionCap: 2, maxDays: 30 } });

    const { client, user } = await t.signedIn({
      organisationId: t.world.north.org.id,
      unitId: t.world.north.perpetratorUnit.id,
      role: 'caseWorker',
    });
    const { caseId } = await serviceCase(client, user.id);
    expect(
      (
        await client.request('POST', `/api/cases/${caseId}/advice/contacts`, {
          body: {
            heldOn: '2026-11-24',
            mode: 'phone',
            anonymous: true,
            note: 'Ringde utan att säga sitt namn.',
          },
        })
      ).statusCode,
    ).toBe(201);
    const advice = (await client.request('GET', `/api/cases/${caseId}/advice`)).json<Advice>();
    expect(advice.status).toMatchObject({ count: 1, remaining: 1, state: 'lastSession' });
    const assessment = await client.request('POST', `/api/cases/${caseId}/assessments`, {
      body: { instrumentId: 'sara-sv', subjectRole: 'perpetrator' },
    });
    expect(assessment.statusCode).toBe(422);
    expect(assessment.json<{ reason: string }>().reason).toBe('advice.anonymous');

    // Back to the default for the other tests.
    const latest = (await admin.client.request('GET', '/api/organisation/settings')).json<{
      version: number;
    }>();
    await admin.client.request('PATCH', '/api/organisation/settings', {
      body: { ...settings, version: latest.version, adviceRule: { sessionCap: 5, maxDays: null } },
    });
  });

  it('asks the risk questions again once the victim’s assessment is older than the organisation allows', async () => {
    const { client, user } = await t.signedIn({
      organisationId: t.world.north.org.id,
      unitId: t.world.north.adultUnit.id,
      role: 'caseWorker',
    });
    const open = async (type: string, ownerUserId: string | null) => {
      const person = await t.person({
        organisationId: t.world.north.org.id,
        unitId: t.world.north.adultUnit.id,
      });
      return buildCase(client, {
        personId: person.id,
        unitId: t.world.north.adultUnit.id,
        type,
        ownerUserId,
      });
    };
    const victim = await open('adultVictim', null);
    const perpetrator = await open('perpetrator', user.id);
    expect(
      (
        await client.request('POST', `/api/cases/${perpetrator.id}/links`, {
          body: { linkedCaseId: victim.id, kind: 'victimPerpetrator' },
        })
      ).statusCode,
    ).toBe(201);
    const answered = (
      await client.request('POST', `/api/cases/${perpetrator.id}/children`, {
        body: { answer: 'none', version: perpetrator.version },
      })
    ).json<{ version: number }>();
    await client.request('POST', `/api/cases/${perpetrator.id}/stage`, {
      body: { to: 'service', version: answered.version },
    });
    // The victim's high-risk assessment was signed ten days before the test's today (24 Nov).
    const signedAt = new Date('2026-11-14T10:00:00Z');
    await asSystem(t.database.db, (tx) =>
      tx
        .insertInto('riskAssessments')
        .values({
          organisationId: t.world.north.org.id,
          caseId: victim.id,
          subjectPersonId: victim.person.id,
          subjectRole: 'victim',
          instrumentId: 'freda-farlighetsbedomning',
          instrumentVersion: '1.0.0',
          origin: 'own',
          mode: 'inPerson',
          assessorUserId: user.id,
          contentEnc: 'not read by this test',
          completeness: 1,
          finalLevel: 'high',
          judgementLevels: '{}',
          createdAt: signedAt,
          updatedAt: signedAt,
          signedAt,
          signedBy: user.id,
        })
        .execute(),
    );
    const askRiskNow = async () =>
      (await client.request('GET', `/api/cases/${perpetrator.id}/advice`)).json<Advice>()
        .firstContact.askRiskNow;
    // Fourteen days for high risk by default: still current.
    expect(await askRiskNow()).toBe(false);

    const admin = await t.signedIn({
      organisationId: t.world.north.org.id,
      unitId: t.world.north.adultUnit.id,
      role: 'administrator',
    });
    const settings = (await admin.client.request('GET', '/api/organisation/settings')).json<{
      reassessmentDays: { high: number; medium: number; low: number };
      version: number;
    }>();
    const weekly = await admin.client.request('PATCH', '/api/organisation/settings', {
      body: { ...settings, reassessmentDays: { ...settings.reassessmentDays, high: 7 } },
    });
    expect(weekly.statusCode).toBe(200);
    // The organisation redoes high-risk assessments weekly: ten days old is out of date.
    expect(await askRiskNow()).toBe(true);

    await admin.client.request('PATCH', '/api/organisation/settings', {
      body: { ...settings, version: weekly.json<{ version: number }>().version },
    });
  });
});
