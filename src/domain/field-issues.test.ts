import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { invalidFields } from './errors';
import { codeOfValidationIssue, rangeIssue, type FieldIssue } from './field-issues';

/** The codes zod's own issues turn into, as the server's error handler sees them. */
const issuesOf = (schema: z.ZodType, value: unknown): Pick<FieldIssue, 'code' | 'limit'>[] => {
  const result = schema.safeParse(value);
  if (result.success) return [];
  return result.error.issues.map(({ code, message, path: _path, ...params }) =>
    codeOfValidationIssue(code, params, message),
  );
};

describe('field issue codes from validation', () => {
  it('names a missing, too short, too long or out-of-range value with its bound', () => {
    const schema = z.object({ name: z.string().min(2).max(5) });
    expect(issuesOf(schema, {})).toEqual([{ code: 'required' }]);
    expect(issuesOf(schema, { name: 'a' })).toEqual([{ code: 'tooShort', limit: 2 }]);
    expect(issuesOf(schema, { name: 'abcdefg' })).toEqual([{ code: 'tooLong', limit: 5 }]);
    expect(issuesOf(z.string().min(1), '')).toEqual([{ code: 'required' }]);
    expect(issuesOf(z.number().int().min(1).max(9), 12)).toEqual([{ code: 'tooLarge', limit: 9 }]);
    expect(issuesOf(z.array(z.string()).max(1), ['a', 'b'])).toEqual([
      { code: 'tooMany', limit: 1 },
    ]);
  });

  it('tells a date, an id and a choice apart from other bad values', () => {
    expect(issuesOf(z.iso.date(), '2026-02-30')).toEqual([{ code: 'notADate' }]);
    expect(issuesOf(z.string().uuid(), 'nope')).toEqual([{ code: 'notAnId' }]);
    expect(issuesOf(z.enum(['yes', 'no']), 'maybe')).toEqual([{ code: 'notAChoice' }]);
    expect(issuesOf(z.number(), 'ten')).toEqual([{ code: 'wrongType' }]);
    expect(issuesOf(z.object({ a: z.string() }).strict(), { a: 'x', b: 1 })).toEqual([
      { code: 'unknownField' },
    ]);
  });
});

describe('field issue codes from a domain check', () => {
  it('names a whole number out of range by the bound it broke', () => {
    expect(rangeIssue(0, 1, 30)).toEqual({ code: 'tooSmall', limit: 1 });
    expect(rangeIssue(31, 1, 30)).toEqual({ code: 'tooLarge', limit: 30 });
    expect(rangeIssue(2.5, 1, 30)).toEqual({ code: 'notAWholeNumber' });
  });

  it('passes on only the path, message, code and limit of a check result', () => {
    const refused = {
      ok: false,
      field: 'minutes',
      message: 'För länge',
      code: 'tooLarge' as const,
    };
    expect(invalidFields([{ ...refused, limit: 60 }, refused]).fields).toStrictEqual([
      { path: 'body.minutes', message: 'För länge', code: 'tooLarge', limit: 60 },
      { path: 'body.minutes', message: 'För länge', code: 'tooLarge' },
    ]);
  });
});
