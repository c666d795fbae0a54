import { can } from '../../../domain/access/policy';
import type { Stage } from '../../../domain/cases/stages';
import type { CommandContext } from '../../platform/http/context';
import { caseResource } from './case.presenter';
import { findCases, listAdultCasesWithChildren } from './case.repository';
import { unitsWhereActorMay } from '../../platform/runtime/readable-units';
import { auditOrganisationEvent, runAudited } from '../../platform/runtime/person-access';

const activeChildStages: readonly Stage[] = [
  'investigation',
  'decision',
  'intervention',
  'followUp',
];

/**
 * Children in VINR cases with no investigation or intervention: adult cases that say there are
 * children but have no child case, and child cases still at intake, förhandsbedömning or closed.
 * Nobody could count these before (digest 001, 004).
 */
export const childrenWithoutInvestigation = (ctx: CommandContext) =>
  runAudited(ctx, async (tx) => {
    const units = await unitsWhereActorMay(ctx, tx, 'case.read');
    const rows = await listAdultCasesWithChildren(tx, units);
    const adults = await findCases(tx, [...new Set(rows.map((row) => row.adultCaseId))]);
    const visible = new Set(
      adults
        .filter((adult) => can(ctx.actor, 'case.read', caseResource(adult), ctx.now()).allowed)
        .map((adult) => adult.id),
    );
    const gaps = rows
      .filter((row) => visible.has(row.adultCaseId))
      .filter((row) => !row.childStage || !activeChildStages.includes(row.childStage as Stage))
      .map((row) => ({
        adultCaseId: row.adultCaseId,
        childCaseId: row.childCaseId,
        childStage: (row.childStage as Stage | null) ?? null,
        gap: row.childCaseId ? ('noInvestigation' as const) : ('noReport' as const),
      }));
    await auditOrganisationEvent(ctx, tx, {
      type: 'case.children_listed',
      reason: 'cases.children_without_investigation',
      details: { count: gaps.length },
    });
    return gaps;
  });
