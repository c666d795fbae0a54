import { describe, expect, it } from 'vitest';
import { readPersonQuery } from './person-search';

describe('reading a person search', () => {
  it('searches numbers by prefix in the stored form', () => {
    expect(readPersonQuery('19821105')).toEqual({ kind: 'number', prefix: '19821105' });
    expect(readPersonQuery('198211059954')).toEqual({ kind: 'number', prefix: '19821105-9954' });
    expect(readPersonQuery('19821105-99')).toEqual({ kind: 'number', prefix: '19821105-99' });
  });

  it('asks for the century rather than guessing it', () => {
    expect(readPersonQuery('8211059954')).toMatchObject({ kind: 'invalid' });
  });

  it('searches names word by word, case-insensitively', () => {
    expect(readPersonQuery('  Nora ÖVNINGS ')).toEqual({
      kind: 'name',
      words: ['nora', 'övnings'],
    });
    expect(readPersonQuery('a')).toMatchObject({ kind: 'invalid' });
  });
});
