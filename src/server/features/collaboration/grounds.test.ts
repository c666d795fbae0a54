import { loadDisclosureGrounds } from '../../platform/catalogues/disclosure-grounds';

import { describe, expect, it } from 'vitest';
import {
  checkDisclosure,
  groundCatalogueSchema,
  weighGrounds,
  type DisclosureSituation,
} from '../../../domain/collaboration/grounds';

const catalogue = loadDisclosureGrounds();

const adultToPolice: DisclosureSituation = {
  recipientKind: 'police',
  subjectAge: 34,
  consentCovers: false,
  concernsChild: false,
};
const applying = (situation: DisclosureSituation) =>
  weighGrounds(catalogue, situation)
    .filter((entry) => entry.applies)
    .map((entry) => entry.code);

describe('disclosure grounds', () => {
  it('ships the grounds the law offers, each with plain guidance', () => {
    expect(catalogue.grounds.map((ground) => ground.code)).toEqual(
      expect.arrayContaining([
        'consent',
        'noHarm',
        'ownActivity',
        'preventViolence',
        'youthToPolice',
        'dutyToReport',
        'courtOrProsecutor',
        'other',
      ]),
    );
    for (const ground of catalogue.grounds) expect(ground.guidance.sv.length).toBeGreaterThan(40);
  });

  it('shows which grounds could apply for an adult and the police', () => {
    expect(applying(adultToPolice)).toEqual([
      'noHarm',
      'ownActivity',
      'preventViolence',
      'crimeAgainstChild',
      'crimeMinimumOneYear',
      'other',
    ]);
    const youth = applying({ ...adultToPolice, subjectAge: 19 });
    expect(youth).toContain('youthToPolice');
    expect(applying({ ...adultToPolice, subjectAge: null })).not.toContain('youthToPolice');
    expect(applying({ ...adultToPolice, consentCovers: true })).toContain('consent');
  });

  it('weighs a request from the police or a prosecutor on the grounds about suspected crime', () => {
    const prosecutor = { ...adultToPolice, recipientKind: 'prosecutorOrCourt' as const };
    expect(applying(prosecutor)).toEqual(
      expect.arrayContaining(['crimeAgainstChild', 'crimeMinimumOneYear', 'courtOrProsecutor']),
    );
    const internal = { ...adultToPolice, recipientKind: 'internal' as const };
    expect(applying(internal)).not.toContain('crimeAgainstChild');
    // Every ground but "other" names its provisions from the law catalogue.
    for (const ground of catalogue.grounds)
      expect(ground.legalReferences.length > 0, ground.code).toBe(ground.code !== 'other');
  });

  it('keeps police-only grounds from other recipients and the duty to report to children', () => {
    const internal = { ...adultToPolice, recipientKind: 'internal' as const };
    expect(applying(internal)).not.toContain('preventViolence');
    expect(applying(internal)).not.toContain('dutyToReport');
    expect(applying({ ...internal, concernsChild: true })).toContain('dutyToReport');
    const why = weighGrounds(catalogue, internal).find((entry) => entry.code === 'preventViolence');
    expect(why?.whyNotSv).toMatch(/mottagaren/);
  });

  it('refuses a disclosure without a ground, with a ground that does not apply, or without an assessment', () => {
    const decide = (groundCode: string | null, assessmentNote = '', provisionText = '') =>
      checkDisclosure(catalogue, adultToPolice, { groundCode, assessmentNote, provisionText });
    expect(decide(null)).toEqual([expect.objectContaining({ field: 'groundCode' })]);
    expect(decide('consent')[0]).toMatchObject({ field: 'groundCode', message: /samtycke/ });
    expect(decide('dutyToReport')[0]?.field).toBe('groundCode');
    expect(decide('preventViolence', 'kort')).toEqual([
      expect.objectContaining({ field: 'assessmentNote' }),
    ]);
    expect(
      decide('preventViolence', 'Han sa att han ska döda henne när hon kommer hem i kväll.'),
    ).toEqual([]);
    expect(
      decide('other', 'Begäran enligt särskild lag, se bifogat beslut från myndigheten.').map(
        (problem) => problem.field,
      ),
    ).toEqual(['provisionText']);
  });

  it('refuses a catalogue with the same code twice', () => {
    const twice = { ...catalogue, grounds: [...catalogue.grounds, catalogue.grounds[0]] };
    expect(groundCatalogueSchema.safeParse(twice).success).toBe(false);
  });
});
