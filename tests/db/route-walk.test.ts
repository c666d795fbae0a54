import { beforeAll, describe, expect, it } from 'vitest';
import { recordParams } from '../../src/server/platform/http/record-gate';
import { asSystem } from '../../src/server/platform/db/transaction';
import {
  buildAccessMatrix,
  methodOf,
  openApiRoutes,
  type MatrixFixture,
  type Placement,
  type SubjectParam,
} from '../helpers/access-matrix';
import { engineAvailable } from '../helpers/test-database';
import { useTestWorld } from '../helpers/test-world';

/**
 * The route walk (issue 17): generated from the route table, not from a list. Every route whose
 * path names a person, a case or anything that belongs to one is called, with an empty body, by
 * every role placed in another secrecy area and in another organisation, on a victim's records
 * (no consent, no share, no break-glass). Each must be refused — 403 or 404 — with no personal
 * data in the answer and an `access.denied` event in the audit log. A new route is walked the
 * day it is added; a new kind of path parameter stops the server until the record gate knows it.
 */

/** Routes that reach across secrecy areas by design: for whom, and why. Kept short and named. */
const acrossByDesign: Record<string, { placements: readonly Placement[]; why: string }> = {
  'POST /api/persons/{personId}/break-glass': {
    placements: ['other-area'],
    why: 'Nödåtkomst is opened on a person the caller cannot read yet, with a stated reason, audited.',
  },
  'POST /api/housing/requests/{requestId}/answer': {
    placements: ['other-area'],
    why: 'The provider’s keepers answer a request for a place: it carries needs and counts, never who.',
  },
  'POST /api/housing/requests/{requestId}/release': {
    placements: ['other-area'],
    why: 'The provider’s keepers give places back: the request carries needs and counts, never who.',
  },
};

describe.runIf(engineAvailable)('route walk: no side doors to a person’s records', () => {
  const t = useTestWorld();
  let fixture: MatrixFixture;

  beforeAll(async () => {
    fixture = await buildAccessMatrix(t.database, t.testApp, t.world);
  }, 180_000);

  /** A record of each kind the gate knows, from the matrix's victims (the first that has one). */
  const idFor = (name: string) => {
    const base = fixture.subjects.find((subject) => subject.key === 'none')!;
    return (
      base.params[name as SubjectParam] ??
      fixture.subjects.find((subject) => subject.params[name as SubjectParam])?.params[
        name as SubjectParam
      ]
    );
  };

  it('refuses every outsider on every route that names a record, and logs each refusal', async () => {
    const routes = (await openApiRoutes(t.testApp)).filter((route) => {
      const names = [...route.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]!);
      return names.some((name) => recordParams[name]?.kind !== 'organisation');
    });
    const outsiders = fixture.actors.filter((actor) => actor.placement !== 'same-area');
    const victim = fixture.subjects.find((subject) => subject.key === 'none')!;
    const leaks: string[] = [];
    const unlogged: string[] = [];
    const admitted: string[] = [];
    const ownerRefused: string[] = [];
    let calls = 0;

    for (const route of routes) {
      const path = route.slice(route.indexOf(' ') + 1);
      const url = path.replace(/\{([^}]+)\}/g, (_, name: string) => {
        const id = idFor(name);
        if (!id) throw new Error(`The walk's fixture holds no record for {${name}} (${route})`);
        return id;
      });
      const method = methodOf(route);
      const options = method === 'GET' ? {} : { body: {} };

      // Control: the record exists and its own team gets past the gate (a 404 here would make
      // every refusal below meaningless).
      const own = await fixture.owner.client.request(method, url, options);
      if (own.statusCode === 404) ownerRefused.push(`${route}: ${own.body}`);

      for (const actor of outsiders) {
        if (acrossByDesign[route]?.placements.includes(actor.placement)) continue;
        calls += 1;
        const response = await actor.client.request(method, url, options);
        const where = `${route} as ${actor.label}`;
        if (![403, 404].includes(response.statusCode)) {
          admitted.push(`${where}: ${response.statusCode}`);
          continue;
        }
        for (const secret of [victim.familyName, victim.personalNumber])
          if (response.body.includes(secret)) leaks.push(`${where} shows ${secret}`);
        const requestId = response.json<{ requestId?: string }>().requestId ?? '';
        const denied = await asSystem(t.database.db, (tx) =>
          tx
            .selectFrom('auditEvents')
            .select('id')
            .where('requestId', '=', requestId)
            .where('type', '=', 'access.denied')
            .where('actorUserId', '=', actor.userId)
            .execute(),
        );
        if (denied.length === 0) unlogged.push(where);
      }
    }

    expect(ownerRefused, 'the fixture’s records must be reachable by their own team').toEqual([]);
    expect(admitted, 'outsiders let in').toEqual([]);
    expect(leaks, 'personal data in a refusal').toEqual([]);
    expect(unlogged, 'refusals missing from the audit log').toEqual([]);
    // The walk covers what the route table holds today: most of the API names a record.
    expect(routes.length).toBeGreaterThan(60);
    console.log(
      `route walk: ${routes.length} routes × ${outsiders.length} outsiders, ${calls} calls`,
    );
  });

  it('stops a route that names a parameter the record gate does not know', async () => {
    const { buildApp } = await import('../../src/server/platform/http/app');
    await expect(
      (async () => {
        const app = await buildApp(t.testApp.deps);
        app.get('/api/mysteries/:mysteryId', { config: { access: 'case.read' } }, () => ({}));
        await app.ready();
      })(),
    ).rejects.toThrow(/:mysteryId, which the record gate does not know/);
  });
});
