import { swedishDate } from '../../src/domain/calendar';
import { resolveLegalReference } from '../../src/domain/law/legal-references';
import { beforeAll, describe, expect, it } from 'vitest';
import { asSystem } from '../../src/server/platform/db/transaction';
import { nextTestNumber } from '../factories/world';
import type { TestClient } from '../helpers/test-app';
import { engineAvailable } from '../helpers/test-database';
import { buildCase, useTestWorld } from '../helpers/test-world';

type Case = { id: string; version: number };

describe.runIf(engineAvailable)('collaboration under secrecy', () => {
  const t = useTestWorld();

  const as = (unit: 'adultUnit' | 'childUnit' | 'perpetratorUnit', role = 'caseWorker' as const) =>
    t.signedIn({
      organisationId: t.world.north.org.id,
      unitId: t.world.north[unit].id,
      role,
    });

  const openCase = async (
    client: TestClient,
    unitId: string,
    ownerUserId: string,
    type: string,
    person?: { id: string },
  ) => {
    const subject = person ?? (await t.person({ organisationId: t.world.north.org.id, unitId }));
    const opened = await buildCase(client, { personId: subject.id, unitId, type, ownerUserId });
    return { ...opened, personId: subject.id };
  };

  const eventsOf = (type: string) =>
    asSystem(t.database.db, (tx) =>
      tx
        .selectFrom('auditEvents')
        .select(['type', 'reason', 'personId', 'actorUserId', 'details'])
        .where('type', '=', type)
        .execute(),
    );

  describe('concern for the victim raised in a perpetrator case', () => {
    let victimsWorker: Awaited<ReturnType<typeof as>>;
    let perpetratorsWorker: Awaited<ReturnType<typeof as>>;
    let victimCase: Case & { personId: string };
    let perpetratorCase: Case & { personId: string };
    const said = 'Han sa att han vet var hon bor nu och att han ska åka dit i helgen.';

    beforeAll(async () => {
      victimsWorker = await as('adultUnit');
      perpetratorsWorker = await as('perpetratorUnit');
      const victim = await t.person({
        organisationId: t.world.north.org.id,
        unitId: t.world.north.adultUnit.id,
        personalNumber: '19730674-9982',
        protectionLevel: 'protectedRegistration',
      });
      victimCase = await openCase(
        victimsWorker.client,
        t.world.north.adultUnit.id,
        victimsWorker.user.id,
        'adultVictim',
        victim,
      );
      perpetratorCase = await openCase(
        perpetratorsWorker.client,
        t.world.north.perpetratorUnit.id,
        perpetratorsWorker.user.id,
        'perpetrator',
      );
    });

    it('asks to link by her number, answering the same whether or not she has a case; her team decides', async () => {
      const url = `/api/cases/${perpetratorCase.id}/links/by-personal-number`;
      const wrong = await perpetratorsWorker.client.request('POST', url, {
        body: { personalNumber: '19730674-9983' },
      });
      expect(wrong.statusCode).toBe(400);
      const withCase = await perpetratorsWorker.client.request('POST', url, {
        body: { personalNumber: '197306749982' },
      });
      const without = await perpetratorsWorker.client.request('POST', url, {
        body: { personalNumber: nextTestNumber() },
      });
      // No existence oracle: the same status and the same words either way.
      expect(withCase.statusCode, withCase.body).toBe(202);
      expect([without.statusCode, without.json()]).toEqual([withCase.statusCode, withCase.json()]);
      expect(withCase.json()).toEqual({ requested: true });
      const before = await perpetratorsWorker.client.request(
        'GET',
        `/api/cases/${perpetratorCase.id}`,
      );
      expect(before.json<{ linkedCases: unknown[] }>().linkedCases).toEqual([]);

      // Her own team sees which unit asked, and decides.
      const requests = await victimsWorker.client.request(
        'GET',
        `/api/cases/${victimCase.id}/link-requests`,
      );
      expect(requests.statusCode, requests.body).toBe(200);
      const [request] =
        requests.json<{ id: string; fromUnitName: string; status: string; version: number }[]>();
      expect(request).toMatchObject({
        fromUnitName: t.world.north.perpetratorUnit.name,
        status: 'pending',
      });
      // His side cannot answer for her, or even see the requests.
      expect(
        (
          await perpetratorsWorker.client.request(
            'GET',
            `/api/cases/${victimCase.id}/link-requests`,
          )
        ).statusCode,
      ).toBe(403);
      expect(
        (
          await perpetratorsWorker.client.request(
            'POST',
            `/api/link-requests/${request!.id}/answer`,
            {
              body: { accept: true, version: request!.version },
            },
          )
        ).statusCode,
      ).toBe(403);
      const accepted = await victimsWorker.client.request(
        'POST',
        `/api/link-requests/${request!.id}/answer`,
        { body: { accept: true, version: request!.version } },
      );
      expect(accepted.statusCode, accepted.body).toBe(200);
      const again = await perpetratorsWorker.client.request('POST', url, {
        body: { personalNumber: '19730674-9982' },
      });
      expect(again.json()).toEqual({ requested: true });
      expect(await eventsOf('case.link_requested')).toContainEqual(
        expect.objectContaining({
          personId: victimCase.personId,
          actorUserId: perpetratorsWorker.user.id,
          reason: 'access.link_by_personal_number',
        }),
      );
      const view = await perpetratorsWorker.client.request(
        'GET',
        `/api/cases/${perpetratorCase.id}`,
      );
      expect(view.json<{ linkedCases: unknown[] }>().linkedCases).toEqual([
        { kind: 'victimPerpetrator', visible: false, hiddenReason: 'access.other_secrecy_area' },
      ]);
    });

    it('shows the perpetrator’s worker which paths are open, without the victim’s case', async () => {
      const response = await perpetratorsWorker.client.request(
        'GET',
        `/api/cases/${perpetratorCase.id}/concerns`,
      );
      expect(response.statusCode, response.body).toBe(200);
      const view = response.json<{
        linkedVictimCases: number;
        paths: { path: string; open: boolean; whyClosed: string | null }[];
      }>();
      expect(view.linkedVictimCases).toBe(1);
      expect(view.paths.filter((path) => path.open).map((path) => path.path)).toEqual([
        'noHarm',
        'dangerToLife',
      ]);
      expect(response.body).not.toContain(victimCase.id);
      const hidden = await perpetratorsWorker.client.request('GET', `/api/cases/${victimCase.id}`);
      expect(hidden.statusCode).toBe(403);
    });

    it('refuses a concern on a closed path or without an assessment, and sends nothing', async () => {
      for (const body of [
        { path: null, whatWasSaid: said },
        { path: 'sameUnit', whatWasSaid: said },
        { path: 'noHarm', whatWasSaid: said, assessmentNote: 'kort' },
      ]) {
        const response = await perpetratorsWorker.client.request(
          'POST',
          `/api/cases/${perpetratorCase.id}/concerns`,
          { body },
        );
        expect(response.statusCode, response.body).toBe(400);
      }
      const victimView = await victimsWorker.client.request('GET', `/api/cases/${victimCase.id}`);
      expect(victimView.json<{ tasks: unknown[] }>().tasks).toEqual([]);
    });

    it('on the harm-test path the victim’s worker gets the words as a task, and the crossing is a disclosure', async () => {
      const response = await perpetratorsWorker.client.request(
        'POST',
        `/api/cases/${perpetratorCase.id}/concerns`,
        {
          body: {
            path: 'noHarm',
            whatWasSaid: said,
            assessmentNote: 'Hotet är konkret; hon behöver veta för att kunna skydda sig i helgen.',
          },
        },
      );
      expect(response.statusCode, response.body).toBe(201);
      expect(response.json()).toMatchObject({ path: 'noHarm', notifiedCases: 1 });

      const mine = await victimsWorker.client.request('GET', '/api/work-lists/mine');
      const tasks = mine.json<{ tasks: { kind: string; note: string; case: { id: string } }[] }>()
        .tasks;
      expect(tasks).toEqual([
        expect.objectContaining({
          kind: 'concern',
          case: expect.objectContaining({ id: victimCase.id }),
        }),
      ]);
      expect(tasks[0]!.note).toContain(said);
      expect(tasks[0]!.note).toContain('Öppenvården');

      const disclosures = await perpetratorsWorker.client.request(
        'GET',
        `/api/cases/${perpetratorCase.id}/disclosures`,
      );
      expect(disclosures.json()).toEqual([
        expect.objectContaining({
          recipientKind: 'internal',
          recipient: 'Vuxenenheten',
          groundCode: 'noHarm',
          content: said,
        }),
      ]);
      const audit = await eventsOf('case.task_added');
      expect(audit).toContainEqual(
        expect.objectContaining({
          personId: victimCase.personId,
          actorUserId: perpetratorsWorker.user.id,
          reason: 'access.concern_path',
        }),
      );
      // The task tells the victim's worker the words, nothing else about the perpetrator's case.
      const victimView = await victimsWorker.client.request(
        'GET',
        `/api/cases/${perpetratorCase.id}`,
      );
      expect(victimView.statusCode).toBe(403);
    });

    it('the danger-to-life path records a disclosure to the police and leaves the victim’s case alone', async () => {
      const before = await victimsWorker.client.request('GET', `/api/cases/${victimCase.id}`);
      const response = await perpetratorsWorker.client.request(
        'POST',
        `/api/cases/${perpetratorCase.id}/concerns`,
        {
          body: {
            path: 'dangerToLife',
            whatWasSaid: 'Han har skaffat ett vapen och säger att han ska använda det.',
            assessmentNote: 'Särskild risk för grovt brott mot närstående; polisen kan förhindra.',
          },
        },
      );
      expect(response.statusCode, response.body).toBe(201);
      expect(response.json()).toMatchObject({ notifiedCases: 0 });
      const after = await victimsWorker.client.request('GET', `/api/cases/${victimCase.id}`);
      expect(after.json<{ tasks: unknown[] }>().tasks).toHaveLength(
        before.json<{ tasks: unknown[] }>().tasks.length,
      );
      const disclosures = await perpetratorsWorker.client.request(
        'GET',
        `/api/cases/${perpetratorCase.id}/disclosures`,
      );
      expect(disclosures.json()).toContainEqual(
        expect.objectContaining({ recipientKind: 'police', groundCode: 'preventViolence' }),
      );
    });
  });

  describe('consent and a case shared across a secrecy area', () => {
    it('opens the case to the other area on consent, says why, and closes it when the consent is withdrawn', async () => {
      const adult = await as('adultUnit');
      const child = await as('childUnit');
      const person = await t.person({
        organisationId: t.world.north.org.id,
        unitId: t.world.north.adultUnit.id,
        personalNumber: '19821105-9954',
      });
      const opened = await openCase(
        adult.client,
        t.world.north.adultUnit.id,
        adult.user.id,
        'adultVictim',
        person,
      );
      expect((await child.client.request('GET', `/api/cases/${opened.id}`)).statusCode).toBe(403);

      const recipient = {
        kind: 'internal',
        unitId: t.world.north.childUnit.id,
        label: 'Barn och unga',
      };
      const consent = await adult.client.request('POST', `/api/persons/${person.id}/consents`, {
        body: {
          decision: 'given',
          purpose: 'Barn och unga får läsa utredningen om våldet',
          recipients: [recipient],
          categories: ['caseHistory'],
          givenBy: 'self',
          form: 'written',
          givenOn: '2026-11-24',
        },
      });
      expect(consent.statusCode, consent.body).toBe(201);
      expect(consent.json()).toMatchObject({ inForce: true });

      const weighed = await adult.client.request(
        'GET',
        `/api/cases/${opened.id}/disclosure-grounds?recipientKind=internal&recipientUnitId=${t.world.north.childUnit.id}&categories=caseHistory`,
      );
      expect(weighed.statusCode, weighed.body).toBe(200);
      const grounds = weighed.json<{ grounds: { code: string; applies: boolean }[] }>().grounds;
      expect(grounds.find((ground) => ground.code === 'consent')?.applies).toBe(true);
      expect(grounds.find((ground) => ground.code === 'preventViolence')?.applies).toBe(false);

      const withoutGround = await adult.client.request(
        'POST',
        `/api/cases/${opened.id}/disclosures`,
        {
          body: {
            recipientKind: 'internal',
            recipientUnitId: t.world.north.childUnit.id,
            categories: ['caseHistory'],
            shareCase: true,
          },
        },
      );
      expect(withoutGround.statusCode).toBe(400);
      expect(withoutGround.json().detail ?? withoutGround.body).toContain(
        resolveLegalReference('osl.consent', swedishDate(new Date())).citation,
      );
      expect((await child.client.request('GET', `/api/cases/${opened.id}`)).statusCode).toBe(403);

      const shared = await adult.client.request('POST', `/api/cases/${opened.id}/disclosures`, {
        body: {
          recipientKind: 'internal',
          recipientUnitId: t.world.north.childUnit.id,
          categories: ['caseHistory'],
          groundCode: 'consent',
          shareCase: true,
          shareDays: 30,
        },
      });
      expect(shared.statusCode, shared.body).toBe(201);

      const read = await child.client.request('GET', `/api/cases/${opened.id}`);
      expect(read.statusCode, read.body).toBe(200);
      expect(read.json()).toMatchObject({
        access: { reason: 'access.consent', sharedUntil: expect.any(String) },
        abilities: { write: false },
      });
      expect(
        (await child.client.request('GET', `/api/cases/${opened.id}/safety-plan`)).statusCode,
      ).toBe(403);
      const listed = await child.client.request('GET', '/api/work-lists/shared-with-me');
      expect(listed.json<{ id: string }[]>().map((entry) => entry.id)).toContain(opened.id);
      // The overview shows the shared reader only the disclosed category, and its one audit
      // event says so; the case's own team sees risk and plan too.
      expect(read.json().overview).toMatchObject({
        shown: ['caseHistory'],
        risk: null,
        plan: null,
      });
      expect(await eventsOf('case.read')).toContainEqual(
        expect.objectContaining({
          actorUserId: child.user.id,
          reason: 'access.consent',
          details: expect.objectContaining({ caseId: opened.id, categories: 'caseHistory' }),
        }),
      );
      const own = (await adult.client.request('GET', `/api/cases/${opened.id}`)).json();
      expect(own.overview).toEqual({
        shown: ['caseHistory', 'riskAssessments', 'safetyPlan'],
        reportsOfConcern: [],
        risk: { latest: null, drafts: 0 },
        plan: { exists: false, reviewOn: null, measures: {} },
      });

      const [given] = (
        await adult.client.request('GET', `/api/persons/${person.id}/consents`)
      ).json<{ id: string; version: number }[]>();
      const withdrawn = await adult.client.request(
        'POST',
        `/api/consents/${given!.id}/withdrawal`,
        {
          body: {
            withdrawnOn: '2026-11-24',
            reason: 'Sa i telefon att hon tar tillbaka det',
            version: given!.version,
          },
        },
      );
      expect(withdrawn.statusCode, withdrawn.body).toBe(200);
      expect(withdrawn.json()).toMatchObject({ inForce: false, withdrawnOn: '2026-11-24' });
      expect((await child.client.request('GET', `/api/cases/${opened.id}`)).statusCode).toBe(403);
      const stale = await adult.client.request('POST', `/api/consents/${given!.id}/withdrawal`, {
        body: { withdrawnOn: '2026-11-24', reason: 'igen', version: given!.version },
      });
      expect(stale.statusCode).toBe(409);
    });

    it('a consent with a missing custodian name or a future date is refused field by field', async () => {
      const adult = await as('adultUnit');
      const person = await t.person({
        organisationId: t.world.north.org.id,
        unitId: t.world.north.adultUnit.id,
      });
      const response = await adult.client.request('POST', `/api/persons/${person.id}/consents`, {
        body: {
          decision: 'given',
          purpose: 'Skolan får veta om skyddet',
          recipients: [{ kind: 'other', label: 'Skolan' }],
          categories: ['children'],
          givenBy: 'custodian',
          form: 'oral',
          givenOn: '2027-01-01',
        },
      });
      expect(response.statusCode).toBe(400);
      const fields = response.json<{ errors?: { path: string }[] }>();
      expect(JSON.stringify(fields)).toMatch(/giverName/);
      expect(JSON.stringify(fields)).toMatch(/givenOn/);
      const listed = await adult.client.request('GET', `/api/persons/${person.id}/consents`);
      expect(listed.json()).toEqual([]);
    });
  });

  describe('log review', () => {
    const leader = () =>
      t.signedIn({
        organisationId: t.world.north.org.id,
        unitId: t.world.north.adultUnit.id,
        role: 'teamLeader',
      });
    const period = { from: '2026-01-01T00:00:00Z', to: '2027-01-01T00:00:00Z' };

    it('reports accesses to protected persons with numbers masked, and per case', async () => {
      const { client } = await leader();
      const response = await client.request(
        'GET',
        `/api/audit/events?focus=protectedPersons&from=${period.from}&to=${period.to}`,
      );
      expect(response.statusCode, response.body).toBe(200);
      const report = response.json<{
        total: number;
        events: {
          type: string;
          reason: string;
          person: { personalNumber: string };
          details: { caseId?: string };
        }[];
      }>();
      expect(report.total).toBeGreaterThan(0);
      expect(report.events.every((entry) => entry.person.personalNumber === '19730674-XXXX')).toBe(
        true,
      );
      expect(report.events.map((entry) => entry.reason)).toEqual(
        expect.arrayContaining(['access.concern_path', 'access.link_by_personal_number']),
      );
      expect(response.body).not.toContain('9982');

      const caseId = report.events.find((entry) => entry.details.caseId)!.details.caseId!;
      const perCase = (
        await client.request(
          'GET',
          `/api/audit/events?caseId=${caseId}&from=${period.from}&to=${period.to}`,
        )
      ).json<typeof report>();
      expect(perCase.total).toBeGreaterThan(1);
      expect(perCase.events.every((entry) => entry.details.caseId === caseId)).toBe(true);
    });

    it('reports break-glass openings and their use', async () => {
      const worker = await as('childUnit');
      const person = await t.person({
        organisationId: t.world.north.org.id,
        unitId: t.world.north.adultUnit.id,
      });
      const opened = await worker.client.request('POST', `/api/persons/${person.id}/break-glass`, {
        body: { reason: 'Polisen larmar om akut fara för barnet i kväll', minutes: 15 },
      });
      expect(opened.statusCode, opened.body).toBe(201);
      expect((await worker.client.request('GET', `/api/persons/${person.id}`)).statusCode).toBe(
        200,
      );
      const { client } = await leader();
      const report = (
        await client.request(
          'GET',
          `/api/audit/events?focus=breakGlass&from=${period.from}&to=${period.to}`,
        )
      ).json<{ events: { type: string; actor: { id: string } }[] }>();
      const mine = report.events.filter((entry) => entry.actor.id === worker.user.id);
      expect(mine.map((entry) => entry.type).sort()).toEqual(['break_glass.opened', 'person.read']);
    });

    it('signs a review with the count from the log, and refuses a review without findings', async () => {
      const { client, user } = await leader();
      const bad = await client.request('POST', '/api/audit/reviews', {
        body: {
          scope: 'user',
          periodFrom: '2026-11-01',
          periodTo: '2026-11-30',
          findings: '',
          deviations: false,
        },
      });
      expect(bad.statusCode).toBe(400);
      expect(JSON.stringify(bad.json())).toMatch(/subjectId/);
      expect(JSON.stringify(bad.json())).toMatch(/findings/);

      const signed = await client.request('POST', '/api/audit/reviews', {
        body: {
          scope: 'protectedPersons',
          periodFrom: '2026-11-01',
          periodTo: '2026-11-24',
          findings: 'Alla åtkomster hör till ärendenas handläggare. Inga avvikelser.',
          deviations: false,
        },
      });
      expect(signed.statusCode, signed.body).toBe(201);
      const counted = (
        await client.request(
          'GET',
          `/api/audit/events?focus=protectedPersons&from=2026-10-31T23:00:00Z&to=2026-11-24T23:00:00Z`,
        )
      ).json<{ total: number }>().total;
      expect(signed.json<{ eventsReviewed: number }>().eventsReviewed).toBe(counted);
      const reviews = (await client.request('GET', '/api/audit/reviews')).json();
      expect(reviews).toContainEqual(
        expect.objectContaining({
          scope: 'protectedPersons',
          findings: 'Alla åtkomster hör till ärendenas handläggare. Inga avvikelser.',
          reviewedByName: expect.any(String),
        }),
      );
      expect(await eventsOf('log_review.signed')).toContainEqual(
        expect.objectContaining({ actorUserId: user.id }),
      );
    });

    it('does not let a case worker review the log', async () => {
      const worker = await as('adultUnit');
      expect((await worker.client.request('GET', '/api/audit/reviews')).statusCode).toBe(403);
    });
  });
});
