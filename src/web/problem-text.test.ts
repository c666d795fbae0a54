import { describe, expect, it } from 'vitest';
import { denialReasons } from '../domain/access/policy';
import { errorCodes } from '../domain/errors';
import { ruleReasons } from '../domain/refusals';
import en from './locales/en.json';
import { problemText } from './pages/problems';

const lookup = (key: string): unknown =>
  key
    .split('.')
    .reduce<unknown>(
      (node, part) =>
        node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined,
      en,
    );
const english = {
  exists: (key: string) => typeof lookup(key) === 'string',
  t: (key: string) => String(lookup(key)),
};

describe('refusals in English', () => {
  it('has an English text for every rule, access refusal and error code', () => {
    const missing = [
      ...[...ruleReasons, ...denialReasons].map((reason) => `refusals.${reason}`),
      ...[...errorCodes, 'network'].map((code) => `problems.codes.${code}`),
    ].filter((key) => !english.exists(key));
    expect(missing).toEqual([]);
  });

  it('shows the reason in English, and the server’s own words in Swedish', () => {
    const refused = {
      status: 422,
      code: 'rule.violation',
      reason: 'case.children_unanswered',
      title: 'Svara på frågan om barn i hushållet först.',
    };
    expect(problemText(refused, 'en', english)).toBe(
      'Answer the question about children in the household first.',
    );
    expect(problemText(refused, 'sv', english)).toBe(refused.title);
    // An unknown reason falls back on its code, and an unknown code on the server's words.
    expect(problemText({ ...refused, reason: 'new.reason' }, 'en', english)).toBe(
      'This cannot be done as things are now.',
    );
    expect(problemText({ ...refused, code: 'new', reason: undefined }, 'en', english)).toBe(
      refused.title,
    );
  });
});
