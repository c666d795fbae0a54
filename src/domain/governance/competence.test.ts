import { describe, expect, it } from 'vitest';
import { competenceState, requiredCourses, type CompetenceCatalogue } from './competence';

const catalogue: CompetenceCatalogue = {
  version: '1.0.0',
  courses: [
    { code: 'nckWebCourse', name: { sv: 'Webbkursen', en: 'Web course' }, renewMonths: 24 },
    {
      code: 'fredaDanger',
      name: { sv: 'FREDA', en: 'FREDA' },
      instrumentId: 'freda-farlighetsbedomning',
    },
  ],
  requirements: { caseWorker: ['nckWebCourse', 'fredaDanger'], teamLeader: ['nckWebCourse'] },
};

describe('the competence register', () => {
  it('holds a course for its renewal period, warns 60 days before, and says when it lapsed', () => {
    const web = { renewMonths: 24 };
    expect(competenceState(web, [], '2026-11-25')).toEqual({ state: 'missing', validUntil: null });
    expect(competenceState(web, ['2025-03-01'], '2026-11-25')).toEqual({
      state: 'valid',
      validUntil: '2027-03-01',
    });
    expect(competenceState(web, ['2025-01-10'], '2026-11-25').state).toBe('expiring');
    // The latest completion counts; an older one that lapsed does not.
    expect(competenceState(web, ['2022-01-10', '2024-06-01'], '2026-11-25')).toEqual({
      state: 'expired',
      validUntil: '2026-06-01',
    });
    expect(competenceState({}, ['2019-05-05'], '2026-11-25').state).toBe('valid');
  });

  it('adds up what each of a person’s roles needs, once', () => {
    expect(requiredCourses(catalogue, ['caseWorker', 'teamLeader'])).toEqual([
      'nckWebCourse',
      'fredaDanger',
    ]);
    expect(requiredCourses(catalogue, ['police'])).toEqual([]);
  });
});
