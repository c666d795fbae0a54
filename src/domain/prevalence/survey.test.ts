import { describe, expect, it } from 'vitest';
import { acceptsReports, checkSurvey, compareWithRecords, type RecordedCase } from './survey';

const survey = { opensOn: '2026-11-01', closesOn: '2026-11-30' };
const recorded = (overrides: Partial<RecordedCase>): RecordedCase => ({
  unitId: 'ekb',
  type: 'adultVictim',
  hrv: false,
  openedOn: '2026-10-01',
  closedOn: null,
  ...overrides,
});

describe('point-prevalence survey', () => {
  it('sets what staff know beside what the records hold, and names the dark figure', () => {
    const rows = compareWithRecords(
      survey,
      ['ekb', 'missbruk'],
      [
        { unitId: 'ekb', category: 'adultVictim', count: 9 },
        { unitId: 'ekb', category: 'honourRelated', count: 0 },
      ],
      [
        recorded({}),
        recorded({ hrv: true }),
        // Closed before the survey began, and opened after it ended: neither counts.
        recorded({ closedOn: '2026-10-20' }),
        recorded({ openedOn: '2026-12-01' }),
        recorded({ unitId: 'missbruk', type: 'perpetrator' }),
      ],
    );
    const row = (unitId: string, category: string) =>
      rows.find((entry) => entry.unitId === unitId && entry.category === category)!;
    expect(row('ekb', 'adultVictim')).toEqual({
      unitId: 'ekb',
      category: 'adultVictim',
      reported: 9,
      recorded: 2,
      darkFigure: 7,
    });
    // More in the records than staff reported is no dark figure.
    expect(row('ekb', 'honourRelated')).toMatchObject({ reported: 0, recorded: 1, darkFigure: 0 });
    // A unit that has not reported has no dark figure, only its records.
    expect(row('missbruk', 'perpetrator')).toMatchObject({
      reported: null,
      recorded: 1,
      darkFigure: null,
    });
    expect(rows).toHaveLength(8);
  });

  it('is time-boxed, and takes late reports for a week', () => {
    expect(checkSurvey({ title: 'Mätning hösten 2026', ...survey })).toEqual([]);
    expect(
      checkSurvey({ title: 'Mätning', opensOn: '2026-01-01', closesOn: '2026-06-30' })[0]!.field,
    ).toBe('closesOn');
    expect(acceptsReports(survey, '2026-10-31')).toBe(false);
    expect(acceptsReports(survey, '2026-12-07')).toBe(true);
    expect(acceptsReports(survey, '2026-12-08')).toBe(false);
  });
});
