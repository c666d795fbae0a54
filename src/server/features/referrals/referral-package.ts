import type { DataCategory } from '../../../domain/collaboration/consent';
import type { ProtectionLevel } from '../../../domain/identity/protected-identity';
import type { Tx } from '../../platform/db/transaction';
import type { CommandContext } from '../../platform/http/context';
import { presentAssessmentSummary } from '../risk/assessment.presenter';
import { presentCaseEvent } from '../cases/case.presenter';
import { listAssessmentsForCase } from '../risk/assessment.repository';
import { listCaseEvents, type CaseRecord } from '../cases/case.repository';
import { readPlanView } from '../plans/plan-view';

/** Who the referral is about: enough for the receiver to register the person, nothing more. */
export type ReferralSubject = {
  givenName: string;
  familyName: string;
  personalNumber: string | null;
  protectionLevel: ProtectionLevel;
};

/**
 * What is handed over, built from the presenters' output at the moment of sending (a snapshot:
 * the receiver gets what the sender saw, and the sender's later changes stay with the sender).
 * Each part is present only when its category was disclosed.
 */
export type ReferralPackage = {
  summary: string;
  caseType: string;
  hrv: boolean;
  violenceForms: string[];
  perpetratorRelation: string | null;
  childrenAnswer: string | null;
  events?: { occurredOn: string; kind: string; source: string; description: string | null }[];
  assessments?: {
    instrumentName: { sv: string; en: string };
    finalLevel: string | null;
    signedAt: string | null;
    assessorName: string;
  }[];
  plan?: {
    measures: { label: { sv: string; en: string }; ownerOrganisation: string; status: string }[];
    victimStrategies: string | null;
    outOfHours: string | null;
  };
};

export const buildReferralPackage = async (
  ctx: CommandContext,
  tx: Tx,
  record: CaseRecord,
  summary: string,
  categories: readonly DataCategory[],
): Promise<ReferralPackage> => {
  const has = (category: DataCategory) => categories.includes(category);
  const events = has('caseHistory')
    ? (await listCaseEvents(tx, record.id)).map((event) => {
        const { occurredOn, kind, source, description } = presentCaseEvent(event, ctx.keys);
        return { occurredOn, kind, source, description };
      })
    : undefined;
  const assessments = has('riskAssessments')
    ? (await listAssessmentsForCase(tx, record.id))
        .filter((row) => row.signedAt)
        .map((row) => {
          const presented = presentAssessmentSummary(
            row,
            ctx.instruments.instruments.get(row.instrumentId),
          );
          return {
            instrumentName: presented.instrumentName,
            finalLevel: presented.finalLevel,
            signedAt: presented.signedAt,
            assessorName: presented.assessorName,
          };
        })
    : undefined;
  const plan = has('safetyPlan') ? await readPlanView(ctx, tx, record) : undefined;
  return {
    summary,
    caseType: record.type,
    hrv: record.hrv,
    violenceForms: record.violenceForms,
    perpetratorRelation: record.perpetratorRelation,
    childrenAnswer: has('children') ? record.childrenAnswer : null,
    ...(events ? { events } : {}),
    ...(assessments ? { assessments } : {}),
    ...(plan
      ? {
          plan: {
            measures: plan.measures.map(({ label, ownerOrganisation, status }) => ({
              label,
              ownerOrganisation,
              status,
            })),
            victimStrategies: plan.victimStrategies,
            outOfHours: plan.outOfHours,
          },
        }
      : {}),
  };
};
