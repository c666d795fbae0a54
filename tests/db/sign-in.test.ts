import { describe, expect, it } from 'vitest';
import { currentTotpCode } from '../../src/server/platform/auth/totp';
import { asSystem } from '../../src/server/platform/db/transaction';
import { buildSignedUpUser, buildUser } from '../factories/world';
import { createTestApp, TestClient } from '../helpers/test-app';
import { engineAvailable } from '../helpers/test-database';
import { useTestWorld } from '../helpers/test-world';

describe.runIf(engineAvailable)('signing in', () => {
  const t = useTestWorld();

  const caseWorker = () =>
    buildSignedUpUser(t.database, t.testApp.keys, {
      organisationId: t.world.north.org.id,
      unitId: t.world.north.adultUnit.id,
      role: 'caseWorker',
    });

  it('needs password and second factor before personal data, then lets the user in', async () => {
    const user = await caseWorker();
    const client = new TestClient(t.testApp.app);
    const login = await client.request('POST', '/api/auth/login', {
      body: { username: user.username, password: user.password },
    });
    expect(login.statusCode).toBe(200);
    expect(login.json()).toEqual({ secondFactor: 'required' });
    const cookie = login.cookies.find((c) => c.name === 'fristad_session') as
      { httpOnly?: boolean; sameSite?: string } | undefined;
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Strict');

    const early = await client.request('GET', '/api/persons');
    expect(early.statusCode).toBe(403);
    expect(early.json().code).toBe('auth.second_factor_required');

    const code = currentTotpCode(user.totpSecret, t.testApp.clock.now());
    expect((await client.request('POST', '/api/auth/totp', { body: { code } })).statusCode).toBe(
      200,
    );
    const persons = await client.request('GET', '/api/persons');
    expect(persons.statusCode).toBe(200);

    const session = (await client.request('GET', '/api/session')).json();
    expect(session).toMatchObject({
      signedIn: true,
      secondFactorPending: false,
      activeOrganisationId: t.world.north.org.id,
    });
    // What the screens may offer comes from the server, read from the roles it granted.
    expect(session.actions).toContain('case.write');
    expect(session.actions).not.toContain('organisation.administer');
  });

  it('accepts a one-time code only once', async () => {
    const user = await caseWorker();
    const first = new TestClient(t.testApp.app);
    await first.signIn(user.username, user.password, user.totpSecret, t.testApp.clock.now());
    const second = new TestClient(t.testApp.app);
    await second.request('POST', '/api/auth/login', {
      body: { username: user.username, password: user.password },
    });
    const replay = await second.request('POST', '/api/auth/totp', {
      body: { code: currentTotpCode(user.totpSecret, t.testApp.clock.now()) },
    });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().code).toBe('auth.second_factor_invalid');
  });

  it('makes the guessing address wait, longer each time, while the owner signs in from her own', async () => {
    const user = await caseWorker();
    const guesser = new TestClient(t.testApp.app, '203.0.113.9');
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      const wrong = await guesser.request('POST', '/api/auth/login', {
        body: { username: user.username, password: `fel-${attempt}` },
      });
      expect(wrong.statusCode).toBe(401);
    }
    // Even the right password waits at that address, and the answer says nothing of a lock.
    const waiting = await guesser.request('POST', '/api/auth/login', {
      body: { username: user.username, password: user.password },
    });
    expect(waiting.statusCode).toBe(401);
    expect(waiting.json().code).toBe('auth.invalid_credentials');
    const events = await asSystem(t.database.db, (tx) =>
      tx.selectFrom('auditEvents').select(['type']).where('actorUserId', '=', user.id).execute(),
    );
    expect(events.filter((event) => event.type === 'auth.locked_out')).toHaveLength(1);

    // The owner, at her own desk, is not kept out.
    const owner = new TestClient(t.testApp.app, '198.51.100.20');
    await owner.signIn(user.username, user.password, user.totpSecret, t.testApp.clock.now());
    expect((await owner.request('GET', '/api/session')).statusCode).toBe(200);

    // The wait grows: a minute after the fifth failure, two after the sixth.
    t.testApp.clock.advance(61_000);
    const sixth = await guesser.request('POST', '/api/auth/login', {
      body: { username: user.username, password: 'fel-6' },
    });
    expect(sixth.statusCode).toBe(401);
    t.testApp.clock.advance(61_000);
    const stillWaiting = await guesser.request('POST', '/api/auth/login', {
      body: { username: user.username, password: user.password },
    });
    expect(stillWaiting.statusCode).toBe(401);
    t.testApp.clock.advance(60_000);
    const later = await guesser.request('POST', '/api/auth/login', {
      body: { username: user.username, password: user.password },
    });
    expect(later.statusCode).toBe(200);
  });

  it('answers an unknown and a waiting username alike', async () => {
    const user = await caseWorker();
    const client = new TestClient(t.testApp.app, '203.0.113.10');
    const answer = async (username: string) => {
      const response = await client.request('POST', '/api/auth/login', {
        body: { username, password: 'fel' },
      });
      const body = response.json<{ requestId?: string }>();
      delete body.requestId;
      return { status: response.statusCode, body };
    };
    for (let attempt = 1; attempt <= 6; attempt += 1) await answer(user.username);
    for (let attempt = 1; attempt <= 6; attempt += 1) await answer('finns-inte-alls');
    expect(await answer(user.username)).toEqual(await answer('finns-inte-alls'));
    expect(await answer(user.username)).toEqual(await answer('finns-inte-heller'));
  });

  it('counts on the connection’s address, not on a header anyone can send', async () => {
    const limited = await createTestApp(t.database, undefined, {
      FRISTAD_LOGIN_RATE_PER_MINUTE: '10',
    });
    try {
      const client = new TestClient(limited.app, '203.0.113.11');
      const statuses: number[] = [];
      for (let attempt = 1; attempt <= 30; attempt += 1) {
        const response = await client.request('POST', '/api/auth/login', {
          body: { username: 'vem-som-helst', password: 'fel' },
          headers: { 'x-forwarded-for': `198.18.0.${attempt}` },
        });
        statuses.push(response.statusCode);
      }
      expect(statuses.filter((status) => status === 429).length).toBeGreaterThan(15);
    } finally {
      await limited.app.close();
    }
  });

  it('answers a wrong username exactly like a wrong password', async () => {
    const client = new TestClient(t.testApp.app);
    const response = await client.request('POST', '/api/auth/login', {
      body: { username: 'finns-inte', password: 'x' },
    });
    expect(response.statusCode).toBe(401);
    expect(response.json().code).toBe('auth.invalid_credentials');
  });

  it('rejects state-changing requests without the CSRF token', async () => {
    const user = await caseWorker();
    const client = new TestClient(t.testApp.app);
    const login = await client.request('POST', '/api/auth/login', {
      body: { username: user.username, password: user.password },
      withoutCsrf: true,
    });
    expect(login.statusCode).toBe(403);
    expect(login.json().code).toBe('auth.csrf');

    await client.signIn(user.username, user.password, user.totpSecret, t.testApp.clock.now());
    const forged = await client.request('POST', '/api/auth/logout', { withoutCsrf: true });
    expect(forged.statusCode).toBe(403);
    const wrongToken = await client.request('POST', '/api/auth/logout', {
      withoutCsrf: true,
      headers: { 'x-csrf-token': 'forged' },
    });
    expect(wrongToken.statusCode).toBe(403);
    expect((await client.request('GET', '/api/session')).json().signedIn).toBe(true);
  });

  it('binds the CSRF token to the session it was given in', async () => {
    const user = await caseWorker();
    const client = new TestClient(t.testApp.app);
    // A token taken before signing in…
    const before = (await client.request('GET', '/api/auth/csrf')).json<{ token: string }>().token;
    await client.signIn(user.username, user.password, user.totpSecret, t.testApp.clock.now());
    // …is refused once the session exists, before anything is done.
    const stale = await client.request('POST', '/api/auth/logout', {
      withoutCsrf: true,
      headers: { 'x-csrf-token': before },
    });
    expect(stale.statusCode).toBe(403);
    expect(stale.json().code).toBe('auth.csrf');
    expect((await client.request('GET', '/api/session')).json().signedIn).toBe(true);
    // A token taken in the session is accepted.
    const current = (await client.request('GET', '/api/auth/csrf')).json<{ token: string }>().token;
    const out = await client.request('POST', '/api/auth/logout', {
      withoutCsrf: true,
      headers: { 'x-csrf-token': current },
    });
    expect(out.statusCode, out.body).toBeLessThan(300);
  });

  it('changes her own password: the current one first, a new one that holds, other sessions end', async () => {
    const user = await caseWorker();
    const desk = new TestClient(t.testApp.app, '198.51.100.30');
    await desk.signIn(user.username, user.password, user.totpSecret, t.testApp.clock.now());
    const phone = new TestClient(t.testApp.app, '198.51.100.31');
    t.testApp.clock.advance(31_000);
    await phone.signIn(user.username, user.password, user.totpSecret, t.testApp.clock.now());

    const wrong = await desk.request('POST', '/api/auth/password', {
      body: { currentPassword: 'inte-det', newPassword: 'tre gröna hästar i snö' },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().fields).toEqual([
      expect.objectContaining({ path: 'body.currentPassword' }),
    ]);
    const weak = await desk.request('POST', '/api/auth/password', {
      body: { currentPassword: user.password, newPassword: 'Sommar2025!' },
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().fields.map((field: { path: string }) => field.path)).toContain(
      'body.newPassword',
    );

    const changed = await desk.request('POST', '/api/auth/password', {
      body: { currentPassword: user.password, newPassword: 'tre gröna hästar i snö' },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await desk.request('GET', '/api/session')).json().signedIn).toBe(true);
    expect((await phone.request('GET', '/api/session')).json().signedIn).toBe(false);
    const old = await new TestClient(t.testApp.app, '198.51.100.32').request(
      'POST',
      '/api/auth/login',
      { body: { username: user.username, password: user.password } },
    );
    expect(old.statusCode).toBe(401);
    const fresh = await new TestClient(t.testApp.app, '198.51.100.33').request(
      'POST',
      '/api/auth/login',
      { body: { username: user.username, password: 'tre gröna hästar i snö' } },
    );
    expect(fresh.statusCode).toBe(200);
  });

  it('ends a session after idle time and after the absolute limit', async () => {
    const user = await caseWorker();
    const idle = new TestClient(t.testApp.app);
    await idle.signIn(user.username, user.password, user.totpSecret, t.testApp.clock.now());
    t.testApp.clock.advance(31 * 60_000);
    const afterIdle = await idle.request('GET', '/api/persons');
    expect(afterIdle.statusCode).toBe(401);
    expect(afterIdle.json()).toMatchObject({
      code: 'auth.session_expired',
      reason: 'session.idle',
    });

    const busy = new TestClient(t.testApp.app);
    const other = await caseWorker();
    await busy.signIn(other.username, other.password, other.totpSecret, t.testApp.clock.now());
    for (let hour = 0; hour < 10; hour += 1) {
      t.testApp.clock.advance(20 * 60_000);
      expect((await busy.request('GET', '/api/persons')).statusCode).toBe(200);
      t.testApp.clock.advance(20 * 60_000);
      expect((await busy.request('GET', '/api/persons')).statusCode).toBe(200);
      t.testApp.clock.advance(20 * 60_000);
      const response = await busy.request('GET', '/api/persons');
      if (hour === 9)
        expect(response.json()).toMatchObject({
          code: 'auth.session_expired',
          reason: 'session.absolute',
        });
    }
  });

  it('lets a role without personal data sign in with password only, and keeps it out of persons', async () => {
    const user = await buildUser(t.database, {
      organisationId: t.world.north.org.id,
      unitId: t.world.north.adultUnit.id,
      role: 'coordinator',
    });
    const client = new TestClient(t.testApp.app);
    const login = await client.request('POST', '/api/auth/login', {
      body: { username: user.username, password: 'correct horse battery' },
    });
    expect(login.json()).toEqual({ secondFactor: 'none' });
    const persons = await client.request('GET', '/api/persons');
    expect(persons.statusCode).toBe(403);
    expect(persons.json()).toMatchObject({
      code: 'access.denied',
      reason: 'access.role_lacks_action',
    });
  });

  it('asks a new user of personal data to link an app, and signs them in once the code matches', async () => {
    const user = await buildUser(t.database, {
      organisationId: t.world.north.org.id,
      unitId: t.world.north.adultUnit.id,
      role: 'teamLeader',
    });
    const client = new TestClient(t.testApp.app);
    const login = await client.request('POST', '/api/auth/login', {
      body: { username: user.username, password: 'correct horse battery' },
    });
    expect(login.json()).toEqual({ secondFactor: 'enrol' });
    const enrolment = (await client.request('POST', '/api/auth/totp/enrolment')).json<{
      secret: string;
      qrSvg: string;
    }>();
    expect(enrolment.qrSvg).toContain('<svg');
    const confirm = await client.request('POST', '/api/auth/totp/enrolment/confirm', {
      body: { code: currentTotpCode(enrolment.secret, t.testApp.clock.now()) },
    });
    expect(confirm.statusCode).toBe(200);
    expect((await client.request('GET', '/api/persons')).statusCode).toBe(200);
  });
});

describe.runIf(engineAvailable)('choosing where to work', () => {
  const t = useTestWorld();

  it('switches only to units where the user holds a role, and logs the switch', async () => {
    const user = await buildSignedUpUser(t.database, t.testApp.keys, {
      organisationId: t.world.north.org.id,
      unitId: t.world.north.adultUnit.id,
      role: 'teamLeader',
    });
    await asSystem(t.database.db, (tx) =>
      tx
        .insertInto('roleAssignments')
        .values({
          userId: user.id,
          organisationId: t.world.north.org.id,
          unitId: t.world.north.childUnit.id,
          role: 'caseWorker',
        })
        .execute(),
    );
    const client = new TestClient(t.testApp.app);
    await client.signIn(user.username, user.password, user.totpSecret, t.testApp.clock.now());

    const elsewhere = await client.request('POST', '/api/session/workplace', {
      body: { organisationId: t.world.south.org.id },
    });
    expect(elsewhere.statusCode).toBe(403);
    expect(elsewhere.json().reason).toBe('access.other_organisation');

    const ok = await client.request('POST', '/api/session/workplace', {
      body: { organisationId: t.world.north.org.id, unitId: t.world.north.childUnit.id },
    });
    expect(ok.statusCode).toBe(200);
    const session = (await client.request('GET', '/api/session')).json();
    expect(session.activeUnitId).toBe(t.world.north.childUnit.id);
    expect(session.organisations[0].units).toHaveLength(2);

    const events = await asSystem(t.database.db, (tx) =>
      tx.selectFrom('auditEvents').select('type').where('actorUserId', '=', user.id).execute(),
    );
    expect(events.map((event) => event.type)).toContain('auth.unit_switched');
  });
});
