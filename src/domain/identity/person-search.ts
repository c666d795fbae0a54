import type { FieldIssueCode } from '../field-issues';

/**
 * How a search text is read: digits (with or without the dash) search identity numbers by
 * prefix; anything else searches names, every word matching the start of a given or family name.
 */
export type PersonQuery =
  | { kind: 'number'; prefix: string }
  | { kind: 'name'; words: string[] }
  | { kind: 'invalid'; message: string; code: FieldIssueCode; limit?: number };

export const readPersonQuery = (raw: string): PersonQuery => {
  const text = raw.trim();
  if (text.length < 2)
    return { kind: 'invalid', message: 'Skriv minst två tecken.', code: 'tooShort', limit: 2 };
  const compact = text.replace(/\s/g, '');
  if (/^(18|19|20)\d{4,6}$/.test(compact) || /^(18|19|20)\d{6}-?\d{1,4}$/.test(compact)) {
    const digits = compact.replace('-', '');
    return {
      kind: 'number',
      prefix: digits.length > 8 ? `${digits.slice(0, 8)}-${digits.slice(8)}` : digits,
    };
  }
  if (/^[\d+-]+$/.test(compact)) {
    // Ten digits (ÅÅMMDD-NNNN) leave the century open; asking is better than guessing.
    return {
      kind: 'invalid',
      message: 'Skriv numret med århundrade: ÅÅÅÅMMDD-NNNN (minst sex siffror).',
      code: 'badFormat',
    };
  }
  const words = text.toLocaleLowerCase('sv').split(/\s+/).filter(Boolean).slice(0, 4);
  return { kind: 'name', words };
};

/**
 * A prefix as a half-open range [from, to) in code-point order, so the database can use an
 * index under row-level security: range comparisons are leakproof, LIKE is not, and PostgreSQL
 * will not use a non-leakproof condition before the security policy.
 */
export const prefixRange = (prefix: string): { from: string; to: string } => {
  const points = [...prefix];
  const last = points.pop()!.codePointAt(0)!;
  return { from: prefix, to: points.join('') + String.fromCodePoint(last + 1) };
};
