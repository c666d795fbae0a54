import { describe, expect, it } from 'vitest';
import { denialReasons } from '../domain/access/policy';
import { errorCodes } from '../domain/errors';
import { ruleReasons } from '../domain/refusals';
import en from './locales/en.json';
import { fieldIssueText, problemText } from './pages/problems';

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
  t: (key: string, values?: Record<string, unknown>) =>
    String(lookup(key)).replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values?.[name])),
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

describe('field problems in English', () => {
  it('names the field and says what is wrong by the issue’s code; Swedish keeps the server’s words', () => {
    const issue = {
      path: 'body.wantedFrom',
      message: 'Ange ett datum som finns, som ÅÅÅÅ-MM-DD',
      code: 'notADate' as const,
    };
    expect(fieldIssueText(issue, 'en', english)).toBe(
      'wanted from: enter a date that exists, as YYYY-MM-DD.',
    );
    expect(fieldIssueText(issue, 'sv', english)).toBe(issue.message);
    expect(
      fieldIssueText(
        { path: 'body.note', message: 'För lång', code: 'tooLong', limit: 500 },
        'en',
        english,
      ),
    ).toBe('note: too long (at most 500 characters).');
    // Without a code the server's words are all there is.
    expect(
      fieldIssueText({ path: 'body.unitId', message: 'Enheten finns inte.' }, 'en', english),
    ).toBe('Enheten finns inte.');
  });
});
