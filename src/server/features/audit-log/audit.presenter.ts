import {
  presentPersonalNumber,
  type ProtectionLevel,
} from '../../../domain/identity/protected-identity';
import type { AuditLogRow } from '../../platform/audit/audit-log.repository';
import { decryptField, type KeyRing } from '../../platform/crypto/field-encryption';

export const logReviewFindingsContext = 'log_reviews.findings';

/**
 * One audit event as a reviewer sees it. The person is shown by name with the personnummer
 * masked by the same rule as everywhere else; details hold no personal data by construction.
 */
export const presentAuditEntry = (row: AuditLogRow) => {
  const level = (row.protectionLevel ?? 'none') as ProtectionLevel;
  return {
    // A bigint sequence: PostgreSQL drivers differ (string or number), the API says string.
    id: String(row.id),
    occurredAt: row.occurredAt.toISOString(),
    type: row.type,
    outcome: row.outcome,
    reason: row.reason,
    breakGlass: row.breakGlassId !== null,
    actor: row.actorUserId ? { id: row.actorUserId, name: row.actorName ?? '–' } : null,
    person: row.personId
      ? {
          id: row.personId,
          name: row.givenName ? `${row.givenName} ${row.familyName}` : null,
          personalNumber: presentPersonalNumber(row.personalNumber, level),
          protectionLevel: level,
        }
      : null,
    details: row.details,
  };
};

/** A signed log review as the record that review is done: what was found, and when it was signed. */
export const presentLogReview = <Row extends { findingsEnc: string; signedAt: Date }>(
  { findingsEnc, signedAt, ...row }: Row,
  keys: KeyRing,
) => ({
  ...row,
  findings: decryptField(keys, logReviewFindingsContext, findingsEnc),
  signedAt: signedAt.toISOString(),
});
