import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/platform/http/app';
import { asSystem } from '../../src/server/platform/db/transaction';
import { TestClient } from '../helpers/test-app';
import { engineAvailable } from '../helpers/test-database';
import { useTestWorld } from '../helpers/test-world';

/**
 * What the server leaves behind about a person outside the database (issue 18): the request log
 * holds no query strings (a search text may be the start of a personnummer) at any level; no API
 * answer may be kept in a cache; a list or search names in its audit event the persons it showed.
 */
describe.runIf(engineAvailable)('logs, caches and what a list leaves in the audit log', () => {
  const t = useTestWorld();

  it('logs a search by its path only, at the most talkative level', async () => {
    const lines: string[] = [];
    const stream = new PassThrough();
    stream.on('data', (chunk: Buffer) => lines.push(chunk.toString()));
    const app = await buildApp(
      { ...t.testApp.deps, config: { ...t.testApp.deps.config, logLevel: 'debug' } },
      { webRoot: '/nonexistent', logger: true, logStream: stream },
    );
    try {
      const client = new TestClient(app);
      await client.request('GET', '/api/persons/search?q=18900101');
      await client.request('POST', '/api/auth/login', {
        body: { username: 'nagon', password: 'hemligt-lösenord' },
      });
    } finally {
      await app.close();
    }
    const log = lines.join('');
    expect(log).toContain('/api/persons/search');
    expect(log).not.toContain('18900101');
    expect(log).not.toContain('hemligt');
  });

  it('tells every cache not to keep an API answer', async () => {
    const { client } = await t.signedIn({
      organisationId: t.world.north.org.id,
      unitId: t.world.north.adultUnit.id,
      role: 'caseWorker',
    });
    for (const url of ['/api/persons', '/api/session', '/api/cases', '/api/auth/csrf']) {
      const response = await client.request('GET', url);
      expect(response.headers['cache-control'], url).toBe('no-store');
    }
  });

  it('names the persons a list and a search showed', async () => {
    const { client, user } = await t.signedIn({
      organisationId: t.world.north.org.id,
      unitId: t.world.north.adultUnit.id,
      role: 'caseWorker',
    });
    const person = await t.person({
      organisationId: t.world.north.org.id,
      unitId: t.world.north.adultUnit.id,
      familyName: 'Listadotter',
    });
    await client.request('GET', '/api/persons/search?q=Listadotter');
    await client.request('GET', '/api/persons');
    const events = await asSystem(t.database.db, (tx) =>
      tx
        .selectFrom('auditEvents')
        .select(['type', 'details'])
        .where('actorUserId', '=', user.id)
        .where('type', 'in', ['person.searched', 'person.listed'])
        .execute(),
    );
    expect(events).toHaveLength(2);
    for (const event of events)
      expect((event.details as { personIds: string }).personIds.split(',')).toContain(person.id);
  });
});
