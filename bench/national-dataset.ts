import { sql, type Kysely } from 'kysely';
import type { Database } from '../src/server/platform/db/schema';
import { asSystem } from '../src/server/platform/db/transaction';

/**
 * An invented national dataset for the indicator benchmark: 290 municipalities in 29 invented
 * counties (codes 26–54, which no Swedish county has), an adult population per municipality
 * with a long tail like Sweden's, and about 30 cases per 10,000 adults spread over 2025–2026
 * with investigations, decisions, risk assessments, plans, protected housing, the person's own
 * ratings, closures with goal attainment and routine questions. Everything is flagged
 * fictitious; no name or number means anything. Built in SQL so 290 municipalities seed in
 * seconds; the random choices live in one temporary table so every table agrees.
 */
export const seedNationalDataset = (db: Kysely<Database>, municipalities = 290) =>
  asSystem(db, async (tx) => {
    await sql`
      insert into organisations (kind, name, scb_code, county_code, fictitious)
      select 'municipality', 'Benchkommun ' || g,
             (26 + g / 10)::text || lpad((g % 10)::text, 2, '0'), (26 + g / 10)::text, true
      from generate_series(0, ${sql.lit(municipalities - 1)}) g;
      insert into units (organisation_id, name, kind)
      select o.id, k.name, k.kind from organisations o
      cross join (values ('Vuxenenheten', 'adultVinr'), ('Barn och unga', 'childrenAndYoung'),
                         ('Försörjningsstöd', 'financialSupport')) k(name, kind);
      insert into users (username, display_name, fictitious)
      select 'bench-' || scb_code, 'Bench', true from organisations;
      insert into population_figures (scb_code, year, adults, source, loaded_at)
      select scb_code, 2026, floor(2000 + 26000 * power(-ln(1 - random()), 1.5))::int, 'bench', now()
      from organisations;
      insert into intervention_types (organisation_id, name, target, eligibility, provider,
                                      default_sessions, created_at)
      select id, 'Stödsamtal', 'victim', 'decision', 'ownUnit', 10, now() from organisations;

      create temporary table bench_cases on commit drop as
      select gen_random_uuid() as case_id, gen_random_uuid() as person_id, o.id as org,
             u.id as unit, f.id as screening_unit, us.id as usr, t.id as intervention_type,
             (array['adultVictim','adultVictim','adultVictim','perpetrator','childExposed'])
               [1 + floor(random() * 5)::int] as type,
             random() < 0.05 as hrv,
             timestamptz '2025-07-01 08:00+02' + random() * interval '540 days' as opened_at,
             random() as r1, random() as r2, random() as r3, random() as r4, random() as r5
      from organisations o
      join units u on u.organisation_id = o.id and u.kind = 'adultVinr'
      join units f on f.organisation_id = o.id and f.kind = 'financialSupport'
      join users us on us.username = 'bench-' || o.scb_code
      join intervention_types t on t.organisation_id = o.id
      join population_figures p on p.scb_code = o.scb_code
      cross join lateral generate_series(1, greatest(2, round(p.adults * 30 / 10000.0)::int));

      alter table bench_cases
        add column investigated_at timestamptz, add column granted_on date,
        add column closed_at timestamptz, add column goal text, add column assessed_at timestamptz;
      update bench_cases set investigated_at = opened_at + r1 * interval '20 days'
        where r1 < (case when type = 'childExposed' then 0.5 else 0.7 end);
      update bench_cases set granted_on = (investigated_at + interval '10 days')::date
        where investigated_at is not null and r2 < 0.6;
      update bench_cases set closed_at = opened_at + interval '60 days' + r3 * interval '200 days'
        where r3 < 0.5;
      update bench_cases set closed_at = null where closed_at > timestamptz '2026-11-24';
      update bench_cases set goal = case when r4 < 0.4 then 'reached' when r4 < 0.7 then 'partlyReached'
                                         when r4 < 0.9 then 'notReached' else 'notAssessable' end
        where closed_at is not null and granted_on is not null;
      update bench_cases set assessed_at = investigated_at + interval '3 days'
        where type = 'adultVictim' and investigated_at is not null and r4 < 0.65;

      insert into persons (id, organisation_id, unit_id, given_name, family_name, fictitious)
      select person_id, org, unit, 'Bench', 'Person', true from bench_cases;
      insert into cases (id, organisation_id, unit_id, person_id, type, hrv, stage, children_answer,
                         opened_at, closed_at, created_by)
      select case_id, org, unit, person_id, type, hrv,
             case when closed_at is not null then 'closed' when granted_on is not null then 'intervention'
                  when investigated_at is not null then 'investigation' else 'intake' end,
             case when type = 'childExposed' then null when r5 < 0.3 then 'yes' else 'none' end,
             opened_at, closed_at, usr
      from bench_cases;
      insert into case_transitions (organisation_id, case_id, from_stage, to_stage, decided_by, decided_at)
      select org, case_id, null, 'intake', usr, opened_at from bench_cases
      union all
      select org, case_id, 'intake', 'investigation', usr, investigated_at
        from bench_cases where investigated_at is not null;
      insert into case_transitions (organisation_id, case_id, from_stage, to_stage, decided_by,
                                    decided_at, goal_attainment)
      select org, case_id, case when granted_on is not null then 'intervention' else 'investigation' end,
             'closed', usr, closed_at, goal
      from bench_cases where closed_at is not null;
      insert into granted_interventions (organisation_id, case_id, type_id, granted_sessions,
                                         decided_on, decided_by, goals_enc, materials_enc,
                                         adaptations_enc, created_at)
      select org, case_id, intervention_type, 10, granted_on, usr, '-', '-', '-', now()
      from bench_cases where granted_on is not null;
      -- Three sessions per intervention, the first a few days to a month after the decision.
      insert into intervention_sessions (organisation_id, intervention_id, held_on, kind, mode,
                                         outcome, note_enc, recorded_by, recorded_at)
      select g.organisation_id, g.id, g.decided_on + 3 + (random() * 27)::int + n * 7, 'session',
             'inPerson', case when random() < 0.1 then 'noShow' else 'attended' end, '-',
             g.decided_by, now()
      from granted_interventions g cross join generate_series(0, 2) as n;
      insert into risk_assessments (organisation_id, case_id, subject_person_id, subject_role,
                                    instrument_id, instrument_version, origin, mode,
                                    assessor_user_id, content_enc, completeness, final_level,
                                    created_at, updated_at, signed_at, signed_by)
      select org, case_id, person_id, 'victim',
             case when r5 < 0.6 then 'freda-farlighetsbedomning' else 'professional-judgement' end,
             '1.0.0', 'own', 'inPerson', usr, '-', 1,
             case when r2 < 0.2 then 'high' when r2 < 0.5 then 'medium' else 'low' end,
             assessed_at, assessed_at, assessed_at, usr
      from bench_cases where assessed_at is not null;
      insert into safety_plans (organisation_id, case_id, review_on, created_at, updated_at)
      select org, case_id, (assessed_at + interval '30 days')::date, assessed_at, assessed_at
      from bench_cases where assessed_at is not null and r1 < 0.5;
      insert into housing_placements (organisation_id, case_id, provider_name, start_on, end_on,
                                      exit_destination, created_by, created_at)
      select org, case_id, 'Skyddat boende', granted_on,
             case when granted_on + 7 + (r1 * 90)::int < date '2026-11-24'
                  then granted_on + 7 + (r1 * 90)::int end,
             case when granted_on + 7 + (r1 * 90)::int < date '2026-11-24' then 'ownHousing' end,
             usr, now()
      from bench_cases where granted_on is not null and type = 'adultVictim' and r5 < 0.12;
      insert into client_ratings (organisation_id, case_id, phase, rated_on, wellbeing, safety,
                                  violence, comment_enc, recorded_by, recorded_at)
      select org, case_id, 'start', granted_on, 3 + (r1 * 4)::int, 2 + (r2 * 4)::int, 'threats',
             '-', usr, now()
      from bench_cases where granted_on is not null and r3 < 0.6
      union all
      select org, case_id, 'end', granted_on + 60, 4 + (r2 * 6)::int, 3 + (r3 * 7)::int,
             case when r4 < 0.7 then 'none' else 'threats' end, '-', usr, now()
      from bench_cases where granted_on is not null and r3 < 0.6 and granted_on + 60 < date '2026-11-24';
      insert into screenings (organisation_id, unit_id, person_id, topic, outcome, not_asked_reason,
                              asked_by, asked_at)
      select org, screening_unit, person_id, 'exposure',
             case when r1 < 0.2 then 'notAsked' when r1 < 0.3 then 'positive' else 'negative' end,
             case when r1 < 0.2 then 'othersPresent' end, usr, opened_at - interval '1 day'
      from bench_cases;
      analyze;
    `.execute(tx);
    const counts = await sql<{ cases: string; municipalities: string }>`
      select (select count(*) from cases) as cases,
             (select count(*) from organisations where kind = 'municipality') as municipalities
    `.execute(tx);
    return {
      cases: Number(counts.rows[0]!.cases),
      municipalities: Number(counts.rows[0]!.municipalities),
    };
  });
