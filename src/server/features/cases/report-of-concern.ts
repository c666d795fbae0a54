import { reportingDutyReference } from '../../../domain/cases/reporting';
import type { IdentityKind } from '../../../domain/identity/personal-identity';
import { parseIdentity } from '../../../domain/identity/personal-identity';
import type { ProtectionLevel } from '../../../domain/identity/protected-identity';
import { initialStage } from '../../../domain/cases/stages';
import { presentReportOfConcern } from './case.presenter';
import { DomainError } from '../../../domain/errors';
import { encryptField } from '../../platform/crypto/field-encryption';
import type { CommandContext } from '../../platform/http/context';
import {
  insertCase,
  insertLink,
  insertReportOfConcern,
  insertTransition,
  listReportsFrom,
} from './case.repository';
import { findFirstUnitOfKind } from '../organisation/organisation.repository';
import { loadCaseFor } from '../../platform/runtime/case-access';
import { registerIdentity } from '../persons/register-identity';
import { auditPersonEvent, runAudited } from '../../platform/runtime/person-access';

export const concernContext = 'reports_of_concern.concern';

/** The legal ground recorded with every report (see domain/cases/reporting.ts). */
export const reportingDuty = reportingDutyReference;

export type ReportInput = {
  child: {
    givenName: string;
    familyName: string;
    identityKind: IdentityKind;
    identityNumber: string | null;
  };
  concern: string;
};

/**
 * Orosanmälan from any case to barn och unga, in one step. The reporter needs no role in barn
 * och unga and no consent (reporting duty); the report opens a child case at intake there,
 * linked to the case it came from, so its outcome can be followed and nothing disappears.
 */
export const reportConcern = (ctx: CommandContext, fromCaseId: string, input: ReportInput) =>
  runAudited(ctx, async (tx) => {
    const { record } = await loadCaseFor(ctx, tx, fromCaseId, 'case.read', {
      audit: 'case.report_of_concern',
      reads: 'caseHistory',
    });
    const identity = parseIdentity(input.child.identityKind, input.child.identityNumber);
    if (!identity.ok)
      throw new DomainError('validation.invalid', {
        fields: [
          {
            path: 'body.child.identityNumber',
            message: identity.message,
            code: identity.code,
          },
        ],
      });
    const childUnit = await findFirstUnitOfKind(tx, 'childrenAndYoung');
    if (!childUnit) {
      throw new DomainError('rule.violation', {
        reason: 'case.no_child_unit',
        message: 'Organisationen har ingen enhet för barn och unga. Kontakta systemförvaltaren.',
      });
    }
    const now = ctx.now();
    // A child already registered is the same child: placed in barn och unga, not registered again.
    const child = await registerIdentity(
      ctx,
      tx,
      {
        unitId: childUnit.id,
        givenName: input.child.givenName,
        familyName: input.child.familyName,
        personalNumber: identity.value,
        identityKind: input.child.identityKind,
        // A child usually shares the parent's protection; a team can lower it after checking.
        protectionLevel: record.protectionLevel as ProtectionLevel,
        addressEnc: null,
        fictitious: record.fictitious,
      },
      { reason: reportingDuty, details: { fromCaseId } },
    );
    const childCase = await insertCase(tx, {
      organisationId: ctx.actor.organisationId,
      unitId: childUnit.id,
      personId: child.id,
      type: 'childExposed',
      stage: initialStage,
      ownerUserId: null,
      detectionSource: 'reportOfConcern',
      violenceForms: record.violenceForms,
      perpetratorRelation: null,
      openedAt: now,
      createdBy: ctx.actor.userId,
    });
    await insertTransition(tx, {
      organisationId: ctx.actor.organisationId,
      caseId: childCase.id,
      fromStage: null,
      toStage: initialStage,
      reasonEnc: null,
      decidedBy: ctx.actor.userId,
      decidedAt: now,
    });
    await insertLink(tx, {
      organisationId: ctx.actor.organisationId,
      caseId: fromCaseId,
      linkedCaseId: childCase.id,
      kind: 'parentChild',
      createdBy: ctx.actor.userId,
      createdAt: now,
    });
    const report = await insertReportOfConcern(tx, {
      organisationId: ctx.actor.organisationId,
      fromCaseId,
      childCaseId: childCase.id,
      concernEnc: encryptField(ctx.keys, concernContext, input.concern),
      reportedBy: ctx.actor.userId,
      reportedAt: now,
    });
    await auditPersonEvent(ctx, tx, {
      type: 'case.report_of_concern',
      personId: record.personId,
      reason: reportingDuty,
      details: { fromCaseId, childCaseId: childCase.id },
    });
    await auditPersonEvent(ctx, tx, {
      type: 'case.opened',
      personId: child.id,
      reason: reportingDuty,
      details: { caseId: childCase.id, type: 'childExposed' },
    });
    return { reportId: report.id, childCaseId: childCase.id, childStage: initialStage };
  });

/** The reports made from a case and what came of each (see presentReportOfConcern). */
export const listReports = (ctx: CommandContext, caseId: string) =>
  runAudited(ctx, async (tx) => {
    const { record, decision } = await loadCaseFor(ctx, tx, caseId, 'case.read', {
      audit: 'case.read',
      reads: 'caseHistory',
    });
    const reports = await listReportsFrom(tx, caseId);
    await auditPersonEvent(ctx, tx, {
      type: 'case.read',
      personId: record.personId,
      reason: decision.reason,
      breakGlassId: decision.breakGlassId,
      details: { caseId, reportsOfConcern: reports.length },
    });
    return reports.map(presentReportOfConcern);
  });
