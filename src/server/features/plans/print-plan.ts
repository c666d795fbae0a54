import type { Measure } from '../../../domain/risk-management/measures';
import { planDocument } from './plan-document';
import { renderPdf } from '../../platform/documents/pdf';
import type { CommandContext } from '../../platform/http/context';
import { presentPerson } from '../persons/person.presenter';
import { findPerson } from '../persons/person.repository';
import { findUserById } from '../organisation/user.repository';
import { loadCaseFor } from '../../platform/runtime/case-access';
import { auditPersonEvent, runAudited } from '../../platform/runtime/person-access';
import { loadMeasures } from './organisation-measures';
import { readPlanView } from './plan-view';

/** The plan, or one partner's summary of it, as a PDF; masked for every reader; audited. */
export const printSafetyPlan = (
  ctx: CommandContext,
  caseId: string,
  options: { recipient?: Measure['usualOwner'] | undefined },
) =>
  runAudited(ctx, async (tx) => {
    const { record, decision } = await loadCaseFor(ctx, tx, caseId, 'case.read', {
      audit: 'plan.printed',
      reads: 'safetyPlan',
    });
    const plan = await readPlanView(ctx, tx, record);
    const person = (await findPerson(tx, record.personId))!;
    const printer = await findUserById(tx, ctx.actor.userId);
    const now = ctx.now();
    await auditPersonEvent(ctx, tx, {
      type: 'plan.printed',
      personId: record.personId,
      reason: decision.reason,
      breakGlassId: decision.breakGlassId,
      details: { caseId, recipient: options.recipient ?? null },
    });
    return renderPdf(
      planDocument({
        plan,
        person: presentPerson(person, { actor: ctx.actor, keys: ctx.keys, now }),
        measures: await loadMeasures(ctx, tx),
        recipient: options.recipient,
        printedBy: printer?.displayName ?? '–',
        printedAt: now,
      }),
    );
  });
