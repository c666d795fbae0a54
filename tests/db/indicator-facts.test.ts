import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { asSystem, inScope } from '../../src/server/platform/db/transaction';
import { organisationFacts } from '../../src/server/features/indicators/facts.repository';
import { loadInstrumentCatalogue } from '../../src/server/platform/catalogues/instruments';
import { buildUser } from '../factories/world';
import { engineAvailable } from '../helpers/test-database';
import { useTestWorld } from '../helpers/test-world';

/**
 * The one statement that reads a municipality's records for the indicators: every part of a
 * case it carries (transitions, grants, stays, assessments, plans, ratings, linked children)
 * comes back as the domain's facts, Swedish calendar days included, and another
 * municipality's rows never do.
 */
describe.runIf(engineAvailable)('indicator facts from the database', () => {
  const t = useTestWorld({ app: false });
  const instruments = loadInstrumentCatalogue();

  it('reads every part of a case as facts, in Swedish days, for the organisation only', async () => {
    const north = t.world.north;
    const user = await buildUser(t.database, {
      organisationId: north.org.id,
      unitId: north.adultUnit.id,
      role: 'teamLeader',
    });
    const other = await buildUser(t.database, {
      organisationId: t.world.south.org.id,
      unitId: t.world.south.adultUnit.id,
      role: 'teamLeader',
    });
    const ids = await asSystem(t.database.db, async (tx) => {
      const person = async (organisationId: string, unitId: string) =>
        (
          await tx
            .insertInto('persons')
            .values({
              organisationId,
              unitId,
              givenName: 'Fakta',
              familyName: 'Testsson',
              protectionLevel: 'none',
              fictitious: true,
              updatedAt: new Date(),
            })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id;
      const openCase = async (values: {
        organisationId: string;
        unitId: string;
        type: 'adultVictim' | 'childExposed';
        openedAt: string;
        closedAt?: string;
        createdBy: string;
      }) =>
        (
          await tx
            .insertInto('cases')
            .values({
              organisationId: values.organisationId,
              unitId: values.unitId,
              personId: await person(values.organisationId, values.unitId),
              type: values.type,
              stage: values.closedAt ? 'closed' : 'investigation',
              childrenAnswer: values.type === 'adultVictim' ? 'yes' : null,
              openedAt: new Date(values.openedAt),
              closedAt: values.closedAt ? new Date(values.closedAt) : null,
              createdBy: values.createdBy,
            })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id;
      // 23:30 UTC on 31 December is already New Year's Day in Sweden.
      const adult = await openCase({
        organisationId: north.org.id,
        unitId: north.adultUnit.id,
        type: 'adultVictim',
        openedAt: '2025-12-31T23:30:00Z',
        closedAt: '2026-09-01T10:00:00Z',
        createdBy: user.id,
      });
      const child = await openCase({
        organisationId: north.org.id,
        unitId: north.childUnit.id,
        type: 'childExposed',
        openedAt: '2026-02-01T10:00:00Z',
        createdBy: user.id,
      });
      await openCase({
        organisationId: t.world.south.org.id,
        unitId: t.world.south.adultUnit.id,
        type: 'adultVictim',
        openedAt: '2026-03-01T10:00:00Z',
        createdBy: other.id,
      });
      const transition = (
        caseId: string,
        from: string | null,
        to: string,
        at: string,
        goal: string | null = null,
      ) =>
        sql`insert into case_transitions (organisation_id, case_id, from_stage, to_stage, decided_by, decided_at, goal_attainment)
            values (${north.org.id}, ${caseId}, ${from}, ${to}, ${user.id}, ${at}, ${goal})`.execute(
          tx,
        );
      await transition(adult, null, 'intake', '2025-12-31T23:30:00Z');
      await transition(adult, 'intake', 'investigation', '2026-01-05T09:00:00Z');
      await transition(adult, 'intervention', 'closed', '2026-09-01T10:00:00Z', 'partlyReached');
      await transition(child, 'preliminaryAssessment', 'investigation', '2026-02-10T09:00:00Z');
      await tx
        .insertInto('caseLinks')
        .values({
          organisationId: north.org.id,
          caseId: adult,
          linkedCaseId: child,
          kind: 'parentChild',
          createdBy: user.id,
          createdAt: new Date(),
        })
        .execute();
      const type = await tx
        .insertInto('interventionTypes')
        .values({
          organisationId: north.org.id,
          name: 'Stödsamtal',
          target: 'victim',
          eligibility: 'decision',
          provider: 'ownUnit',
          defaultSessions: 5,
          createdAt: new Date(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await tx
        .insertInto('grantedInterventions')
        .values({
          organisationId: north.org.id,
          caseId: adult,
          typeId: type.id,
          grantedSessions: 5,
          decidedOn: '2026-02-01',
          decidedBy: user.id,
          goalsEnc: '-',
          materialsEnc: '-',
          adaptationsEnc: '-',
          createdAt: new Date(),
        })
        .returning('id')
        .executeTakeFirstOrThrow()
        .then(({ id: interventionId }) =>
          // The wait ends at the first session she came to: not a missed one, not a call between.
          tx
            .insertInto('interventionSessions')
            .values(
              (
                [
                  ['2026-02-05', 'session', 'noShow'],
                  ['2026-02-06', 'betweenContact', 'attended'],
                  ['2026-02-20', 'session', 'attended'],
                  ['2026-02-12', 'session', 'attended'],
                ] as const
              ).map(([heldOn, kind, outcome]) => ({
                organisationId: north.org.id,
                interventionId,
                heldOn,
                kind,
                mode: 'inPerson' as const,
                outcome,
                noteEnc: '-',
                recordedBy: user.id,
                recordedAt: new Date(),
              })),
            )
            .execute(),
        );
      await tx
        .insertInto('housingPlacements')
        .values({
          organisationId: north.org.id,
          caseId: adult,
          providerName: 'Skyddat boende',
          startOn: '2026-01-06',
          endOn: '2026-03-01',
          exitDestination: 'ownHousing',
          createdBy: user.id,
          createdAt: new Date(),
        })
        .execute();
      const adultPerson = await tx
        .selectFrom('cases')
        .select('personId')
        .where('id', '=', adult)
        .executeTakeFirstOrThrow();
      for (const [instrumentId, level] of [
        ['freda-farlighetsbedomning', 'high'],
        ['professional-judgement', null],
      ] as const)
        await sql`insert into risk_assessments (organisation_id, case_id, subject_person_id, subject_role, instrument_id,
                    instrument_version, origin, mode, assessor_user_id, content_enc, completeness, final_level,
                    created_at, updated_at, signed_at, signed_by)
                  values (${north.org.id}, ${adult}, ${adultPerson.personId}, 'victim', ${instrumentId}, '1.0.0', 'own',
                    'inPerson', ${user.id}, '-', 1, ${level}, now(), now(), '2026-01-07T22:30:00Z', ${user.id})`.execute(
          tx,
        );
      await tx
        .insertInto('safetyPlans')
        .values({
          organisationId: north.org.id,
          caseId: adult,
          reviewOn: '2026-02-07',
          createdAt: new Date(),
          updatedAt: new Date(),
        })
        .execute();
      for (const [ratedOn, safety, violence] of [
        ['2026-01-10', 3, 'threats'],
        ['2026-08-20', 7, 'none'],
      ] as const)
        await tx
          .insertInto('clientRatings')
          .values({
            organisationId: north.org.id,
            caseId: adult,
            phase: 'start',
            ratedOn,
            wellbeing: 5,
            safety,
            violence,
            commentEnc: '-',
            recordedBy: user.id,
            recordedAt: new Date(),
          })
          .execute();
      return { adult, child };
    });

    const facts = await inScope(
      t.database.db,
      { organisationId: north.org.id, userId: user.id },
      (tx) => organisationFacts(tx, north.org.id, instruments),
    );
    expect(facts.cases).toHaveLength(2);
    const adult = facts.cases.find((fact) => fact.caseId === ids.adult)!;
    expect(adult).toEqual({
      caseId: ids.adult,
      unitId: north.adultUnit.id,
      type: 'adultVictim',
      hrv: false,
      openedOn: '2026-01-01',
      closedOn: '2026-09-01',
      closedFrom: 'intervention',
      goal: 'partlyReached',
      childrenAnswer: 'yes',
      investigationOn: '2026-01-05',
      interventionDays: ['2026-02-01', '2026-01-06'],
      grantedInterventions: [{ decidedOn: '2026-02-01', firstSessionOn: '2026-02-12' }],
      assessments: expect.arrayContaining([
        { signedOn: '2026-01-07', level: 'high', standardised: true },
        { signedOn: '2026-01-07', level: null, standardised: false },
      ]),
      childCases: [{ investigationOn: '2026-02-10' }],
      planReviews: ['2026-02-07'],
      ratings: expect.arrayContaining([
        { ratedOn: '2026-01-10', safety: 3, wellbeing: 5, violence: 'threats' },
        { ratedOn: '2026-08-20', safety: 7, wellbeing: 5, violence: 'none' },
      ]),
      placements: [{ startOn: '2026-01-06', endOn: '2026-03-01' }],
    });
    expect(facts.cases.find((fact) => fact.caseId === ids.child)).toMatchObject({
      type: 'childExposed',
      investigationOn: '2026-02-10',
      closedOn: null,
      goal: null,
      interventionDays: [],
      childCases: [],
    });
  });
});
