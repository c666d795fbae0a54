import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildAccessMatrix,
  methodOf,
  routeCatalogue,
  urlFor,
  type Cell,
  type MatrixActor,
  type MatrixFixture,
  type Subject,
} from '../helpers/access-matrix';
import { engineAvailable, testEngine } from '../helpers/test-database';
import { useTestWorld } from '../helpers/test-world';

/**
 * The concurrency harness (issue 18), on a PostgreSQL server — PGlite runs one transaction at a
 * time and hides every race. Every record write of the route catalogue (a new route is in it, or
 * the access matrix fails) is sent twice at the same moment by the case owner, each with the
 * versions as they stand just before. Whatever the write, nothing answers 5xx; a write that names
 * the version it read never succeeds twice (the second would have overwritten the first unseen).
 */
describe.runIf(engineAvailable && testEngine === 'postgres')(
  'two writes at the same moment',
  () => {
    const t = useTestWorld();
    let fixture: MatrixFixture;

    beforeAll(async () => {
      fixture = await buildAccessMatrix(t.database, t.testApp, t.world);
    }, 180_000);

    /** The versions of the subject's records as they stand now. */
    const refreshVersions = async (subject: Subject) => {
      const version = async (table: string, column: string, id: string | undefined) => {
        if (!id) return undefined;
        const { rows } = await sql<{ version: number }>`
        select version from ${sql.table(table)} where ${sql.ref(column)} = ${id}`.execute(
          t.database.db,
        );
        return rows[0]?.version;
      };
      const { params, versions } = subject;
      versions.case = (await version('cases', 'id', params.caseId)) ?? versions.case;
      versions.person = (await version('persons', 'id', params.personId)) ?? versions.person;
      versions.assessment = await version('risk_assessments', 'id', params.assessmentId);
      versions.plan = (await version('safety_plans', 'case_id', params.caseId)) ?? 0;
      versions.measure = await version('plan_measures', 'id', params.measureId);
      versions.task = await version('case_tasks', 'id', params.taskId);
      versions.consent = await version('consents', 'id', params.consentId);
      versions.referral = await version('referrals', 'id', params.referralId);
      versions.meeting = await version('meetings', 'id', params.meetingId);
      versions.action = await version('meeting_actions', 'id', params.actionId);
    };

    it('answers every record write run twice at once with one success and a clean refusal', async () => {
      const subject = fixture.subjects.find((entry) => entry.key === 'none')!;
      const owner: MatrixActor = {
        label: 'owner',
        role: 'caseWorker',
        placement: 'same-area',
        organisationId: subject.organisationId,
        unitId: subject.unitId,
        areaId: subject.areaId,
        userId: fixture.owner.userId,
        client: fixture.owner.client,
        breakGlassOn: new Set(),
      };
      const failures: string[] = [];
      const lostUpdates: string[] = [];
      let raced = 0;
      let versionedRoutes = 0;
      for (const [route, spec] of Object.entries(routeCatalogue)) {
        if (spec.kind !== 'write') continue;
        await refreshVersions(subject);
        const cell: Cell = { actor: owner, subject, fixture };
        const url = urlFor(route, cell, spec);
        if (!url) continue;
        const body = spec.body(cell);
        const answers = await Promise.all(
          [0, 1].map(() => owner.client.request(methodOf(route), url, { body })),
        );
        const statuses = answers.map((answer) => answer.statusCode);
        for (const answer of answers)
          if (answer.statusCode >= 500)
            failures.push(`${route}: ${answer.statusCode} ${answer.body.slice(0, 200)}`);
        const succeeded = statuses.filter((status) => status < 300).length;
        const versioned = typeof body === 'object' && body !== null && 'version' in body;
        if (versioned) versionedRoutes += 1;
        if (versioned && succeeded > 1) lostUpdates.push(`${route}: ${statuses.join(' + ')}`);
        if (succeeded === 1 && statuses.some((status) => [409, 422].includes(status))) raced += 1;
      }
      expect(failures, 'server errors').toEqual([]);
      expect(lostUpdates, 'both writes of the same version succeeded').toEqual([]);
      // The harness means something only if most writes really raced.
      expect(versionedRoutes).toBeGreaterThan(15);
      expect(raced).toBeGreaterThan(20);
      console.info(`concurrency harness: ${raced} writes raced, ${versionedRoutes} with a version`);
    });
  },
);
