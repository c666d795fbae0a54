import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  completeness,
  emptyContent,
  factorFindings,
  scoreOf,
  signingProblems,
  type AssessmentContent,
} from '../../../domain/risk/assessment';
import { buildCatalogue } from '../../../domain/risk/catalogue';
import { instrumentJsonSchema } from '../../../domain/risk/instrument-json-schema';
import { riskPicture } from '../../../domain/risk/risk-picture';
import { instrumentsDir, loadInstrumentCatalogue } from './instruments';

const catalogue = loadInstrumentCatalogue();
const freda = catalogue.instruments.get('freda-farlighetsbedomning')!;
const sara = catalogue.instruments.get('sara-sv')!;

const fredaAll = (value: 'yes' | 'no' | 'unknown'): AssessmentContent => ({
  ...emptyContent(),
  answers: Object.fromEntries(
    freda.sections.flatMap((section) => section.items).map((item) => [item.id, { value }]),
  ),
});

describe('the shipped instrument catalogue', () => {
  it('loads every definition in instruments/', () => {
    expect([...catalogue.instruments.keys()]).toEqual(
      expect.arrayContaining(['freda-farlighetsbedomning', 'sara-sv']),
    );
  });

  it('has a JSON Schema file that matches the format', () => {
    const onDisk: unknown = JSON.parse(
      readFileSync(join(instrumentsDir, 'instrument.schema.json'), 'utf8'),
    );
    expect(onDisk, 'run npm run instruments:schema').toEqual(instrumentJsonSchema());
  });

  it('refuses a definition that names a factor outside the shared vocabulary, saying where', () => {
    const broken = structuredClone(freda) as { sections: { items: { factors: string[] }[] }[] };
    broken.sections[0]!.items[0]!.factors = ['noSuchFactor'];
    expect(() =>
      buildCatalogue(catalogue.factors, [{ file: 'broken.json', json: broken }]),
    ).toThrow('broken.json: sections[0].items[0].factors[0]: unknown factor "noSuchFactor"');
  });
});

describe('assessing with FREDA-farlighetsbedömning and SARA:SV', () => {
  it('counts yes answers as FREDA’s score and leaves the judgement to the assessor', () => {
    expect(scoreOf(freda, fredaAll('yes'))).toBe(15);
    expect(scoreOf(freda, fredaAll('unknown'))).toBe(0);
    expect(scoreOf(sara, emptyContent())).toBeNull();
    const problems = signingProblems(freda, fredaAll('yes')).map((problem) => problem.path);
    expect(problems).toEqual(
      expect.arrayContaining([
        'judgements.continuedViolence',
        'finalJudgement.level',
        'finalJudgement.reasons',
      ]),
    );
  });

  it('shows how complete an assessment is and lists the unknown items before signing', () => {
    const content = fredaAll('no');
    content.answers.strangulation = { value: 'unknown' };
    delete content.answers.weapons;
    const measured = completeness(freda, content);
    expect(measured).toMatchObject({
      items: 15,
      answered: 14,
      unknown: ['strangulation'],
      missing: ['weapons'],
    });
    expect(measured.share).toBeCloseTo(13 / 15);
  });

  it('signs once every required part is filled in', () => {
    const content: AssessmentContent = {
      ...fredaAll('no'),
      judgements: { continuedViolence: 'medium', severeViolence: 'low' },
      victimAppraisal: { level: 'medium', words: null },
      finalJudgement: {
        level: 'medium',
        reasons: 'Hot förekommer men inga tecken på upptrappning.',
      },
    };
    expect(signingProblems(freda, content)).toEqual([]);
  });

  it('puts both instruments in one picture and marks where they disagree', () => {
    const fredaContent = fredaAll('no');
    fredaContent.answers.strangulation = { value: 'yes' };
    const saraContent: AssessmentContent = {
      ...emptyContent(),
      answers: { violentActs: { value: 'absent' }, escalation: { value: 'present' } },
    };
    const picture = riskPicture(catalogue.factors, [
      {
        assessmentId: 's',
        instrumentId: 'sara-sv',
        signedAt: '2026-11-20T10:00:00Z',
        origin: 'police',
        findings: factorFindings(sara, saraContent),
        finalLevel: 'high',
      },
      {
        assessmentId: 'f',
        instrumentId: 'freda-farlighetsbedomning',
        signedAt: '2026-11-10T10:00:00Z',
        origin: 'own',
        findings: factorFindings(freda, fredaContent),
        finalLevel: 'medium',
      },
    ]);
    expect(picture.columns.map((column) => column.assessmentId)).toEqual(['f', 's']);
    const row = (factor: string) => picture.rows.find((entry) => entry.factor === factor);
    // FREDA says escalation is absent, SARA:SV that it is present.
    expect(row('escalation')).toMatchObject({ cells: ['absent', 'present'], disagreement: true });
    // Only FREDA asked about strangulation; SARA:SV's silence is not a "no".
    expect(row('strangulation')).toMatchObject({ cells: ['present', null], disagreement: false });
    expect(row('physicalViolence')).toMatchObject({
      cells: ['absent', 'absent'],
      disagreement: false,
    });
  });
});
