import { beforeAll, describe, expect, it } from 'vitest';
import { maskedText } from '../../src/domain/identity/protected-identity';
import { decryptField } from '../../src/server/platform/crypto/field-encryption';
import { asSystem } from '../../src/server/platform/db/transaction';
import { safeContactContext } from '../../src/server/features/persons/person.presenter';
import { nextTestNumber } from '../factories/world';
import type { TestClient } from '../helpers/test-app';
import { engineAvailable } from '../helpers/test-database';
import { useTestWorld } from '../helpers/test-world';

describe.runIf(engineAvailable)('person records over HTTP', () => {
  const t = useTestWorld();
  let adultWorker: TestClient;
  let adultWorkerId: string;
  let childWorker: TestClient;
  let teamLeader: TestClient;

  const signedIn = (
    unitId: string,
    role: 'caseWorker' | 'teamLeader',
    organisationId = t.world.north.org.id,
  ) => t.signedIn({ organisationId, unitId, role });

  const auditRows = (personId: string) =>
    asSystem(t.database.db, (tx) =>
      tx
        .selectFrom('auditEvents')
        .select(['type', 'actorUserId', 'outcome', 'reason', 'breakGlassId', 'requestId'])
        .where('personId', '=', personId)
        .orderBy('id')
        .execute(),
    );

  beforeAll(async () => {
    const adult = await signedIn(t.world.north.adultUnit.id, 'caseWorker');
    adultWorker = adult.client;
    adultWorkerId = adult.user.id;
    childWorker = (await signedIn(t.world.north.childUnit.id, 'caseWorker')).client;
    teamLeader = (await signedIn(t.world.north.adultUnit.id, 'teamLeader')).client;
  });

  it('writes an audit event for a read, in the same request, with who, whom and why', async () => {
    const person = await t.person({
      organisationId: t.world.north.org.id,
      unitId: t.world.north.adultUnit.id,
    });
    const response = await adultWorker.request('GET', `/api/persons/${person.id}`);
    expect(response.statusCode).toBe(200);
    const events = await auditRows(person.id);
    expect(events).toEqual([
      {
        type: 'person.read',
        actorUserId: adultWorkerId,
        outcome: 'allowed',
        reason: 'access.same_secrecy_area',
        breakGlassId: null,
        requestId: expect.any(String),
      },
    ]);
  });

  it('refuses a stale version with 409 and keeps the newer change', async () => {
    const person = await t.person({
      organisationId: t.world.north.org.id,
      unitId: t.world.north.adultUnit.id,
    });
    const first = await adultWorker.request('PATCH', `/api/persons/${person.id}`, {
      body: { version: 1, givenName: 'Första' },
    });
    expect(first.statusCode).toBe(200);
    expect(first.json().version).toBe(2);
    const stale = await adultWorker.request('PATCH', `/api/persons/${person.id}`, {
      body: { version: 1, givenName: 'Andra' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('conflict.stale_version');
    const now = (await adultWorker.request('GET', `/api/persons/${person.id}`)).json();
    expect(now.givenName).toBe('Första');
    expect((await auditRows(person.id)).map((event) => event.type)).toEqual([
      'person.updated',
      'person.read',
    ]);
  });

  it.each([
    [
      'malformed JSON',
      { rawBody: '{"version": 1, "givenName": ' },
      400,
      'validation.malformed_json',
    ],
    ['a wrong type', { body: { version: 'ett' } }, 400, 'validation.invalid'],
    [
      'an oversize body',
      { rawBody: JSON.stringify({ version: 1, givenName: 'x'.repeat(300 * 1024) }) },
      413,
      'validation.body_too_large',
    ],
  ] as const)(
    'answers %s with a clear client error, never a 500, and changes nothing',
    async (_label, options, status, code) => {
      const person = await t.person({
        organisationId: t.world.north.org.id,
        unitId: t.world.north.adultUnit.id,
      });
      const response = await adultWorker.request('PATCH', `/api/persons/${person.id}`, options);
      expect(response.statusCode).toBe(status);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().code).toBe(code);
      const stored = await asSystem(t.database.db, (tx) =>
        tx
          .selectFrom('persons')
          .select(['version', 'givenName'])
          .where('id', '=', person.id)
          .executeTakeFirstOrThrow(),
      );
      expect(stored).toEqual({ version: 1, givenName: 'Övning' });
    },
  );

  it('names the field that is wrong', async () => {
    const response = await adultWorker.request('POST', '/api/persons', {
      body: {
        unitId: t.world.north.adultUnit.id,
        givenName: '',
        familyName: 'Test',
        identityKind: 'okänd',
      },
    });
    expect(response.statusCode).toBe(400);
    const paths = response.json<{ fields: { path: string }[] }>().fields.map((field) => field.path);
    expect(paths).toEqual(expect.arrayContaining(['body.givenName', 'body.identityKind']));

    const checksum = await adultWorker.request('POST', '/api/persons', {
      body: {
        unitId: t.world.north.adultUnit.id,
        givenName: 'Övning',
        familyName: 'Test',
        identityKind: 'personnummer',
        personalNumber: '19870704-9996',
      },
    });
    expect(checksum.statusCode).toBe(400);
    expect(checksum.json().fields).toEqual([
      {
        path: 'body.personalNumber',
        message: 'Personnumret stämmer inte. Kontrollera siffrorna.',
        // The English UI says it by this code (fieldIssues.identityNumberInvalid).
        code: 'identityNumberInvalid',
      },
    ]);
    const created = await adultWorker.request('POST', '/api/persons', {
      body: {
        unitId: t.world.north.adultUnit.id,
        givenName: 'Övning',
        familyName: 'Test',
        identityKind: 'personnummer',
        personalNumber: '8211059954',
      },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().personalNumber).toBe('19821105-9954');
  });

  it('masks a protected address everywhere until a team leader asks for it with a reason', async () => {
    const personalNumber = nextTestNumber();
    const person = await t.person({
      organisationId: t.world.north.org.id,
      unitId: t.world.north.adultUnit.id,
      protectionLevel: 'protectedRegistration',
      address: 'Hemliga vägen 7',
      personalNumber,
    });
    const read = (await adultWorker.request('GET', `/api/persons/${person.id}`)).json();
    expect(read.address).toBe(maskedText);
    expect(read.personalNumber).toBe(`${personalNumber.slice(0, 9)}XXXX`);
    expect(read.abilities.readProtectedAddress).toBe(false);
    const list = (await adultWorker.request('GET', '/api/persons?limit=200')).json<
      { id: string; address: string }[]
    >();
    expect(list.find((row) => row.id === person.id)?.address).toBe(maskedText);
    expect(JSON.stringify(list)).not.toContain('Hemliga');

    const refused = await adultWorker.request(
      'POST',
      `/api/persons/${person.id}/protected-address`,
      { body: { reason: 'Behöver skicka kallelse' } },
    );
    expect(refused.statusCode).toBe(403);
    const noReason = await teamLeader.request(
      'POST',
      `/api/persons/${person.id}/protected-address`,
      { body: { reason: '' } },
    );
    expect(noReason.statusCode).toBe(400);
    const revealed = await teamLeader.request(
      'POST',
      `/api/persons/${person.id}/protected-address`,
      { body: { reason: 'Planering av skyddat boende' } },
    );
    expect(revealed.statusCode).toBe(200);
    expect(revealed.json().address).toBe('Hemliga vägen 7');
    const events = await auditRows(person.id);
    expect(
      events.find((event) => event.type === 'person.protected_address_read')?.reason,
    ).toContain('Planering av skyddat boende');
    const rawAudit = await asSystem(t.database.db, (tx) =>
      tx.selectFrom('auditEvents').select('details').execute(),
    );
    expect(JSON.stringify(rawAudit)).not.toContain('Hemliga');
    const stored = await asSystem(t.database.db, (tx) =>
      tx
        .selectFrom('persons')
        .select('addressEnc')
        .where('id', '=', person.id)
        .executeTakeFirstOrThrow(),
    );
    expect(stored.addressEnc).not.toContain('Hemliga');
  });

  it('keeps internal secrecy between units, explains why, and logs the refusal', async () => {
    const person = await t.person({
      organisationId: t.world.north.org.id,
      unitId: t.world.north.adultUnit.id,
    });
    const response = await childWorker.request('GET', `/api/persons/${person.id}`);
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({
      code: 'access.denied',
      reason: 'access.other_secrecy_area',
    });
    expect(response.json().title).toMatch(/sekretessområde/);
    expect(await auditRows(person.id)).toEqual([
      expect.objectContaining({
        type: 'access.denied',
        outcome: 'denied',
        reason: 'access.other_secrecy_area',
      }),
    ]);
  });

  it('answers "not found" for another organisation’s person (it does not even exist for the caller)', async () => {
    const person = await t.person({
      organisationId: t.world.south.org.id,
      unitId: t.world.south.adultUnit.id,
    });
    const response = await adultWorker.request('GET', `/api/persons/${person.id}`);
    expect(response.statusCode).toBe(404);
  });

  it('opens break-glass with a reason for a limited time, flags every use, then closes', async () => {
    const person = await t.person({
      organisationId: t.world.north.org.id,
      unitId: t.world.north.adultUnit.id,
    });
    const vague = await childWorker.request('POST', `/api/persons/${person.id}/break-glass`, {
      body: { reason: 'behövs', minutes: 30 },
    });
    expect(vague.statusCode).toBe(400);
    expect(vague.json().fields[0].path).toBe('body.reason');
    const opened = await childWorker.request('POST', `/api/persons/${person.id}/break-glass`, {
      body: { reason: 'Polisen larmar om akut fara för barnet i kväll', minutes: 30 },
    });
    expect(opened.statusCode).toBe(201);
    const read = await childWorker.request('GET', `/api/persons/${person.id}`);
    expect(read.statusCode).toBe(200);
    const events = await auditRows(person.id);
    expect(events.at(-1)).toMatchObject({
      type: 'person.read',
      reason: 'access.break_glass',
      breakGlassId: opened.json().id,
    });
    t.testApp.clock.advance(31 * 60_000);
    // Sign-in sessions idle out after 30 minutes too; use a fresh one for the check.
    const again = await signedIn(t.world.north.childUnit.id, 'caseWorker');
    expect((await again.client.request('GET', `/api/persons/${person.id}`)).statusCode).toBe(403);
  });

  it('finds persons by name and number, masks the protected, and never logs the search text', async () => {
    // Fresh sessions: an earlier test moved the clock past the idle timeout.
    const searcher = (await signedIn(t.world.north.adultUnit.id, 'caseWorker')).client;
    const childSearcher = (await signedIn(t.world.north.childUnit.id, 'caseWorker')).client;
    const open = await t.person({
      organisationId: t.world.north.org.id,
      unitId: t.world.north.adultUnit.id,
    });
    const hidden = await t.person({
      organisationId: t.world.north.org.id,
      unitId: t.world.north.adultUnit.id,
      protectionLevel: 'fictitiousIdentity',
      address: 'Gömda gatan 2',
    });
    await asSystem(t.database.db, async (tx) => {
      await tx
        .updateTable('persons')
        .set({ givenName: 'Sökbar', familyName: 'Söksson', personalNumber: nextTestNumber() })
        .where('id', '=', open.id)
        .execute();
      await tx
        .updateTable('persons')
        .set({ givenName: 'Skyddad', familyName: 'Söksson', personalNumber: '19901211-9948' })
        .where('id', '=', hidden.id)
        .execute();
    });
    const byName = (await searcher.request('GET', '/api/persons/search?q=s%C3%B6ks')).json<
      { id: string; personalNumber: string; address: string | null }[]
    >();
    expect(byName.map((row) => row.id).sort()).toEqual([open.id, hidden.id].sort());
    const masked = byName.find((row) => row.id === hidden.id)!;
    expect(masked.personalNumber).toBe('19901211-XXXX');
    expect(masked.address).toBe(maskedText);

    const byNumber = (await searcher.request('GET', '/api/persons/search?q=199012119948')).json<
      { id: string }[]
    >();
    expect(byNumber.map((row) => row.id)).toEqual([hidden.id]);
    expect(
      (await searcher.request('GET', '/api/persons/search?q=s%C3%B6ksson%20skyddad')).json(),
    ).toHaveLength(1);

    const short = await searcher.request('GET', '/api/persons/search?q=8211059954');
    expect(short.statusCode).toBe(400);
    expect(short.json().fields[0].message).toContain('århundrade');

    // Barn och unga cannot find the adult unit's persons (internal secrecy).
    expect((await childSearcher.request('GET', '/api/persons/search?q=s%C3%B6ks')).json()).toEqual(
      [],
    );

    const audit = await asSystem(t.database.db, (tx) =>
      tx
        .selectFrom('auditEvents')
        .select(['details'])
        .where('type', '=', 'person.searched')
        .execute(),
    );
    expect(audit.length).toBeGreaterThanOrEqual(3);
    expect(JSON.stringify(audit)).not.toMatch(/söks|19901211/i);
  });

  it('keeps how to reach a person safely, encrypted, with safe places masked for protected persons', async () => {
    const writer = (await signedIn(t.world.north.adultUnit.id, 'caseWorker')).client;
    const person = await t.person({
      organisationId: t.world.north.org.id,
      unitId: t.world.north.adultUnit.id,
      protectionLevel: 'confidentialityMarking',
    });
    const safeContact = {
      channels: ['sms'],
      times: 'Vardagar 9–11',
      doNotContact: 'Ring aldrig hem: f.d. sambo svarar',
      safePlaces: 'Biblioteket i centrum',
    };
    const bad = await writer.request('PATCH', `/api/persons/${person.id}`, {
      body: { version: 1, vulnerabilityMarkers: ['påhittad'] },
    });
    expect(bad.statusCode).toBe(400);
    const saved = await writer.request('PATCH', `/api/persons/${person.id}`, {
      body: {
        version: 1,
        vulnerabilityMarkers: ['newlyArrived', 'dependentOnPerpetrator'],
        interpreterLanguage: 'arabiska',
        safeContact,
      },
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({
      vulnerabilityMarkers: ['newlyArrived', 'dependentOnPerpetrator'],
      interpreterLanguage: 'arabiska',
      safeContact: { ...safeContact, safePlaces: maskedText },
    });
    const stored = await asSystem(t.database.db, (tx) =>
      tx
        .selectFrom('persons')
        .select('safeContactEnc')
        .where('id', '=', person.id)
        .executeTakeFirstOrThrow(),
    );
    expect(stored.safeContactEnc).not.toMatch(/Biblioteket|sambo/);

    // The screen shows her places masked, so a change that leaves them out keeps them.
    const changed = await writer.request('PATCH', `/api/persons/${person.id}`, {
      body: { version: 2, safeContact: { channels: ['phone'], times: null, doNotContact: null } },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const kept = await asSystem(t.database.db, (tx) =>
      tx
        .selectFrom('persons')
        .select('safeContactEnc')
        .where('id', '=', person.id)
        .executeTakeFirstOrThrow(),
    );
    expect(
      JSON.parse(decryptField(t.testApp.keys, safeContactContext, kept.safeContactEnc!)),
    ).toEqual({
      channels: ['phone'],
      times: null,
      doNotContact: null,
      safePlaces: 'Biblioteket i centrum',
    });
  });
});
