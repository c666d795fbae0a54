import { swedishDate } from '../../src/domain/calendar';
import { resolveLegalReference } from '../../src/domain/law/legal-references';
import { describe, expect, it } from 'vitest';
import { asSystem } from '../../src/server/platform/db/transaction';
import {
  createOrganisation,
  createUnit,
} from '../../src/server/features/organisation/organisation.repository';
import { engineAvailable } from '../helpers/test-database';
import { buildCase, useTestWorld } from '../helpers/test-world';

type Referral = {
  id: string;
  state: string;
  version: number;
  caseId: string | null;
  subject: { name: string; personalNumber: string | null };
};

describe.runIf(engineAvailable)('hand-overs between organisations', () => {
  const t = useTestWorld({ county: true });

  const officer = () =>
    t.signedIn({
      organisationId: t.county.police.orgId,
      unitId: t.county.police.unitId,
      role: 'police',
    });
  const socialWorker = (unit: 'adultUnit' | 'childUnit' = 'adultUnit') =>
    t.signedIn({
      organisationId: t.world.north.org.id,
      unitId: t.world.north[unit].id,
      role: 'caseWorker',
    });

  it('police hand a case to social services, who acknowledge it and get a case on their intake list', async () => {
    const { client: polis } = await officer();
    const victim = await t.person({
      organisationId: t.county.police.orgId,
      unitId: t.county.police.unitId,
      givenName: 'Petra',
      familyName: 'Övningsdotter',
      personalNumber: '19090527-1474',
      protectionLevel: 'protectedRegistration',
    });
    const { id: policeCaseId } = await buildCase(polis, {
      personId: victim.id,
      unitId: t.county.police.unitId,
    });

    const directory = await polis.request('GET', '/api/referral-directory');
    expect(directory.statusCode, directory.body).toBe(200);
    const units = directory.json<{ unitId: string; organisationName: string }[]>();
    expect(units.map((unit) => unit.unitId)).toContain(t.world.north.adultUnit.id);
    // Another county's municipality is not in the directory.
    expect(units.map((unit) => unit.unitId)).not.toContain(t.world.south.adultUnit.id);

    const summary =
      'Anmälan om misshandel i hemmet i natt. Hon vill ha stöd och är rädd för att åka hem.';
    const noGround = await polis.request('POST', `/api/cases/${policeCaseId}/referrals`, {
      body: { toUnitId: t.world.north.adultUnit.id, summary, categories: ['caseHistory'] },
    });
    expect(noGround.statusCode).toBe(400);
    expect(noGround.body).toContain(
      resolveLegalReference('osl.necessaryDisclosure', swedishDate(new Date())).citation,
    );

    const sent = await polis.request('POST', `/api/cases/${policeCaseId}/referrals`, {
      body: {
        toUnitId: t.world.north.adultUnit.id,
        summary,
        categories: ['caseHistory', 'safetyPlan'],
        groundCode: 'ownActivity',
        assessmentNote: 'Socialtjänsten behöver veta för att kunna erbjuda skydd i kväll.',
      },
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const referralId = sent.json<{ id: string }>().id;

    // The receiving team sees it, masked; another area of the municipality does not.
    const { client: social } = await socialWorker();
    const incoming = social.request('GET', '/api/referrals');
    const listed = (await incoming).json<Referral[]>();
    expect(listed).toEqual([
      expect.objectContaining({
        id: referralId,
        state: 'sent',
        caseId: null,
        subject: {
          name: 'Petra Övningsdotter',
          personalNumber: '19090527-XXXX',
          protectionLevel: 'protectedRegistration',
        },
      }),
    ]);
    const { client: otherArea } = await socialWorker('childUnit');
    expect((await otherArea.request('GET', '/api/referrals')).json()).toEqual([]);
    expect((await otherArea.request('GET', `/api/referrals/${referralId}`)).statusCode).toBe(404);
    const { client: stranger } = await t.signedIn({
      organisationId: t.world.south.org.id,
      unitId: t.world.south.adultUnit.id,
      role: 'caseWorker',
    });
    expect((await stranger.request('GET', `/api/referrals/${referralId}`)).statusCode).toBe(404);

    const detail = await social.request('GET', `/api/referrals/${referralId}`);
    expect(detail.statusCode, detail.body).toBe(200);
    expect(detail.json()).toMatchObject({ package: { summary, caseType: 'adultVictim' } });
    // safetyPlan is not what police hand over: it is left out of the package.
    expect(detail.json<{ package: object }>().package).not.toHaveProperty('plan');
    expect(detail.body).not.toContain('1474');

    const answered = await social.request('POST', `/api/referrals/${referralId}/answer`, {
      body: { openCase: true, version: listed[0]!.version },
    });
    expect(answered.statusCode, answered.body).toBe(200);
    const caseId = answered.json<{ caseId: string }>().caseId;
    const received = await social.request('GET', `/api/cases/${caseId}`);
    expect(received.json()).toMatchObject({
      stage: 'intake',
      detectionSource: 'police',
      person: { givenName: 'Petra', personalNumber: '19090527-XXXX' },
    });
    const again = await social.request('POST', `/api/referrals/${referralId}/answer`, {
      body: { openCase: true, version: listed[0]!.version },
    });
    expect(again.statusCode).toBe(422);

    // The police see it acknowledged, and tell social services when the investigation is dropped.
    const seen = (await polis.request('GET', `/api/cases/${policeCaseId}/referrals`)).json<
      (Referral & { acknowledgedByName: string })[]
    >();
    expect(seen[0]).toMatchObject({ state: 'acknowledged', caseId: policeCaseId });
    const notice = await polis.request('POST', `/api/referrals/${referralId}/messages`, {
      body: { kind: 'investigationDropped', body: 'Förundersökningen är nedlagd i dag.' },
    });
    expect(notice.statusCode, notice.body).toBe(201);
    const socialOnly = await social.request('POST', `/api/referrals/${referralId}/messages`, {
      body: { kind: 'investigationDropped', body: 'Fel avsändare' },
    });
    expect(socialOnly.statusCode).toBe(422);
    const thread = (await social.request('GET', `/api/cases/${caseId}/referrals`)).json<
      Referral[]
    >();
    expect(thread[0]).toMatchObject({ id: referralId, caseId, messageCount: 1 });
    const messages = (await social.request('GET', `/api/referrals/${referralId}`)).json<{
      messages: { kind: string; body: string; authorOrganisation: string }[];
    }>().messages;
    expect(messages).toEqual([
      expect.objectContaining({
        kind: 'investigationDropped',
        body: 'Förundersökningen är nedlagd i dag.',
        authorOrganisation: 'Polisregion Övning',
      }),
    ]);

    const disclosures = (
      await polis.request('GET', `/api/cases/${policeCaseId}/disclosures`)
    ).json();
    expect(disclosures).toEqual([
      expect.objectContaining({ recipientKind: 'socialServices', groundCode: 'ownActivity' }),
    ]);
  });

  it('an unanswered hand-over is overdue from the second day, for both sides', async () => {
    const { client: polis } = await officer();
    const person = await t.person({
      organisationId: t.county.police.orgId,
      unitId: t.county.police.unitId,
    });
    const opened = await buildCase(polis, { personId: person.id, unitId: t.county.police.unitId });
    const sent = await polis.request(
      'POST',
      `/api/cases/${opened.id}/referrals`,

      {
        body: {
          toUnitId: t.world.north.adultUnit.id,
          summary: 'Hot via sms hela veckan, hon vill prata med socialtjänsten.',
          groundCode: 'ownActivity',
          assessmentNote: 'Behövs för att hon ska få stöd och skydd från kommunen.',
        },
      },
    );
    expect(sent.statusCode, sent.body).toBe(201);
    t.testApp.clock.advance(2 * 24 * 3600 * 1000);
    const { client: social } = await socialWorker();
    const listed = (await social.request('GET', '/api/referrals')).json<Referral[]>();
    expect(listed.find((entry) => entry.id === sent.json<{ id: string }>().id)?.state).toBe(
      'overdue',
    );
    const { client: later } = await officer();
    const theirs = (await later.request('GET', '/api/referrals')).json<Referral[]>();
    expect(theirs.find((entry) => entry.id === sent.json<{ id: string }>().id)?.state).toBe(
      'overdue',
    );

    const declined = await social.request(
      'POST',
      `/api/referrals/${sent.json<{ id: string }>().id}/answer`,
      {
        body: { decline: true, reason: 'kort', version: 1 },
      },
    );
    expect(declined.statusCode).toBe(400);
  });

  it('a move to another municipality carries history and plan on consent, so nothing is asked again', async () => {
    const neighbour = await asSystem(t.database.db, async (tx) => {
      const org = await createOrganisation(tx, {
        kind: 'municipality',
        name: 'Grannby kommun',
        scbCode: '9903',
        countyCode: '99',
        fictitious: true,
      });
      const unit = await createUnit(tx, {
        organisationId: org.id,
        name: 'VINR Grannby',
        kind: 'adultVinr',
      });
      return { orgId: org.id, unitId: unit.id };
    });
    const { client, user } = await socialWorker();
    const person = await t.person({
      organisationId: t.world.north.org.id,
      unitId: t.world.north.adultUnit.id,
      givenName: 'Nora',
      familyName: 'Övningsdotter',
      personalNumber: '19821105-9954',
    });
    const { id: caseId } = await buildCase(client, {
      personId: person.id,
      unitId: t.world.north.adultUnit.id,
      ownerUserId: user.id,
    });
    await client.request('POST', `/api/cases/${caseId}/events`, {
      body: {
        kind: 'incident',
        occurredOn: '2026-11-20',
        source: 'client',
        description: 'Hot i trapphuset',
      },
    });
    const measure = await client.request('POST', `/api/cases/${caseId}/safety-plan/measures`, {
      body: { measureCode: 'contactBan', ownerOrganisation: 'Åklagaren' },
    });
    expect(measure.statusCode, measure.body).toBe(201);
    const move = {
      toUnitId: neighbour.unitId,
      summary: 'Hon flyttar till Grannby på fredag. Skyddsplanen behöver följa med och fortsätta.',
      categories: ['caseHistory', 'safetyPlan'],
      groundCode: 'consent',
    };
    const withoutConsent = await client.request('POST', `/api/cases/${caseId}/referrals`, {
      body: move,
    });
    expect(withoutConsent.statusCode).toBe(400);
    const consent = await client.request('POST', `/api/persons/${person.id}/consents`, {
      body: {
        decision: 'given',
        purpose: 'Flytt till Grannby: ärendet och skyddsplanen följer med',
        recipients: [
          { kind: 'socialServices', organisationId: neighbour.orgId, label: 'Grannby kommun' },
        ],
        categories: ['caseHistory', 'safetyPlan'],
        givenBy: 'self',
        form: 'written',
        givenOn: '2026-11-24',
      },
    });
    expect(consent.statusCode, consent.body).toBe(201);
    const sent = await client.request('POST', `/api/cases/${caseId}/referrals`, { body: move });
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json()).toMatchObject({ kind: 'betweenMunicipalities' });

    const receiver = await t.signedIn({
      organisationId: neighbour.orgId,
      unitId: neighbour.unitId,
      role: 'caseWorker',
    });
    const detail = (
      await receiver.client.request('GET', `/api/referrals/${sent.json<{ id: string }>().id}`)
    ).json<{
      package: {
        events: { description: string }[];
        plan: { measures: { ownerOrganisation: string }[] };
      };
      version: number;
    }>();
    expect(detail.package.events).toEqual([
      expect.objectContaining({ description: 'Hot i trapphuset' }),
    ]);
    expect(detail.package.plan.measures).toEqual([
      expect.objectContaining({ ownerOrganisation: 'Åklagaren' }),
    ]);
    const answered = await receiver.client.request(
      'POST',
      `/api/referrals/${sent.json<{ id: string }>().id}/answer`,
      { body: { openCase: true, version: detail.version } },
    );
    expect(answered.statusCode, answered.body).toBe(200);
    const theirCase = await receiver.client.request(
      'GET',
      `/api/cases/${answered.json<{ caseId: string }>().caseId}`,
    );
    expect(theirCase.json()).toMatchObject({
      person: { givenName: 'Nora', personalNumber: '19821105-9954' },
      unitId: neighbour.unitId,
    });
  });
});
