import { describe, expect, it } from 'vitest';
import { asSystem } from '../../src/server/platform/db/transaction';
import { engineAvailable } from '../helpers/test-database';
import { buildCase, useTestWorld } from '../helpers/test-world';

describe.runIf(engineAvailable)('cases over HTTP', () => {
  const t = useTestWorld();

  const signedIn = (unitId: string, role: 'caseWorker' | 'teamLeader') =>
    t.signedIn({ organisationId: t.world.north.org.id, unitId, role });

  it('moves a case through its stages, refuses illegal moves with a clear message, and keeps who, when and why', async () => {
    const { client, user } = await signedIn(t.world.north.adultUnit.id, 'caseWorker');
    const person = await t.person({
      organisationId: t.world.north.org.id,
      unitId: t.world.north.adultUnit.id,
    });
    const opened = await buildCase(client, {
      personId: person.id,
      unitId: t.world.north.adultUnit.id,
      type: 'adultVictim',
      violenceForms: ['physical', 'psychological'],
      detectionSource: 'financialSupport',
      perpetratorRelation: 'partner',
      ownerUserId: user.id,
    });
    expect(opened.stage).toBe('intake');

    const skip = await client.request('POST', `/api/cases/${opened.id}/stage`, {
      body: { to: 'intervention', version: opened.version },
    });
    expect(skip.statusCode).toBe(422);
    expect(skip.json()).toMatchObject({
      code: 'rule.violation',
      reason: 'case.transition_not_allowed',
      title: expect.stringContaining('Möjliga steg: Utredning, Råd och service, Avslutat'),
    });

    const unasked = await client.request('POST', `/api/cases/${opened.id}/stage`, {
      body: { to: 'investigation', version: opened.version },
    });
    expect(unasked.json()).toMatchObject({
      reason: 'case.children_unanswered',
      title: expect.stringContaining('barn i hushållet'),
    });
    const answered = await client.request('POST', `/api/cases/${opened.id}/children`, {
      body: { answer: 'none', version: opened.version },
    });
    expect(answered.statusCode).toBe(200);
    const investigating = await client.request('POST', `/api/cases/${opened.id}/stage`, {
      body: { to: 'investigation', version: answered.json().version },
    });
    expect(investigating.statusCode).toBe(200);
    const closeWithoutReason = await client.request('POST', `/api/cases/${opened.id}/stage`, {
      body: { to: 'closed', version: investigating.json().version },
    });
    expect(closeWithoutReason.json()).toMatchObject({ reason: 'case.reason_required' });
    const closed = await client.request('POST', `/api/cases/${opened.id}/stage`, {
      body: {
        to: 'closed',
        reason: 'Flyttat till annan kommun, överlämnat',
        version: investigating.json().version,
      },
    });
    expect(closed.statusCode).toBe(200);

    const detail = (await client.request('GET', `/api/cases/${opened.id}`)).json();
    expect(detail.transitions.map((t: { toStage: string }) => t.toStage)).toEqual([
      'intake',
      'investigation',
      'closed',
    ]);
    expect(detail.transitions[2]).toMatchObject({
      fromStage: 'investigation',
      reason: 'Flyttat till annan kommun, överlämnat',
      decidedBy: user.displayName,
    });
    const stored = await asSystem(t.database.db, (tx) =>
      tx
        .selectFrom('caseTransitions')
        .select('reasonEnc')
        .where('caseId', '=', opened.id)
        .where('toStage', '=', 'closed')
        .executeTakeFirstOrThrow(),
    );
    expect(stored.reasonEnc).not.toContain('Flyttat');
  });

  it('sends a child case through förhandsbedömning and records when no investigation is opened, with why', async () => {
    const { client } = await signedIn(t.world.north.childUnit.id, 'caseWorker');
    const child = await t.person({
      organisationId: t.world.north.org.id,
      unitId: t.world.north.childUnit.id,
    });
    const opened = await buildCase(client, {
      personId: child.id,
      unitId: t.world.north.childUnit.id,
      type: 'childExposed',
      detectionSource: 'reportOfConcern',
    });
    const straight = await client.request('POST', `/api/cases/${opened.id}/stage`, {
      body: { to: 'investigation', version: 1 },
    });
    expect(straight.statusCode).toBe(422);
    const pre = await client.request('POST', `/api/cases/${opened.id}/stage`, {
      body: { to: 'preliminaryAssessment', version: 1 },
    });
    expect(pre.statusCode).toBe(200);
    const stale = await client.request('POST', `/api/cases/${opened.id}/stage`, {
      body: { to: 'investigation', version: 1 },
    });
    expect(stale.statusCode).toBe(409);
  });

  it('refuses to let one worker own both the victim’s and the linked perpetrator’s case, and explains', async () => {
    const { client, user } = await signedIn(t.world.north.adultUnit.id, 'caseWorker');
    const victim = await t.person({
      organisationId: t.world.north.org.id,
      unitId: t.world.north.adultUnit.id,
    });
    const perpetrator = await t.person({
      organisationId: t.world.north.org.id,
      unitId: t.world.north.adultUnit.id,
    });
    const victimCase = await buildCase(client, {
      personId: victim.id,
      unitId: t.world.north.adultUnit.id,
      type: 'adultVictim',
      ownerUserId: user.id,
    });
    const perpetratorCase = await buildCase(client, {
      personId: perpetrator.id,
      unitId: t.world.north.adultUnit.id,
      type: 'perpetrator',
      ownerUserId: user.id,
    });

    const link = await client.request('POST', `/api/cases/${victimCase.id}/links`, {
      body: { linkedCaseId: perpetratorCase.id, kind: 'victimPerpetrator' },
    });
    expect(link.statusCode).toBe(422);
    expect(link.json()).toMatchObject({
      reason: 'case.handler_separation',
      title: expect.stringContaining('Samma handläggare'),
    });

    const other = await signedIn(t.world.north.adultUnit.id, 'caseWorker');
    expect(
      (
        await client.request('POST', `/api/cases/${perpetratorCase.id}/owner`, {
          body: { ownerUserId: other.user.id, version: perpetratorCase.version },
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await client.request('POST', `/api/cases/${victimCase.id}/links`, {
          body: { linkedCaseId: perpetratorCase.id, kind: 'victimPerpetrator' },
        })
      ).statusCode,
    ).toBe(201);
    const back = await client.request('POST', `/api/cases/${perpetratorCase.id}/owner`, {
      body: { ownerUserId: user.id, version: perpetratorCase.version + 1 },
    });
    expect(back.statusCode).toBe(422);
    expect(back.json().reason).toBe('case.handler_separation');
    const twice = await client.request('POST', `/api/cases/${victimCase.id}/links`, {
      body: { linkedCaseId: perpetratorCase.id, kind: 'victimPerpetrator' },
    });
    expect(twice.statusCode).toBe(422);
  });

  it('shows a linked case behind internal secrecy only as hidden, with the reason', async () => {
    const adult = await signedIn(t.world.north.adultUnit.id, 'caseWorker');
    const childWorker = await signedIn(t.world.north.childUnit.id, 'caseWorker');
    const mother = await t.person({
      organisationId: t.world.north.org.id,
      unitId: t.world.north.adultUnit.id,
    });
    const child = await t.person({
      organisationId: t.world.north.org.id,
      unitId: t.world.north.childUnit.id,
    });
    const motherCase = await buildCase(adult.client, {
      personId: mother.id,
      unitId: t.world.north.adultUnit.id,
      type: 'adultVictim',
    });
    const childCase = await buildCase(childWorker.client, {
      personId: child.id,
      unitId: t.world.north.childUnit.id,
      type: 'childExposed',
    });
    expect(
      (
        await adult.client.request('POST', `/api/cases/${motherCase.id}/links`, {
          body: { linkedCaseId: childCase.id, kind: 'parentChild' },
        })
      ).statusCode,
    ).toBe(201);

    const seen = (await adult.client.request('GET', `/api/cases/${motherCase.id}`)).json();
    expect(seen.linkedCases).toEqual([
      { kind: 'parentChild', visible: false, hiddenReason: 'access.other_secrecy_area' },
    ]);
    expect(JSON.stringify(seen)).not.toContain(child.id);
    const fromChildSide = (
      await childWorker.client.request('GET', `/api/cases/${childCase.id}`)
    ).json();
    expect(fromChildSide.linkedCases[0]).toMatchObject({ visible: false });
  });

  it('lists the unit’s open cases for the morning meeting, and my own', async () => {
    const { client, user } = await signedIn(t.world.north.adultUnit.id, 'caseWorker');
    const person = await t.person({
      organisationId: t.world.north.org.id,
      unitId: t.world.north.adultUnit.id,
    });
    const mine = await buildCase(client, {
      personId: person.id,
      unitId: t.world.north.adultUnit.id,
      type: 'adultVictim',
      ownerUserId: user.id,
    });
    const intake = (await client.request('GET', '/api/cases')).json<
      { id: string; unitId: string }[]
    >();
    expect(intake.map((row) => row.id)).toContain(mine.id);
    expect(intake.every((row) => row.unitId === t.world.north.adultUnit.id)).toBe(true);
    const own = (await client.request('GET', '/api/cases?mine=true')).json<{ id: string }[]>();
    expect(own.map((row) => row.id)).toEqual([mine.id]);
  });

  it('records screening answers, insists on a reason when not asked, shows next steps, and counts coverage', async () => {
    const { client } = await signedIn(t.world.north.adultUnit.id, 'caseWorker');
    const leader = await signedIn(t.world.north.adultUnit.id, 'teamLeader');
    const person = await t.person({
      organisationId: t.world.north.org.id,
      unitId: t.world.north.adultUnit.id,
    });
    const missingReason = await client.request('POST', '/api/screenings', {
      body: {
        personId: person.id,
        unitId: t.world.north.adultUnit.id,
        answers: [{ topic: 'exposure', outcome: 'notAsked' }],
      },
    });
    expect(missingReason.statusCode).toBe(400);
    expect(missingReason.json().fields[0].path).toBe('body.answers.0.notAskedReason');

    const positive = await client.request('POST', '/api/screenings', {
      body: {
        personId: person.id,
        unitId: t.world.north.adultUnit.id,
        answers: [
          { topic: 'exposure', outcome: 'positive' },
          { topic: 'perpetration', outcome: 'notAsked', notAskedReason: 'othersPresent' },
        ],
      },
    });
    expect(positive.statusCode).toBe(201);
    const [exposure, perpetration] = positive.json();
    expect(exposure.nextSteps.map((step: { key: string }) => step.key)).toContain(
      'screening.next.riskAssessment',
    );
    expect(
      exposure.resources.map((resource: { phone: string | null }) => resource.phone),
    ).toContain('020-50 50 50');
    expect(perpetration.nextSteps).toEqual([]);

    const coverage = await leader.client.request(
      'GET',
      `/api/screenings/coverage?from=2026-01-01&to=2027-01-01`,
    );
    expect(coverage.statusCode).toBe(200);
    const rows =
      coverage.json<
        { unitId: string; topic: string; asked: number; notAsked: number; coverage: number }[]
      >();
    expect(
      rows.find((row) => row.unitId === t.world.north.adultUnit.id && row.topic === 'exposure'),
    ).toMatchObject({ asked: 1, notAsked: 0, coverage: 1 });
    expect(
      rows.find((row) => row.unitId === t.world.north.adultUnit.id && row.topic === 'perpetration'),
    ).toMatchObject({ asked: 0, notAsked: 1, coverage: 0 });
    expect(
      (await client.request('GET', `/api/screenings/coverage?from=2026-01-01&to=2027-01-01`))
        .statusCode,
    ).toBe(403);
  });

  it('makes a report of concern in one step, opens the child’s case in barn och unga, and tracks its outcome', async () => {
    const adult = await signedIn(t.world.north.adultUnit.id, 'caseWorker');
    const childWorker = await signedIn(t.world.north.childUnit.id, 'caseWorker');
    const mother = await t.person({
      organisationId: t.world.north.org.id,
      unitId: t.world.north.adultUnit.id,
    });
    const motherCase = await buildCase(adult.client, {
      personId: mother.id,
      unitId: t.world.north.adultUnit.id,
      type: 'adultVictim',
      ownerUserId: adult.user.id,
    });
    await adult.client.request('POST', `/api/cases/${motherCase.id}/children`, {
      body: { answer: 'yes', version: motherCase.version },
    });

    const gapsBefore = (
      await adult.client.request('GET', '/api/work-lists/children-without-investigation')
    ).json();
    expect(gapsBefore).toContainEqual({
      adultCaseId: motherCase.id,
      childCaseId: null,
      childStage: null,
      gap: 'noReport',
    });

    const badNumber = await adult.client.request(
      'POST',
      `/api/cases/${motherCase.id}/reports-of-concern`,
      {
        body: {
          child: {
            givenName: 'Liten',
            familyName: 'Övningsson',
            identityKind: 'personnummer',
            identityNumber: '20150916-0006',
          },
          concern: 'Barnet har sett pappa slå mamma flera gånger.',
        },
      },
    );
    expect(badNumber.statusCode).toBe(400);
    expect(badNumber.json().fields[0].path).toBe('body.child.identityNumber');

    const report = await adult.client.request(
      'POST',
      `/api/cases/${motherCase.id}/reports-of-concern`,
      {
        body: {
          child: {
            givenName: 'Liten',
            familyName: 'Övningsson',
            identityKind: 'personnummer',
            identityNumber: '20001209-9891',
          },
          concern: 'Barnet har sett pappa slå mamma flera gånger.',
        },
      },
    );
    expect(report.statusCode).toBe(201);
    const { childCaseId } = report.json();

    // Barn och unga see the new case on their intake list; the reporter does not see its content.
    const intake = (await childWorker.client.request('GET', '/api/cases')).json<
      { id: string; detectionSource: string }[]
    >();
    expect(intake.find((row) => row.id === childCaseId)).toMatchObject({
      detectionSource: 'reportOfConcern',
    });
    expect((await adult.client.request('GET', `/api/cases/${childCaseId}`)).statusCode).toBe(403);

    const reports = () =>
      adult.client
        .request('GET', `/api/cases/${motherCase.id}/reports-of-concern`)
        .then((response) => response.json());
    expect((await reports())[0]).toMatchObject({
      childName: 'Liten Övningsson',
      outcome: 'pending',
    });
    const gapsPending = (
      await adult.client.request('GET', '/api/work-lists/children-without-investigation')
    ).json();
    expect(gapsPending).toContainEqual({
      adultCaseId: motherCase.id,
      childCaseId,
      childStage: 'intake',
      gap: 'noInvestigation',
    });

    await childWorker.client.request('POST', `/api/cases/${childCaseId}/stage`, {
      body: { to: 'preliminaryAssessment', version: 1 },
    });
    await childWorker.client.request('POST', `/api/cases/${childCaseId}/stage`, {
      body: { to: 'investigation', version: 2 },
    });
    expect((await reports())[0].outcome).toBe('investigationOpened');
    const gapsAfter = (
      await adult.client.request('GET', '/api/work-lists/children-without-investigation')
    ).json<{ adultCaseId: string }[]>();
    expect(gapsAfter.filter((gap) => gap.adultCaseId === motherCase.id)).toEqual([]);

    const stored = await asSystem(t.database.db, (tx) =>
      tx
        .selectFrom('reportsOfConcern')
        .select('concernEnc')
        .where('childCaseId', '=', childCaseId)
        .executeTakeFirstOrThrow(),
    );
    expect(stored.concernEnc).not.toContain('pappa');
  });

  it('refers a person from another unit to the VINR team only with consent across secrecy areas', async () => {
    const income = await signedIn(t.world.north.childUnit.id, 'caseWorker');
    const vinr = await signedIn(t.world.north.adultUnit.id, 'caseWorker');
    const person = await t.person({
      organisationId: t.world.north.org.id,
      unitId: t.world.north.childUnit.id,
    });
    expect((await vinr.client.request('GET', `/api/persons/${person.id}`)).statusCode).toBe(403);

    const body = {
      personId: person.id,
      fromUnitId: t.world.north.childUnit.id,
      toUnitId: t.world.north.adultUnit.id,
      type: 'adultVictim',
    };
    const withoutConsent = await income.client.request('POST', '/api/referrals', {
      body: { ...body, clientConsent: false },
    });
    expect(withoutConsent.statusCode).toBe(422);
    expect(withoutConsent.json()).toMatchObject({
      reason: 'referral.consent_required',
      title: expect.stringContaining('samtycker'),
    });

    const referred = await income.client.request('POST', '/api/referrals', {
      body: { ...body, clientConsent: true },
    });
    expect(referred.statusCode).toBe(201);
    expect(referred.json().case).toBeNull();
    const intake = (await vinr.client.request('GET', '/api/cases')).json<
      { id: string; referral: unknown; ownerUserId: string | null }[]
    >();
    expect(intake.find((row) => row.id === referred.json().caseId)).toMatchObject({
      ownerUserId: null,
      referral: { fromUnitId: t.world.north.childUnit.id, clientConsent: true },
    });
    expect((await vinr.client.request('GET', `/api/persons/${person.id}`)).statusCode).toBe(200);
  });

  it('keeps a dated timeline with sources, flags events that change the risk, and refuses future dates', async () => {
    const { client, user } = await signedIn(t.world.north.adultUnit.id, 'caseWorker');
    const person = await t.person({
      organisationId: t.world.north.org.id,
      unitId: t.world.north.adultUnit.id,
    });
    const opened = await buildCase(client, {
      personId: person.id,
      unitId: t.world.north.adultUnit.id,
      type: 'adultVictim',
      ownerUserId: user.id,
    });
    const future = await client.request('POST', `/api/cases/${opened.id}/events`, {
      body: { kind: 'incident', occurredOn: '2026-12-24', source: 'client' },
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().fields[0].path).toBe('body.occurredOn');
    const delgivning = await client.request('POST', `/api/cases/${opened.id}/events`, {
      body: {
        kind: 'noticeOfSuspicion',
        occurredOn: '2026-11-20',
        source: 'police',
        description: 'Mannen delgavs misstanke om grov fridskränkning',
      },
    });
    expect(delgivning.json()).toMatchObject({ triggersReassessment: true });
    await client.request('POST', `/api/cases/${opened.id}/events`, {
      body: { kind: 'policeReport', occurredOn: '2026-11-02', source: 'client' },
    });
    const detail = (await client.request('GET', `/api/cases/${opened.id}`)).json();
    expect(
      detail.events.map(
        (event: { kind: string; occurredOn: string }) => `${event.occurredOn} ${event.kind}`,
      ),
    ).toEqual(['2026-11-02 policeReport', '2026-11-20 noticeOfSuspicion']);
    expect(detail.events[1]).toMatchObject({
      source: 'police',
      description: 'Mannen delgavs misstanke om grov fridskränkning',
    });
    const stored = await asSystem(t.database.db, (tx) =>
      tx
        .selectFrom('caseEvents')
        .select('descriptionEnc')
        .where('caseId', '=', opened.id)
        .execute(),
    );
    expect(JSON.stringify(stored)).not.toContain('fridskränkning');
  });
});
