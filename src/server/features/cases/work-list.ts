import { can } from '../../../domain/access/policy';
import { swedishDate } from '../../../domain/calendar';
import type { CommandContext } from '../../platform/http/context';
import { caseResource, presentCaseSummary } from './case.presenter';
import { presentHandover, presentTask } from './task.presenter';
import { findCases, listCasesOwnedBy } from './case.repository';
import { listOpenTasksAssignedTo, listPendingHandoversTo } from './task.repository';
import { auditOrganisationEvent, runAudited } from '../../platform/runtime/person-access';

/**
 * The worker's own list: hand-overs waiting for them, their open tasks by last day (overdue
 * first), and their open cases. Each row is confirmed by the policy before it is shown.
 */
export const myWorkList = (ctx: CommandContext) =>
  runAudited(ctx, async (tx) => {
    const now = ctx.now();
    const today = swedishDate(now);
    const viewer = { actor: ctx.actor, keys: ctx.keys, now };
    const owned = await listCasesOwnedBy(tx, ctx.actor.userId, 200);
    const tasks = await listOpenTasksAssignedTo(tx, ctx.actor.userId, 200);
    const handovers = await listPendingHandoversTo(tx, ctx.actor.userId);
    const referenced = await findCases(tx, [
      ...new Set([...tasks, ...handovers].map((row) => row.caseId)),
    ]);
    const visible = new Map(
      [...owned, ...referenced]
        .filter((record) => can(ctx.actor, 'case.read', caseResource(record), now).allowed)
        .map((record) => [record.id, presentCaseSummary(record, viewer)]),
    );
    const withCase = <T extends { caseId: string }>(rows: T[]) =>
      rows.flatMap((row) => {
        const summary = visible.get(row.caseId);
        return summary ? [{ row, summary }] : [];
      });
    const result = {
      handovers: withCase(handovers).map(({ row, summary }) => ({
        ...presentHandover(row, ctx.keys),
        case: summary,
      })),
      tasks: withCase(tasks).map(({ row, summary }) => ({
        ...presentTask(row, ctx.keys, today),
        case: summary,
      })),
      cases: owned.flatMap((record) => visible.get(record.id) ?? []),
    };
    await auditOrganisationEvent(ctx, tx, {
      type: 'work_list.read',
      reason: 'work_list.mine',
      details: {
        handovers: result.handovers.length,
        tasks: result.tasks.length,
        cases: result.cases.length,
      },
    });
    return result;
  });
