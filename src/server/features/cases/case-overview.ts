import type { CaseOverview } from '../../../contract/case-overview';
import type { DataCategory } from '../../../domain/collaboration/consent';
import type { Tx } from '../../platform/db/transaction';
import type { CommandContext } from '../../platform/http/context';
import { findPlanHead, listAssessmentHeads } from './case-overview.repository';
import { presentReportOfConcern } from './case.presenter';
import { listReportsFrom, type CaseRecord } from './case.repository';

/**
 * What needs doing now in a case, read in the same transaction as the case itself: the reports
 * of concern made from it, the risk level and the plan's state. Risk and plan are read only when
 * the viewer may read their category (`open`), and `shown` names what was read, so the one audit
 * event of opening a case says exactly which categories were shown.
 */
export const caseOverview = async (
  ctx: CommandContext,
  tx: Tx,
  record: CaseRecord,
  open: readonly DataCategory[],
): Promise<CaseOverview> => {
  const shown: DataCategory[] = ['caseHistory'];
  const reports = await listReportsFrom(tx, record.id);

  let risk: CaseOverview['risk'] = null;
  if (open.includes('riskAssessments')) {
    shown.push('riskAssessments');
    const heads = await listAssessmentHeads(tx, record.id);
    const latest = heads.filter((head) => head.signedAt).at(-1);
    risk = {
      latest: latest
        ? {
            assessmentId: latest.id,
            instrumentName: ctx.instruments.instruments.get(latest.instrumentId)?.name ?? {
              sv: latest.instrumentId,
              en: latest.instrumentId,
            },
            finalLevel: latest.finalLevel,
            signedAt: latest.signedAt!.toISOString(),
            origin: latest.origin,
          }
        : null,
      drafts: heads.filter((head) => !head.signedAt).length,
    };
  }

  let plan: CaseOverview['plan'] = null;
  if (open.includes('safetyPlan')) {
    shown.push('safetyPlan');
    const head = await findPlanHead(tx, record.id);
    plan = {
      exists: head !== null,
      reviewOn: head?.reviewOn ?? null,
      measures: Object.fromEntries((head?.measures ?? []).map((row) => [row.status, row.count])),
    };
  }

  return {
    shown,
    reportsOfConcern: reports.map(presentReportOfConcern),
    risk,
    plan,
  };
};
