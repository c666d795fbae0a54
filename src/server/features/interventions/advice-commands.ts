import { can } from '../../../domain/access/policy';
import { swedishDate } from '../../../domain/calendar';
import { DomainError, invalidFields, ruleViolation } from '../../../domain/errors';
import {
  mayRecordRosContact,
  mayStateRisk,
  rosStatus,
  type RosRule,
} from '../../../domain/interventions/advice-and-service';
import { nationalResources } from '../../../domain/interventions/national-resources';
import {
  firstContactPlan,
  ladderLevels,
  type FirstContactItem,
} from '../../../domain/interventions/perpetrator-pathway';
import { reassessmentDueOn } from '../../../domain/risk/reassessment';
import { findReassessmentDays } from '../risk/assessment.repository';
import type { RiskLevel } from '../../../domain/risk/assessment';
import { encryptField } from '../../platform/crypto/field-encryption';
import type { Tx } from '../../platform/db/transaction';
import type { CommandContext } from '../../platform/http/context';
import { adviceNoteContext, presentAdviceContact } from './advice.presenter';
import { caseResource } from '../cases/case.presenter';
import {
  findLatestAdviceContact,
  findRosRule,
  insertAdviceContact,
  listAdviceContacts,
  listLinkedCaseIds,
  listSignedLevels,
} from './advice.repository';
import { findCases, type CaseRecord } from '../cases/case.repository';
import { loadCaseFor } from '../../platform/runtime/case-access';
import { auditPersonEvent, runAudited } from '../../platform/runtime/person-access';

const ruleOf = async (tx: Tx, organisationId: string): Promise<RosRule> => {
  const row = await findRosRule(tx, organisationId);
  return { sessionCap: row.rosSessionCap, maxDays: row.rosMaxDays };
};

/**
 * Whether the victim has a current risk assessment that this worker may see. A victim's case
 * behind internal secrecy counts as unknown: the risk questions are then asked now.
 */
const victimHasCurrentAssessment = async (ctx: CommandContext, tx: Tx, caseId: string) => {
  const links = await listLinkedCaseIds(tx, caseId);
  const victims = (
    await findCases(
      tx,
      links.map((link) => link.id),
    )
  ).filter(
    (other) =>
      other.type === 'adultVictim' &&
      can(ctx.actor, 'case.read', caseResource(other), ctx.now()).allowed,
  );
  if (victims.length === 0) return false;
  const signed = await listSignedLevels(
    tx,
    victims.map((victim) => victim.id),
  );
  const today = swedishDate(ctx.now());
  // The organisation's own intervals decide when an assessment is out of date, as on the case.
  const { reassessmentDays } = await findReassessmentDays(tx, ctx.actor.organisationId);
  return signed.some(
    (row) =>
      reassessmentDueOn(row.finalLevel as RiskLevel, row.signedOn, reassessmentDays) >= today,
  );
};

/**
 * Råd och service on a perpetrator's (or anyone's) case: the contacts so far against the
 * organisation's rule, what the first contacts have yet to cover, the intervention ladder with
 * its owners and where to signpost.
 */
export const readAdvice = (ctx: CommandContext, caseId: string) =>
  runAudited(ctx, async (tx) => {
    const { record, decision } = await loadCaseFor(ctx, tx, caseId, 'case.read', {
      audit: 'advice.read',
      reads: 'caseHistory',
    });
    const rule = await ruleOf(tx, record.organisationId);
    const contacts = await listAdviceContacts(tx, caseId);
    const today = swedishDate(ctx.now());
    const status = rosStatus(
      contacts.map((contact) => ({ on: contact.heldOn, anonymous: contact.anonymous })),
      rule,
      today,
    );
    const covered = [...new Set(contacts.flatMap((contact) => contact.covered))];
    await auditPersonEvent(ctx, tx, {
      type: 'advice.read',
      personId: record.personId,
      reason: decision.reason,
      breakGlassId: decision.breakGlassId,
      details: { caseId },
    });
    return {
      inService: record.stage === 'service',
      rule,
      status,
      firstContact: firstContactPlan(covered, {
        hasCurrentAssessment: await victimHasCurrentAssessment(ctx, tx, caseId),
      }),
      contacts: contacts.map((contact) => presentAdviceContact(contact, ctx.keys)),
      ladder: ladderLevels.map((level) => ({ ...level })),
      resources: nationalResources.map((resource) => ({ ...resource })),
    };
  });

/**
 * One contact within råd och service. Past the organisation's cap or time limit no further
 * contact is recorded: the worker offers an investigation (the case's stage change) instead.
 */
export const recordAdviceContact = (
  ctx: CommandContext,
  caseId: string,
  input: {
    heldOn: string;
    mode: 'inPerson' | 'phone' | 'digital';
    anonymous: boolean;
    covered: FirstContactItem[];
    note: string;
  },
) =>
  runAudited(ctx, async (tx) => {
    const { record, decision } = await loadCaseFor(ctx, tx, caseId, 'case.write', {
      audit: 'advice.contact_recorded',
      reads: 'caseHistory',
    });
    if (record.stage !== 'service')
      throw ruleViolation(
        'advice.not_in_service',
        'Samtal inom råd och service registreras när ärendet är i steget Råd och service.',
      );
    const today = swedishDate(ctx.now());
    if (input.heldOn > today)
      throw invalidFields([
        {
          field: 'heldOn',
          message: 'Samtalet kan inte ha hållits i framtiden.',
          code: 'dateInFuture',
        },
      ]);
    const contacts = await listAdviceContacts(tx, caseId);
    const status = rosStatus(
      contacts.map((contact) => ({ on: contact.heldOn, anonymous: contact.anonymous })),
      await ruleOf(tx, record.organisationId),
      today,
    );
    if (!mayRecordRosContact(status))
      throw ruleViolation('advice.cap_reached', status.messageSv ?? 'Råd och service är slut.');
    const { id } = await insertAdviceContact(tx, {
      organisationId: ctx.actor.organisationId,
      caseId,
      heldOn: input.heldOn,
      mode: input.mode,
      anonymous: input.anonymous,
      covered: [...new Set(input.covered)],
      noteEnc: encryptField(ctx.keys, adviceNoteContext, input.note.trim()),
      recordedBy: ctx.actor.userId,
      recordedAt: ctx.now(),
    });
    await auditPersonEvent(ctx, tx, {
      type: 'advice.contact_recorded',
      personId: record.personId,
      reason: decision.reason,
      details: { caseId, contactId: id, anonymous: input.anonymous },
    });
    return { id };
  });

/**
 * A risk statement or a disclosure from a case whose contacts are anonymous needs an authorised
 * decision (a team leader's): nothing supports a statement about an unknown person's risk.
 */
export const refuseIfAnonymousAdvice = async (
  ctx: CommandContext,
  tx: Tx,
  record: CaseRecord,
  what: string,
) => {
  if (record.stage !== 'service') return;
  const latest = await findLatestAdviceContact(tx, record.id);
  const authorisedDecision = ctx.actor.roles.some(
    (grant) => grant.role === 'teamLeader' && grant.unitId === record.unitId,
  );
  if (latest && !mayStateRisk({ anonymous: latest.anonymous, authorisedDecision }))
    throw new DomainError('rule.violation', {
      reason: 'advice.anonymous',
      message: `Kontakten är anonym. ${what} kräver ett beslut av teamledaren, eller att personen säger vem hen är.`,
    });
};
