import { beforeAll, describe, expect, it } from 'vitest';
import { itemIdsOf } from '../helpers/instruments';
import { pdfText } from '../helpers/pdf-text';
import type { TestClient } from '../helpers/test-app';
import { engineAvailable } from '../helpers/test-database';
import { buildCase, useTestWorld } from '../helpers/test-world';

type Plan = {
  version: number;
  riskLevel: string | null;
  measures: { id: string; code: string; status: string; version: number }[];
  suggestions: { code: string; reasons: { ruleId: string }[] }[];
  warnings: { code: string }[];
  assessmentsToFollowThrough: { id: string }[];
  history: { kind: string; measureCode: string | null; reason: string | null }[];
};

describe.runIf(engineAvailable)('safety plans over HTTP', () => {
  const t = useTestWorld();
  let worker: { client: TestClient; user: { id: string } };

  const as = (role: 'caseWorker' | 'teamLeader' | 'administrator') =>
    t.signedIn({
      organisationId: t.world.north.org.id,
      unitId: t.world.north.adultUnit.id,
      role,
    });

  /** A case with a signed assessment at the given level, by a judgement without instrument. */
  const caseWithSignedAssessment = async (level: 'low' | 'high') => {
    const person = await t.person({
      organisationId: t.world.north.org.id,
      unitId: t.world.north.adultUnit.id,
    });
    const { id: caseId } = await buildCase(worker.client, {
      personId: person.id,
      unitId: t.world.north.adultUnit.id,
      ownerUserId: worker.user.id,
    });
    const started = await worker.client.request('POST', `/api/cases/${caseId}/assessments`, {
      body: { instrumentId: 'freda-farlighetsbedomning', subjectRole: 'victim' },
    });
    const assessmentId = started.json<{ id: string }>().id;
    const saved = await worker.client.request('PUT', `/api/assessments/${assessmentId}/draft`, {
      body: {
        content: {
          answers: Object.fromEntries(
            itemIdsOf('freda-farlighetsbedomning').map((id) => [
              id,
              { value: level === 'high' && id === 'strangulation' ? 'yes' : 'no' },
            ]),
          ),
          judgements: { continuedViolence: level, severeViolence: level },
          scenarios: [],
          victimAppraisal: { level, words: null },
          finalJudgement: { level, reasons: 'Bedömningen bygger på samtal med den utsatta i dag.' },
        },
        version: 1,
      },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const signed = await worker.client.request('POST', `/api/assessments/${assessmentId}/sign`, {
      body: { version: 2 },
    });
    expect(signed.statusCode, signed.body).toBe(200);
    return { caseId, assessmentId };
  };

  const plan = async (client: TestClient, caseId: string) => {
    const response = await client.request('GET', `/api/cases/${caseId}/safety-plan`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<Plan>();
  };

  beforeAll(async () => {
    const admin = await as('administrator');
    await admin.client.request('POST', '/api/instrument-permissions', {
      body: { instrumentId: 'freda-farlighetsbedomning', licenceNote: 'Tillstånd (övning)' },
    });
    worker = await as('caseWorker');
  });

  it('suggests measures with reasons after a high-risk assessment, and warns until something protects', async () => {
    const { caseId } = await caseWithSignedAssessment('high');
    const before = await plan(worker.client, caseId);
    expect(before.riskLevel).toBe('high');
    expect(before.warnings.map((warning) => warning.code)).toEqual(['underProvision']);
    const alarm = before.suggestions.find((suggestion) => suggestion.code === 'safetyAlarm');
    expect(alarm?.reasons.map((reason) => reason.ruleId)).toEqual([
      'highRiskProtection',
      'lethalityMarkers',
    ]);

    const added = await worker.client.request('POST', `/api/cases/${caseId}/safety-plan/measures`, {
      body: {
        measureCode: 'safetyAlarm',
        ownerOrganisation: 'Polisen, BOPS',
        suggestedBy: ['highRiskProtection', 'lethalityMarkers'],
      },
    });
    expect(added.statusCode, added.body).toBe(201);
    const after = added.json<Plan>();
    expect(after.warnings).toEqual([]);
    expect(after.suggestions.map((suggestion) => suggestion.code)).not.toContain('safetyAlarm');
    // The case's overview says the same at a glance: the level, and the plan's one measure.
    const overview = (await worker.client.request('GET', `/api/cases/${caseId}`)).json().overview;
    expect(overview.risk).toMatchObject({ latest: { finalLevel: 'high' }, drafts: 0 });
    expect(overview.plan).toEqual({ exists: true, reviewOn: null, measures: { proposed: 1 } });

    const rejected = await worker.client.request(
      'POST',
      `/api/cases/${caseId}/safety-plan/rejections`,
      {
        body: {
          measureCode: 'contactBan',
          reason: 'Hon vill inte ansöka nu; tas upp igen i nästa samtal.',
        },
      },
    );
    expect(rejected.statusCode, rejected.body).toBe(201);
    const withRejection = rejected.json<Plan>();
    expect(withRejection.suggestions.map((suggestion) => suggestion.code)).not.toContain(
      'contactBan',
    );
    expect(withRejection.history).toContainEqual(
      expect.objectContaining({
        kind: 'suggestionRejected',
        measureCode: 'contactBan',
        reason: expect.stringContaining('tas upp igen'),
      }),
    );
    const unknown = await worker.client.request(
      'POST',
      `/api/cases/${caseId}/safety-plan/measures`,
      {
        body: { measureCode: 'teleport', ownerOrganisation: 'Någon' },
      },
    );
    expect(unknown.statusCode).toBe(400);
  });

  it('moves a measure only along its lifecycle and keeps the history', async () => {
    const { caseId } = await caseWithSignedAssessment('high');
    let current = (
      await worker.client.request('POST', `/api/cases/${caseId}/safety-plan/measures`, {
        body: { measureCode: 'contactBan', ownerOrganisation: 'Åklagare' },
      })
    ).json<Plan>();
    const measure = () => current.measures.find((entry) => entry.code === 'contactBan')!;
    const move = (to: string, reason: string | null = null, version = measure().version) =>
      worker.client.request('POST', `/api/plan-measures/${measure().id}/status`, {
        body: { to, reason, version },
      });

    const skip = await move('ended', 'Hoppar');
    expect(skip.statusCode).toBe(422);
    expect(skip.json().reason).toBe('measure.transition_not_allowed');
    const noReason = await move('declined');
    expect(noReason.json().reason).toBe('measure.reason_required');
    for (const to of ['offered', 'accepted', 'active']) {
      const moved = await move(to);
      expect(moved.statusCode, moved.body).toBe(200);
      current = moved.json<Plan>();
    }
    expect(measure().status).toBe('active');
    expect((await move('ended', 'Beslut fattat', measure().version - 1)).statusCode).toBe(409);
    expect(current.history.filter((event) => event.kind === 'statusChanged')).toHaveLength(3);
  });

  it('keeps the case open until the assessment has a plan or a reasoned “no measures”', async () => {
    const { caseId, assessmentId } = await caseWithSignedAssessment('low');
    const detail = await worker.client.request('POST', `/api/cases/${caseId}/children`, {
      body: { answer: 'none', version: 1 },
    });
    const close = (version: number) =>
      worker.client.request('POST', `/api/cases/${caseId}/stage`, {
        body: { to: 'closed', reason: 'Den enskilde vill inte ha fler kontakter.', version },
      });
    const refused = await close(detail.json().version);
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({
      reason: 'plan.missing',
      title: expect.stringContaining('skydds- och åtgärdsplan'),
    });

    const tooShort = await worker.client.request(
      'POST',
      `/api/assessments/${assessmentId}/follow-through`,
      {
        body: { noMeasuresReason: 'Inga' },
      },
    );
    expect(tooShort.statusCode).toBe(422);
    const reasoned = await worker.client.request(
      'POST',
      `/api/assessments/${assessmentId}/follow-through`,
      {
        body: {
          noMeasuresReason: 'Låg risk; den utsatta har eget nätverk och tackar nej till insatser.',
        },
      },
    );
    expect(reasoned.statusCode, reasoned.body).toBe(200);
    expect(reasoned.json<Plan>().assessmentsToFollowThrough).toEqual([]);
    expect((await close(detail.json().version)).statusCode).toBe(200);
  });

  it('puts the plan review on the owner’s list, overdue for the team leader once the day passes', async () => {
    const { caseId } = await caseWithSignedAssessment('high');
    const today = t.testApp.clock.now().toISOString().slice(0, 10);
    const saved = await worker.client.request('PUT', `/api/cases/${caseId}/safety-plan`, {
      body: {
        victimStrategies:
          'Handlar på ICA i centrum, inte vid bensinmacken. Kodord till systern: "regn".',
        outOfHours: 'Socialjouren 0999-123 45 (övning), polisen 112',
        reviewOn: today,
        version: 0,
      },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const stale = await worker.client.request('PUT', `/api/cases/${caseId}/safety-plan`, {
      body: { victimStrategies: null, outOfHours: null, reviewOn: null, version: 0 },
    });
    expect(stale.statusCode).toBe(409);
    const past = await worker.client.request('PUT', `/api/cases/${caseId}/safety-plan`, {
      body: {
        victimStrategies: null,
        outOfHours: null,
        reviewOn: '2020-01-01',
        version: saved.json().version,
      },
    });
    expect(past.statusCode).toBe(400);

    await worker.client.request('POST', `/api/cases/${caseId}/safety-plan/measures`, {
      body: { measureCode: 'safetyAlarm', ownerOrganisation: 'Polisen' },
    });
    await worker.client.request('POST', `/api/cases/${caseId}/safety-plan/measures`, {
      body: { measureCode: 'supportTalks', ownerOrganisation: 'Socialtjänsten' },
    });
    const full = await pdfText(
      (await worker.client.request('GET', `/api/cases/${caseId}/safety-plan.pdf`)).rawPayload,
    );
    expect(full).toContain('Skydds- och åtgärdsplan');
    expect(full).toContain('Kodord');
    expect(full).toContain('Stödsamtal');
    const forPolice = await pdfText(
      (await worker.client.request('GET', `/api/cases/${caseId}/safety-plan.pdf?recipient=police`))
        .rawPayload,
    );
    expect(forPolice).toContain('Trygghetslarm');
    expect(forPolice).toContain('Socialjouren');
    expect(forPolice).not.toContain('Stödsamtal');
    expect(forPolice).not.toContain('Kodord');

    t.testApp.clock.advance(3 * 24 * 3600 * 1000);
    const leader = await as('teamLeader');
    const overdue = await leader.client.request('GET', '/api/work-lists/overdue-reviews');
    expect(overdue.statusCode, overdue.body).toBe(200);
    expect(
      overdue
        .json<{ kind: string; case: { id: string } }[]>()
        .filter((row) => row.case.id === caseId),
    ).toEqual([expect.objectContaining({ kind: 'planReview' })]);
  });

  it('follows the organisation’s own catalogue: switched-off measures are not suggested, local ones can be used', async () => {
    // Earlier tests moved the clock on by days; sign in afresh.
    worker = await as('caseWorker');
    const admin = await as('administrator');
    const off = await admin.client.request('PUT', '/api/measures/safetyAlarm/enabled', {
      body: { enabled: false },
    });
    expect(off.statusCode, off.body).toBe(200);
    const local = {
      code: 'ovningsbySafeFlat',
      label: { sv: 'Kommunens skyddade lägenhet', en: "The municipality's safe flat" },
      strategy: 'victimSafety',
      usualOwner: 'socialServices',
      needs: ['decision', 'consent'],
      protective: true,
      intensive: false,
    };
    const added = await admin.client.request('POST', '/api/measures', { body: local });
    expect(added.statusCode, added.body).toBe(201);
    expect((await admin.client.request('POST', '/api/measures', { body: local })).statusCode).toBe(
      400,
    );
    expect(
      (await worker.client.request('POST', '/api/measures', { body: { ...local, code: 'other' } }))
        .statusCode,
    ).toBe(403);

    const { caseId } = await caseWithSignedAssessment('high');
    const current = await plan(worker.client, caseId);
    expect(current.suggestions.map((suggestion) => suggestion.code)).not.toContain('safetyAlarm');
    const refused = await worker.client.request(
      'POST',
      `/api/cases/${caseId}/safety-plan/measures`,
      {
        body: { measureCode: 'safetyAlarm', ownerOrganisation: 'Polisen' },
      },
    );
    expect(refused.statusCode).toBe(400);
    const ownMeasure = await worker.client.request(
      'POST',
      `/api/cases/${caseId}/safety-plan/measures`,
      {
        body: { measureCode: 'ovningsbySafeFlat', ownerOrganisation: 'Socialtjänsten' },
      },
    );
    expect(ownMeasure.statusCode, ownMeasure.body).toBe(201);
    expect(ownMeasure.json<Plan>().measures.map((measure) => measure.code)).toEqual([
      'ovningsbySafeFlat',
    ]);
    // A local protective measure counts as protection.
    expect(ownMeasure.json<Plan>().warnings).toEqual([]);
  });
});
