import { DomainError } from '../../../domain/errors';

/**
 * A rule the database holds that a request broke: a unique index two people raced for, a
 * reference to something that is not there (any more), a check. These are the user's or the
 * moment's, never the server's fault: 409 or 400 with a plain message, never a 500. Everything
 * else from the database stays an unexpected error.
 */
type DatabaseError = { code?: unknown; detail?: unknown; severity?: unknown };

const isDatabaseError = (error: unknown): error is DatabaseError & { code: string } =>
  typeof error === 'object' &&
  error !== null &&
  typeof (error as DatabaseError).code === 'string' &&
  /^[0-9A-Z]{5}$/.test((error as DatabaseError).code as string) &&
  typeof (error as DatabaseError).severity === 'string';

/** "Key (assignee_user_id)=(…) is not present…" → body.assigneeUserId; the value is never shown. */
const fieldOf = (detail: unknown): string | null => {
  const column = typeof detail === 'string' ? /^Key \(([a-z_]+)/.exec(detail)?.[1] : undefined;
  return column
    ? `body.${column.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase())}`
    : null;
};

/** The database is not there just now: restarting, shutting down, or out of disk. */
const unavailable = () =>
  new DomainError('service.unavailable', {
    message: 'Databasen svarar inte just nu. Inget har sparats. Försök igen om en stund.',
  });

const networkCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT']);

export const databaseRefusal = (error: unknown): DomainError | null => {
  if (typeof error === 'object' && error !== null) {
    const { code, message } = error as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && networkCodes.has(code)) return unavailable();
    if (typeof message === 'string' && /^Connection terminated/.test(message)) return unavailable();
  }
  if (!isDatabaseError(error)) return null;
  // Class 08 (connection), 57P0x (shut down, cannot connect now), 53100 (disk full).
  if (/^08|^57P0|^53100$/.test(error.code)) return unavailable();
  switch (error.code) {
    case '23505': // unique_violation
    case '40001': // serialization_failure
    case '40P01': // deadlock_detected
      return new DomainError('conflict.concurrent', {
        message: 'Någon annan gjorde samma sak samtidigt. Läs in sidan igen och se vad som gäller.',
      });
    case '23503': {
      // foreign_key_violation
      const path = fieldOf(error.detail);
      const message = 'Det du valde finns inte. Välj i listan.';
      return new DomainError('validation.invalid', {
        message,
        fields: path ? [{ path, message, code: 'notAnId' }] : [],
      });
    }
    case '23502': // not_null_violation
    case '23514': // check_violation
    case '22P02': // invalid_text_representation
    case '22007': // invalid_datetime_format
    case '22008': // datetime_field_overflow
    case '22001': // string_data_right_truncation
      return new DomainError('validation.invalid', {
        message: 'Uppgifterna går inte att spara så. Kontrollera fälten och försök igen.',
      });
    default:
      return null;
  }
};
