import { describe, expect, it } from 'vitest';
import { prefixRange, readPersonQuery } from './person-search';

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

describe('prefix ranges', () => {
  it('cover exactly the texts that start with the prefix, also for å, ä and ö', () => {
    const names = ['anders', 'andersson', 'andra', 'ane', 'öberg', 'öv', 'övningsson', 'ö'];
    for (const prefix of ['and', 'ö', 'öv', '18900101']) {
      const { from, to } = prefixRange(prefix);
      const inRange = [...names, '18900101-0017', '18900102-0016'].filter(
        // Code-point order, as PostgreSQL's text_pattern_ops compares UTF-8 bytes.
        (name) =>
          Buffer.compare(Buffer.from(name), Buffer.from(from)) >= 0 &&
          Buffer.compare(Buffer.from(name), Buffer.from(to)) < 0,
      );
      expect(inRange).toEqual(
        [...names, '18900101-0017', '18900102-0016'].filter((name) => name.startsWith(prefix)),
      );
    }
  });
});
