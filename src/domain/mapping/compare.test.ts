import { describe, expect, it } from 'vitest';
import {
  answersByTheme,
  scaleByMunicipality,
  trendAcrossRounds,
  type SessionFacts,
} from './compare';
import { checkAnswer } from './answers';
import type { MappingItem } from './template';

const session = (municipalityId: string, label: string, scale: number | null): SessionFacts => ({
  municipalityId,
  label,
  scale,
  openAnswers: [],
});

describe('mapping comparisons', () => {
  it('averages each municipality’s occasions and keeps an unrated municipality without a figure', () => {
    const figures = scaleByMunicipality(
      [
        { id: 'k', name: 'Kramfors' },
        { id: 't', name: 'Timrå' },
      ],
      [session('k', 'Kramfors 1', 4), session('k', 'Kramfors 2', 7), session('t', 'Timrå', null)],
    );
    expect(figures).toEqual([
      {
        municipalityId: 'k',
        name: 'Kramfors',
        ratings: [
          { label: 'Kramfors 1', scale: 4 },
          { label: 'Kramfors 2', scale: 7 },
        ],
        mean: 5.5,
      },
      { municipalityId: 't', name: 'Timrå', ratings: [], mean: null },
    ]);
  });

  it('follows a municipality across rounds by its code, oldest round first', () => {
    const trend = trendAcrossRounds([
      {
        roundId: 'r2',
        name: '2026',
        openedOn: '2026-03-01',
        municipalities: [{ id: 'b', name: 'Kramfors kommun', scbCode: '2282' }],
        sessions: [session('b', 'Kramfors', 6)],
      },
      {
        roundId: 'r1',
        name: '2019',
        openedOn: '2019-04-01',
        municipalities: [
          { id: 'a', name: 'Kramfors', scbCode: '2282' },
          { id: 'c', name: 'Ånge', scbCode: '2260' },
        ],
        sessions: [session('a', 'Kramfors', 3), session('c', 'Ånge', 5)],
      },
    ]);
    expect(trend.rounds.map((round) => round.name)).toEqual(['2019', '2026']);
    expect(trend.municipalities).toEqual([
      { name: 'Kramfors kommun', means: [3, 6] },
      { name: 'Ånge', means: [5, null] },
    ]);
  });

  it('counts coded open answers by theme and says how many are not coded yet', () => {
    const grouped = answersByTheme(
      [{ code: 'housing' }, { code: 'competence' }, { code: 'collaboration' }],
      [
        {
          ...session('k', 'Kramfors', 5),
          openAnswers: [
            { question: 'next', text: 'Fler boendeplatser', themes: ['housing'] },
            {
              question: 'countySupport',
              text: 'Länsgemensam utbildning',
              themes: ['competence', 'housing'],
            },
            { question: 'works', text: 'Bra samarbete med polisen', themes: [] },
          ],
        },
      ],
    );
    expect(grouped.themes.map((entry) => [entry.theme, entry.answers.length])).toEqual([
      ['housing', 2],
      ['competence', 1],
    ]);
    expect(grouped.uncoded).toBe(1);
  });

  it('keeps "unknown" apart from zero and asks where a number comes from', () => {
    const item: MappingItem = {
      id: 'children',
      text: { sv: 'Barn', en: 'Children' },
      answer: { kind: 'number' },
      askSource: true,
    };
    expect(checkAnswer(item, { status: 'unknown', value: null, source: null })).toEqual([]);
    expect(checkAnswer(item, { status: 'unknown', value: 0, source: null })).toHaveLength(1);
    expect(checkAnswer(item, { status: 'answered', value: 0, source: 'ownCount' })).toEqual([]);
    expect(checkAnswer(item, { status: 'answered', value: 3, source: null })).toEqual([
      { field: 'source', message: 'Ange var siffran kommer ifrån.', code: 'required' },
    ]);
    expect(checkAnswer(item, { status: 'answered', value: -1, source: 'estimate' })[0]!.field).toBe(
      'value',
    );
  });
});
