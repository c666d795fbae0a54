import { describe, expect, it } from 'vitest';
import { fieldIssueCodes } from '../domain/field-issues';
import en from './locales/en.json';
import sv from './locales/sv.json';

/** Every text key, as dotted paths, so a text added in one language is noticed in the other. */
const keysOf = (texts: object, prefix = ''): string[] =>
  Object.entries(texts).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null
      ? keysOf(value as object, `${prefix}${key}.`)
      : [`${prefix}${key}`],
  );

/**
 * Råd och service: the server says these in Swedish with the organisation's own cap and days
 * (domain/interventions/advice-and-service.ts); only the English switch needs a text here.
 */
const spokenBySwedishServer = [
  'advice.state.atCap',
  'advice.state.expired',
  'advice.state.lastSession',
  'advice.state.open',
];

describe('the Swedish and English texts', () => {
  it('have the same keys, so the English switch never shows a bare key', () => {
    const swedish = keysOf(sv).sort();
    const english = keysOf(en).sort();
    expect(swedish.filter((key) => !english.includes(key))).toEqual([]);
    expect(
      english.filter((key) => !swedish.includes(key) && !spokenBySwedishServer.includes(key)),
    ).toEqual([]);
  });

  it('explain every field issue code in both languages', () => {
    for (const texts of [sv, en])
      expect(fieldIssueCodes.filter((code) => !(code in texts.fieldIssues))).toEqual([]);
  });
});
