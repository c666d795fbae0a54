import { describe, expect, it } from 'vitest';
import { addMonths } from '../calendar';
import { checkRating, checkSatisfaction, followUpDates, ratingChange } from './ratings';

const today = '2026-11-25';

describe('following the client', () => {
  it('takes 0–10 ratings made today or earlier', () => {
    const rating = {
      phase: 'start' as const,
      ratedOn: today,
      wellbeing: 3,
      safety: 2,
      violence: 'threats' as const,
    };
    expect(checkRating(rating, today)).toEqual([]);
    expect(
      checkRating({ ...rating, wellbeing: 11, safety: -1, ratedOn: '2026-12-01' }, today),
    ).toEqual([
      expect.objectContaining({ field: 'wellbeing' }),
      expect.objectContaining({ field: 'safety' }),
      expect.objectContaining({ field: 'ratedOn' }),
    ]);
  });

  it('shows the change from the first to the latest rating, whatever order they were entered in', () => {
    expect(ratingChange([{ ratedOn: today, wellbeing: 3, safety: 2 }])).toBeNull();
    expect(
      ratingChange([
        { ratedOn: '2026-12-20', wellbeing: 7, safety: 8 },
        { ratedOn: '2026-09-01', wellbeing: 3, safety: 2 },
        { ratedOn: '2026-10-15', wellbeing: 5, safety: 4 },
      ]),
    ).toEqual({ wellbeing: { from: 3, to: 7 }, safety: { from: 2, to: 8 } });
  });

  it('schedules follow-up at 6 and 12 months only with consent', () => {
    expect(followUpDates('2026-11-25', true)).toEqual(['2027-05-25', '2027-11-25']);
    expect(followUpDates('2026-08-31', true)).toEqual(['2027-02-28', '2027-08-31']);
    expect(followUpDates('2026-11-25', false)).toEqual([]);
    expect(addMonths('2027-12-15', 1)).toBe('2028-01-15');
  });

  it('asks which intervention or housing a satisfaction answer is about', () => {
    const answer = {
      subject: 'housing' as const,
      interventionTypeId: null,
      housingProvider: 'Skyddat boende Övningsås',
      score: 4,
    };
    expect(checkSatisfaction(answer)).toEqual([]);
    expect(checkSatisfaction({ ...answer, housingProvider: '', score: 6 })).toEqual([
      expect.objectContaining({ field: 'score' }),
      expect.objectContaining({ field: 'housingProvider' }),
    ]);
    expect(checkSatisfaction({ ...answer, subject: 'intervention' })).toEqual([
      expect.objectContaining({ field: 'interventionTypeId' }),
    ]);
  });
});
