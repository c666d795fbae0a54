import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { itemIdsOf } from '../helpers/instruments';
import { asSystem } from '../../src/server/platform/db/transaction';
import { pdfText } from '../helpers/pdf-text';
import type { TestClient } from '../helpers/test-app';
import { engineAvailable } from '../helpers/test-database';
import { buildCase, useTestWorld } from '../helpers/test-world';

type Assessment = {
  id: string;
  version: number;
  status: string;
  score: number | null;
  measured: { unknown: string[]; missing: string[] };
  signingProblems: { path: string }[];
  supersedesId: string | null;
  reassessmentDueOn?: string;
};

const fredaItems = itemIdsOf('freda-farlighetsbedomning');

const fredaContent = (yes: string[], level: 'low' | 'medium' | 'high') => ({
  answers: Object.fromEntries(
    fredaItems.map((id) => [id, { value: yes.includes(id) ? 'yes' : 'no' }]),
  ),
  judgements: { continuedViolence: level, severeViolence: level },
  scenarios: [],
  victimAppraisal: { level: 'high', words: 'Hon säger att han kommer att hitta henne.' },
  finalJudgement: {
    level,
    reasons: 'Strypgrepp och hot om att döda efter separationen; den utsatta är mycket rädd.',
  },
});

describe.runIf(engineAvailable)('risk assessments over HTTP', () => {
  const t = useTestWorld();
  let worker: { client: TestClient; user: { id: string } };
  let caseId: string;

  const as = (role: 'caseWorker' | 'teamLeader' | 'administrator') =>
    t.signedIn({
      organisationId: t.world.north.org.id,
      unitId: t.world.north.adultUnit.id,
      role,
    });

  const start = (client: TestClient, body: Record<string, unknown>) =>
    client.request('POST', `/api/cases/${caseId}/assessments`, { body });

  const read = async (client: TestClient, id: string) =>
    (await client.request('GET', `/api/assessments/${id}`)).json<Assessment>();

  beforeAll(async () => {
    worker = await as('caseWorker');
    const person = await t.person({
      organisationId: t.world.north.org.id,
      unitId: t.world.north.adultUnit.id,
    });
    caseId = (
      await buildCase(worker.client, {
        personId: person.id,
        unitId: t.world.north.adultUnit.id,
        ownerUserId: worker.user.id,
      })
    ).id;
  });

  it('needs the organisation’s recorded permission for FREDA, but not for a judgement without instrument', async () => {
    const refused = await start(worker.client, {
      instrumentId: 'freda-farlighetsbedomning',
      subjectRole: 'victim',
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({
      reason: 'assessment.instrument_not_permitted',
      title: expect.stringContaining('tillstånd'),
    });
    const plain = await start(worker.client, {
      instrumentId: 'professional-judgement',
      subjectRole: 'victim',
    });
    expect(plain.statusCode, plain.body).toBe(201);

    const admin = await as('administrator');
    for (const instrumentId of ['freda-farlighetsbedomning', 'sara-sv']) {
      const permitted = await admin.client.request('POST', '/api/instrument-permissions', {
        body: { instrumentId, licenceNote: 'Tillstånd från Socialstyrelsen 2026 (övning)' },
      });
      expect(permitted.statusCode, permitted.body).toBe(201);
    }
    const listed = (await worker.client.request('GET', '/api/instruments')).json<
      { id: string; permitted: boolean; trained: boolean }[]
    >();
    expect(listed.find((entry) => entry.id === 'freda-farlighetsbedomning')).toMatchObject({
      permitted: true,
    });
    expect(listed.find((entry) => entry.id === 'sara-sv')).toMatchObject({ trained: false });
  });

  it('autosaves drafts, refuses answers outside the scale and changes nothing then', async () => {
    const started = await start(worker.client, {
      instrumentId: 'freda-farlighetsbedomning',
      subjectRole: 'victim',
      mode: 'remote',
    });
    expect(started.statusCode, started.body).toBe(201);
    expect(started.json().warnings).toEqual(['remote']);
    const { id } = started.json<{ id: string }>();

    const outside = await worker.client.request('PUT', `/api/assessments/${id}/draft`, {
      body: {
        content: { ...fredaContent([], 'low'), answers: { strangulation: { value: 'maybe' } } },
        version: 1,
      },
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().fields).toEqual([
      expect.objectContaining({ path: 'body.content.answers.strangulation.value' }),
    ]);
    expect((await read(worker.client, id)).measured.missing).toHaveLength(15);

    const partial = fredaContent(['strangulation', 'threatsToKill', 'separation'], 'high');
    partial.answers.weapons = { value: 'unknown' };
    const saved = await worker.client.request('PUT', `/api/assessments/${id}/draft`, {
      body: { content: partial, version: 1 },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({
      score: 3,
      measured: { unknown: ['weapons'], missing: [] },
      signingProblems: [],
    });
    const stale = await worker.client.request('PUT', `/api/assessments/${id}/draft`, {
      body: { content: partial, version: 1 },
    });
    expect(stale.statusCode).toBe(409);

    const stored = await asSystem(t.database.db, (tx) =>
      tx
        .selectFrom('riskAssessments')
        .select('contentEnc')
        .where('id', '=', id)
        .executeTakeFirstOrThrow(),
    );
    expect(stored.contentEnc).not.toContain('hitta henne');
  });

  it('signs only when complete, then never changes, and supersedes the previous one', async () => {
    const first = (
      await start(worker.client, {
        instrumentId: 'freda-farlighetsbedomning',
        subjectRole: 'victim',
      })
    ).json<{ id: string }>().id;
    const empty = await worker.client.request('POST', `/api/assessments/${first}/sign`, {
      body: { version: 1 },
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().fields.map((field: { path: string }) => field.path)).toEqual(
      expect.arrayContaining(['content.answers.strangulation', 'content.finalJudgement.reasons']),
    );

    await worker.client.request('PUT', `/api/assessments/${first}/draft`, {
      body: { content: fredaContent(['strangulation'], 'high'), version: 1 },
    });
    const colleague = await as('caseWorker');
    const notTheirs = await colleague.client.request('POST', `/api/assessments/${first}/sign`, {
      body: { version: 2 },
    });
    expect(notTheirs.statusCode).toBe(422);
    expect(notTheirs.json().reason).toBe('assessment.not_assessor');

    const signed = await worker.client.request('POST', `/api/assessments/${first}/sign`, {
      body: { version: 2 },
    });
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json()).toMatchObject({ status: 'signed', reassessmentDueOn: '2026-12-08' });

    const changed = await worker.client.request('PUT', `/api/assessments/${first}/draft`, {
      body: { content: fredaContent([], 'low'), version: 3 },
    });
    expect(changed.statusCode).toBe(422);
    expect(changed.json().reason).toBe('assessment.signed');
    // Not even the database owner's connection can change it: the trigger refuses.
    await expect(
      asSystem(t.database.db, (tx) =>
        sql`update risk_assessments set final_level = 'low' where id = ${first}`.execute(tx),
      ),
    ).rejects.toThrow(/signed risk assessment cannot be changed/);

    const second = (
      await start(worker.client, {
        instrumentId: 'freda-farlighetsbedomning',
        subjectRole: 'victim',
      })
    ).json<{ id: string }>().id;
    await worker.client.request('PUT', `/api/assessments/${second}/draft`, {
      body: { content: fredaContent(['strangulation', 'escalation'], 'high'), version: 1 },
    });
    const resigned = await worker.client.request('POST', `/api/assessments/${second}/sign`, {
      body: { version: 2 },
    });
    expect(resigned.json().supersedesId).toBe(first);

    const tasks = (await worker.client.request('GET', `/api/cases/${caseId}`)).json<{
      tasks: { kind: string; dueOn: string }[];
    }>().tasks;
    expect(tasks.filter((task) => task.kind === 'reassessment').map((task) => task.dueOn)).toEqual([
      '2026-12-08',
      '2026-12-08',
    ]);
  });

  it('shows FREDA and a police SARA:SV side by side, with where they disagree', async () => {
    const withoutConsent = await start(worker.client, {
      instrumentId: 'sara-sv',
      subjectRole: 'perpetrator',
      origin: 'police',
    });
    expect(withoutConsent.statusCode).toBe(400);
    const police = (
      await start(worker.client, {
        instrumentId: 'sara-sv',
        subjectRole: 'perpetrator',
        origin: 'police',
        receivedWithConsent: true,
      })
    ).json<{ id: string }>().id;
    const saraAnswers = Object.fromEntries(
      itemIdsOf('sara-sv').map((id) => [
        id,
        { value: id === 'escalation' ? 'absent' : 'present', past: 'present' },
      ]),
    );
    const saved = await worker.client.request('PUT', `/api/assessments/${police}/draft`, {
      body: {
        content: {
          answers: saraAnswers,
          judgements: { acuteRisk: 'high', longTermRisk: 'high', severity: 'medium' },
          scenarios: [],
          victimAppraisal: null,
          finalJudgement: { level: 'high', reasons: 'Polisens bedömning, mottagen med samtycke.' },
        },
        version: 1,
      },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(
      (
        await worker.client.request('POST', `/api/assessments/${police}/sign`, {
          body: { version: 2 },
        })
      ).statusCode,
    ).toBe(200);

    const response = await worker.client.request('GET', `/api/cases/${caseId}/risk-picture`);
    expect(response.statusCode, response.body).toBe(200);
    const { picture } = response.json<{
      picture: {
        columns: { instrumentId: string; origin: string }[];
        rows: { factor: string; cells: (string | null)[]; disagreement: boolean }[];
      };
    }>();
    expect(picture.columns.map((column) => `${column.origin}:${column.instrumentId}`)).toEqual([
      'own:freda-farlighetsbedomning',
      'own:freda-farlighetsbedomning',
      'police:sara-sv',
    ]);
    // The latest FREDA found escalation, the police SARA:SV did not.
    expect(picture.rows.find((row) => row.factor === 'escalation')).toMatchObject({
      cells: ['absent', 'present', 'absent'],
      disagreement: true,
    });
    expect(picture.rows.find((row) => row.factor === 'strangulation')).toMatchObject({
      cells: ['present', 'present', null],
      disagreement: false,
    });
  });

  it('lets the co-assessor of a pair assessment sign it', async () => {
    const partner = await as('caseWorker');
    const id = (
      await start(worker.client, {
        instrumentId: 'professional-judgement',
        subjectRole: 'victim',
        coAssessorUserId: partner.user.id,
      })
    ).json<{ id: string }>().id;
    await worker.client.request('PUT', `/api/assessments/${id}/draft`, {
      body: {
        content: {
          answers: {},
          judgements: { acuteRisk: 'low', longTermRisk: 'low', severity: 'low' },
          scenarios: [],
          victimAppraisal: null,
          finalJudgement: { level: 'low', reasons: 'Bedömt tillsammans efter gemensamt samtal.' },
        },
        version: 1,
      },
    });
    const signed = await partner.client.request('POST', `/api/assessments/${id}/sign`, {
      body: { version: 2 },
    });
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json()).toMatchObject({ status: 'signed', coAssessorName: expect.any(String) });
  });

  it('prints an assessment with the protected person masked, marking a draft as a draft', async () => {
    const hidden = await t.person({
      organisationId: t.world.north.org.id,
      unitId: t.world.north.adultUnit.id,
      givenName: 'Gömd',
      familyName: 'Övningsson',
      personalNumber: '18900505-0037',
      protectionLevel: 'protectedRegistration',
      address: 'Hemliga gränd 3',
    });
    const protectedCase = (
      await buildCase(worker.client, { personId: hidden.id, unitId: t.world.north.adultUnit.id })
    ).id;
    const started = await worker.client.request('POST', `/api/cases/${protectedCase}/assessments`, {
      body: { instrumentId: 'professional-judgement', subjectRole: 'victim' },
    });
    const id = started.json<{ id: string }>().id;
    const draftPdf = await pdfText(
      (await worker.client.request('GET', `/api/assessments/${id}/document.pdf`)).rawPayload,
    );
    expect(draftPdf).toContain('UTKAST');

    await worker.client.request('PUT', `/api/assessments/${id}/draft`, {
      body: {
        content: {
          answers: {},
          judgements: { acuteRisk: 'medium', longTermRisk: 'high', severity: 'medium' },
          scenarios: [],
          victimAppraisal: { level: 'medium', words: null },
          finalJudgement: {
            level: 'medium',
            reasons: 'Inget instrument passar: äldre person, våld från vuxet barn.',
          },
        },
        version: 1,
      },
    });
    expect(
      (await worker.client.request('POST', `/api/assessments/${id}/sign`, { body: { version: 2 } }))
        .statusCode,
    ).toBe(200);
    const response = await worker.client.request('GET', `/api/assessments/${id}/document.pdf`);
    expect(response.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(response.rawPayload);
    expect(text).toContain('Gömd Övningsson');
    expect(text).toContain('18900505-XXXX');
    expect(text).toContain('Inget instrument passar');
    expect(text).not.toContain('0037');
    expect(text).not.toContain('Hemliga');
    expect(text).not.toContain('UTKAST');
  });

  it('lists reassessments past their last day for the team leader', async () => {
    t.testApp.clock.advance(20 * 24 * 3600 * 1000);
    const leader = await as('teamLeader');
    const overdue = await leader.client.request('GET', '/api/work-lists/overdue-reassessments');
    expect(overdue.statusCode, overdue.body).toBe(200);
    const rows = overdue.json<{ kind: string; dueOn: string; case: { id: string } }[]>();
    expect(rows.filter((row) => row.case.id === caseId).map((row) => row.dueOn)).toContain(
      '2026-12-08',
    );
    expect(rows.every((row) => row.kind === 'reassessment')).toBe(true);
  });
});
