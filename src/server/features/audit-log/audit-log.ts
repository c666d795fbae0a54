import { swedishDate } from '../../../domain/calendar';
import { checkSignOff, type LogReviewSignOff } from '../../../domain/audit/log-review';
import { DomainError } from '../../../domain/errors';
import {
  countAuditEvents,
  insertLogReview,
  listAuditEvents,
  listLogReviews,
  type AuditLogFilter,
} from '../../platform/audit/audit-log.repository';
import { encryptField } from '../../platform/crypto/field-encryption';
import type { CommandContext } from '../../platform/http/context';
import { logReviewFindingsContext, presentAuditEntry, presentLogReview } from './audit.presenter';
import { requireOrganisationAction } from '../../platform/runtime/organisation-access';
import { unitsWhereActorMay } from '../../platform/runtime/readable-units';
import {
  auditOrganisationEvent,
  auditPersonEvent,
  runAudited,
} from '../../platform/runtime/person-access';

/**
 * The audit log for review (logguppföljning): who did what to whose data, per person, per
 * record, per user, or targeted at protected persons and break-glass. Reading the log is itself
 * logged, so a reviewer's own look at a protected person leaves a trace.
 */
export const readAuditLog = (
  ctx: CommandContext,
  query: Omit<AuditLogFilter, 'reviewableUnitIds'>,
) =>
  runAudited(ctx, async (tx) => {
    const decision = requireOrganisationAction(ctx, 'audit.read');
    const filter = { ...query, reviewableUnitIds: await unitsWhereActorMay(ctx, tx, 'audit.read') };
    const rows = await listAuditEvents(tx, filter);
    const total = await countAuditEvents(tx, filter);
    await auditPersonEvent(ctx, tx, {
      type: 'audit.read',
      personId: filter.personId,
      reason: decision.reason,
      details: {
        count: rows.length,
        byUser: filter.actorUserId !== null,
        byCase: filter.caseId !== null,
        focus: filter.focus,
      },
    });
    return { total, events: rows.map(presentAuditEntry) };
  });

/** The first and the day after the last day of a review period, as instants. */
const periodBounds = (from: string, to: string) => ({
  from: new Date(`${from}T00:00:00+01:00`),
  to: new Date(new Date(`${to}T00:00:00+01:00`).getTime() + 86_400_000),
});

/**
 * Signs a review: the reviewer states what was found; the number of events the review covered
 * is counted by the server, so a sign-off cannot claim more than the log holds.
 */
export const signLogReview = (ctx: CommandContext, signOff: LogReviewSignOff) =>
  runAudited(ctx, async (tx) => {
    const decision = requireOrganisationAction(ctx, 'audit.read');
    const problems = checkSignOff(signOff, swedishDate(ctx.now()));
    if (problems.length)
      throw new DomainError('validation.invalid', {
        fields: problems.map(({ field, ...issue }) => ({ path: `body.${field}`, ...issue })),
      });
    const eventsReviewed = await countAuditEvents(tx, {
      ...periodBounds(signOff.periodFrom, signOff.periodTo),
      personId: signOff.scope === 'person' ? signOff.subjectId : null,
      actorUserId: signOff.scope === 'user' ? signOff.subjectId : null,
      caseId: null,
      reviewableUnitIds: await unitsWhereActorMay(ctx, tx, 'audit.read'),
      focus:
        signOff.scope === 'protectedPersons' || signOff.scope === 'breakGlass'
          ? signOff.scope
          : null,
      limit: 1,
    });
    const { id } = await insertLogReview(tx, {
      organisationId: ctx.actor.organisationId,
      scope: signOff.scope,
      subjectId: signOff.subjectId,
      periodFrom: signOff.periodFrom,
      periodTo: signOff.periodTo,
      eventsReviewed,
      findingsEnc: encryptField(ctx.keys, logReviewFindingsContext, signOff.findings.trim()),
      deviations: signOff.deviations,
      reviewedBy: ctx.actor.userId,
      signedAt: ctx.now(),
    });
    await auditPersonEvent(ctx, tx, {
      type: 'log_review.signed',
      personId: signOff.scope === 'person' ? signOff.subjectId : null,
      reason: decision.reason,
      details: {
        reviewId: id,
        scope: signOff.scope,
        eventsReviewed,
        deviations: signOff.deviations,
      },
    });
    return { id, eventsReviewed };
  });

/** Signed reviews, newest first: the record that log review is done, and by whom. */
export const readLogReviews = (ctx: CommandContext) =>
  runAudited(ctx, async (tx) => {
    const decision = requireOrganisationAction(ctx, 'audit.read');
    const rows = await listLogReviews(tx);
    await auditOrganisationEvent(ctx, tx, {
      type: 'log_review.read',
      reason: decision.reason,
      details: { count: rows.length },
    });
    return rows.map((row) => presentLogReview(row, ctx.keys));
  });
