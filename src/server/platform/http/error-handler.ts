import { codeOfValidationIssue } from '../../../domain/field-issues';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isDomainError, type CodedFieldIssue, type ErrorCode } from '../../../domain/errors';
import { databaseRefusal } from './database-refusal';

/** Every code a user can cause, mapped to its HTTP status. A new code will not compile until mapped. */
export const statusFor = (code: ErrorCode): number => {
  switch (code) {
    case 'validation.invalid':
      return 400;
    case 'auth.required':
    case 'auth.invalid_credentials':
    case 'auth.session_expired':
    case 'auth.second_factor_invalid':
    case 'auth.oidc_failed':
      return 401;
    case 'auth.second_factor_required':
    case 'auth.csrf':
    case 'access.denied':
      return 403;
    case 'auth.locked':
      return 423;
    case 'not_found':
      return 404;
    case 'conflict.stale_version':
    case 'conflict.possible_duplicate':
    case 'conflict.concurrent':
      return 409;
    case 'rule.violation':
      return 422;
    case 'service.unavailable':
      return 503;
    default:
      return assertNever(code);
  }
};

const assertNever = (value: never): never => {
  throw new Error(`Unmapped error code ${String(value)}`);
};

export type Problem = {
  type: string;
  title: string;
  status: number;
  code: string;
  reason?: string;
  fields?: CodedFieldIssue[];
  requestId: string;
};

const send = (reply: FastifyReply, problem: Problem) =>
  reply.status(problem.status).type('application/problem+json').send(problem);

/** Fastify's own client errors that must never become a 500. */
const fastifyClientErrors: Record<string, { status: number; code: string; title: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: {
    status: 400,
    code: 'validation.malformed_json',
    title: 'Felaktig JSON',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'validation.empty_body', title: 'Tom begäran' },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    status: 413,
    code: 'validation.body_too_large',
    title: 'För stor begäran',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'validation.media_type',
    title: 'Fel innehållstyp',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    code: 'validation.content_length',
    title: 'Fel längd',
  },
  FST_CSRF_INVALID_TOKEN: { status: 403, code: 'auth.csrf', title: 'Ogiltig CSRF-token' },
  FST_CSRF_MISSING_SECRET: { status: 403, code: 'auth.csrf', title: 'CSRF-token saknas' },
};

/**
 * Turns every error into application/problem+json. User mistakes get a 4xx with a stable
 * code and field messages; anything unexpected is a 500 with only the request id, and its
 * details go to the log (which never holds request bodies).
 */
export const errorHandler = (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
  const requestId = request.id;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const fields = error.validation.map((issue) => ({
      path: [
        error.validationContext,
        ...String(issue.instancePath).split('/').filter(Boolean),
      ].join('.'),
      message: issue.message ?? 'ogiltigt värde',
      ...codeOfValidationIssue(issue.keyword, issue.params, issue.message ?? ''),
    }));
    return send(reply, {
      type: 'about:blank',
      title: 'Uppgifterna behöver rättas',
      status: 400,
      code: 'validation.invalid',
      fields,
      requestId,
    });
  }
  if (isDomainError(error)) {
    return send(reply, {
      type: 'about:blank',
      title: error.message,
      status: statusFor(error.code),
      code: error.code,
      ...(error.reason ? { reason: error.reason } : {}),
      ...(error.fields.length ? { fields: error.fields } : {}),
      requestId,
    });
  }
  const refused = databaseRefusal(error);
  if (refused) {
    request.log.info({ sqlState: error.code }, 'refused by a database rule');
    return send(reply, {
      type: 'about:blank',
      title: refused.message,
      status: statusFor(refused.code),
      code: refused.code,
      ...(refused.fields.length ? { fields: refused.fields } : {}),
      requestId,
    });
  }
  const known = error.code ? fastifyClientErrors[error.code] : undefined;
  if (known) return send(reply, { type: 'about:blank', ...known, requestId });
  if (error.statusCode === 429) {
    return send(reply, {
      type: 'about:blank',
      title: 'För många försök',
      status: 429,
      code: 'rate_limited',
      requestId,
    });
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return send(reply, {
      type: 'about:blank',
      title: 'Felaktig begäran',
      status: error.statusCode,
      code: 'request.invalid',
      requestId,
    });
  }
  request.log.error(
    { err: { message: error.message, stack: error.stack, code: error.code } },
    'unexpected error',
  );
  return send(reply, {
    type: 'about:blank',
    title: 'Något gick fel hos oss',
    status: 500,
    code: 'internal',
    requestId,
  });
};
