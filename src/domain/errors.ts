import type { CodedFieldIssue, FieldIssue, FieldProblem } from './field-issues';
import type { RuleReason } from './refusals';

/**
 * Coded domain errors. Every error a user can cause carries a stable code; the server maps
 * codes to HTTP statuses in one exhaustive table (src/server/platform/http/error-handler.ts).
 * Messages never contain personal data.
 */
export const errorCodes = [
  'validation.invalid',
  'auth.required',
  'auth.invalid_credentials',
  'auth.locked',
  'auth.second_factor_required',
  'auth.second_factor_invalid',
  'auth.session_expired',
  'auth.csrf',
  'auth.oidc_failed',
  'access.denied',
  'not_found',
  'conflict.stale_version',
  /** A person without a number who looks like someone already registered (name, birth date). */
  'conflict.possible_duplicate',
  /** Someone else did the same at the same moment (a unique rule held in the database). */
  'conflict.concurrent',
  'rule.violation',
  /** The database cannot be reached just now (restarting, or its disk is full): try again soon. */
  'service.unavailable',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export type { CodedFieldIssue, FieldIssue, FieldProblem };

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly reason: string | undefined;
  /** What is wrong with each field, each with the code the English UI explains it by. */
  readonly fields: CodedFieldIssue[];

  constructor(
    code: ErrorCode,
    options: { message?: string; reason?: string; fields?: CodedFieldIssue[] } = {},
  ) {
    super(options.message ?? code);
    this.name = 'DomainError';
    this.code = code;
    this.reason = options.reason;
    this.fields = options.fields ?? [];
  }
}

export const isDomainError = (error: unknown): error is DomainError => error instanceof DomainError;

/** A business rule said no: 422 with the rule's code as reason and its plain-language message. */
export const ruleViolation = (reason: RuleReason, message: string) =>
  new DomainError('rule.violation', { reason, message });

/** Someone changed the record since it was read: a 409 that tells the user to read it again. */
export const staleVersion = (message: string) =>
  new DomainError('conflict.stale_version', { message });

/**
 * A domain check's problems as a 400 with one message and code per field of the request body.
 * Only the issue's own parts are passed on, so a check's result (with its `ok`) can be given as is.
 */
export const invalidFields = (problems: readonly FieldProblem[]) =>
  new DomainError('validation.invalid', {
    fields: problems.map(({ field, message, code, limit }) => ({
      path: `body.${field}`,
      message,
      code,
      ...(limit === undefined ? {} : { limit }),
    })),
  });
