import { swedishDate } from '../../../domain/calendar';
import {
  checkConcern,
  groundOfPath,
  notifiesVictimsWorker,
  weighConcernPaths,
  type ConcernDraft,
  type ConcernSituation,
} from '../../../domain/collaboration/concern';
import { consentCovers } from '../../../domain/collaboration/consent';
import { DomainError, ruleViolation } from '../../../domain/errors';
import { encryptField } from '../../platform/crypto/field-encryption';
import type { Tx } from '../../platform/db/transaction';
import type { CommandContext } from '../../platform/http/context';
import { concernContext, disclosureContext, presentConcern } from './collaboration.presenter';
import { taskNoteContext } from '../cases/task.presenter';
import { findCases, listLinks, type CaseRecord } from '../cases/case.repository';
import {
  insertConcern,
  insertDisclosure,
  listConcerns,
  listConsents,
} from './collaboration.repository';
import { insertTask } from '../cases/task.repository';
import { appendAuditEvent } from '../../platform/audit/audit.repository';
import { loadCaseFor } from '../../platform/runtime/case-access';
import { asConsentRecord } from './consent-commands';
import { auditPersonEvent, runAudited } from '../../platform/runtime/person-access';

/**
 * The victims' cases linked to a perpetrator's case. Read as the system: the perpetrator's
 * worker never sees them, the concern only travels to them.
 */
const victimCasesOf = async (tx: Tx, perpetratorCaseId: string) => {
  const links = await listLinks(tx, perpetratorCaseId);
  const linked = await findCases(
    tx,
    links.filter((link) => link.kind === 'victimPerpetrator').map((link) => link.linkedCaseId),
  );
  return linked.filter((other) => other.type === 'adultVictim' && other.stage !== 'closed');
};

const situationFor = async (
  ctx: CommandContext,
  tx: Tx,
  record: CaseRecord,
  victims: readonly CaseRecord[],
): Promise<ConcernSituation> => {
  const consents = (await listConsents(tx, record.personId)).map(asConsentRecord);
  const today = swedishDate(ctx.now());
  return {
    sameSecrecyArea:
      victims.length > 0 &&
      victims.every(
        (victim) =>
          victim.unitId === record.unitId ||
          (victim.secrecyAreaId !== null && victim.secrecyAreaId === record.secrecyAreaId),
      ),
    consentCovers:
      victims.length > 0 &&
      victims.every(
        (victim) =>
          consentCovers(consents, {
            recipient: {
              kind: 'internal',
              organisationId: null,
              unitId: victim.unitId,
              label: victim.unitName,
            },
            categories: [],
            today,
            subjectAge: null,
            custodianCount: 0,
          }).covered,
      ),
  };
};

const loadPerpetratorCase = async (ctx: CommandContext, tx: Tx, caseId: string, write: boolean) => {
  const loaded = await loadCaseFor(ctx, tx, caseId, write ? 'case.write' : 'case.read', {
    audit: write ? 'concern.raised' : 'concern.read',
    reads: 'notShared',
    passesOn: write,
  });
  if (loaded.record.type !== 'perpetrator')
    throw ruleViolation(
      'concern.not_perpetrator_case',
      'Oro för en våldsutsatt förs vidare från en våldsutövares ärende.',
    );
  return loaded;
};

/** The paths a concern could take from this case now, and the concerns already raised in it. */
export const readConcerns = (ctx: CommandContext, caseId: string) =>
  runAudited(ctx, async (tx) => {
    const { record, decision } = await loadPerpetratorCase(ctx, tx, caseId, false);
    const victims = await victimCasesOf(tx, caseId);
    const rows = await listConcerns(tx, caseId);
    await auditPersonEvent(ctx, tx, {
      type: 'concern.read',
      personId: record.personId,
      reason: decision.reason,
      breakGlassId: decision.breakGlassId,
      details: { caseId, concerns: rows.length },
    });
    return {
      linkedVictimCases: victims.length,
      paths: weighConcernPaths(await situationFor(ctx, tx, record, victims)),
      concerns: rows.map((row) => presentConcern(row, ctx.keys)),
    };
  });

/**
 * Passes on a concern for the victim from a perpetrator's case (digest 003). The words are
 * recorded in the perpetrator's case; they travel only on a path the situation opens: the
 * victim's worker gets a task on the victim's case, or the police are told (law catalogue: osl.preventViolenceAgainstRelative).
 * Crossing a secrecy area is a disclosure with its ground; nothing else of either case moves.
 */
export const raiseConcern = (ctx: CommandContext, caseId: string, draft: ConcernDraft) =>
  runAudited(ctx, async (tx) => {
    const { record, decision } = await loadPerpetratorCase(ctx, tx, caseId, true);
    const victims = await victimCasesOf(tx, caseId);
    const problems = checkConcern(
      ctx.disclosureGrounds,
      await situationFor(ctx, tx, record, victims),
      draft,
    );
    if (problems.length)
      throw new DomainError('validation.invalid', {
        fields: problems.map(({ field, ...issue }) => ({ path: `body.${field}`, ...issue })),
      });
    const path = draft.path!;
    if (notifiesVictimsWorker(path) && victims.length === 0)
      throw ruleViolation(
        'concern.no_victim_case',
        'Det finns inget öppet ärende för den våldsutsatta länkat till det här ärendet. Kontakta mottagningen, och ring 112 om någon är i fara nu.',
      );
    const now = ctx.now();
    const said = draft.whatWasSaid.trim();
    const ground = groundOfPath[path];
    const crosses = ground !== null;
    const recipients =
      path === 'dangerToLife'
        ? [{ kind: 'police' as const, unitId: null, label: 'Polisen' }]
        : crosses
          ? victims.map((victim) => ({
              kind: 'internal' as const,
              unitId: victim.unitId,
              label: victim.unitName,
            }))
          : [];
    let disclosureId: string | null = null;
    for (const recipient of recipients) {
      ({ id: disclosureId } = await insertDisclosure(tx, {
        organisationId: ctx.actor.organisationId,
        personId: record.personId,
        caseId,
        recipientKind: recipient.kind,
        recipientUnitId: recipient.unitId,
        recipientLabel: recipient.label,
        categories: [],
        groundCode: ground!,
        groundCatalogueVersion: ctx.disclosureGrounds.version,
        provisionText: null,
        consentIds: [],
        assessmentEnc: draft.assessmentNote.trim()
          ? encryptField(ctx.keys, disclosureContext.assessment, draft.assessmentNote.trim())
          : null,
        contentEnc: encryptField(ctx.keys, disclosureContext.content, said),
        decidedBy: ctx.actor.userId,
        decidedAt: now,
        sharesCase: false,
        shareEndsAt: null,
        shareEndedAt: null,
      }));
    }
    const { id } = await insertConcern(tx, {
      organisationId: ctx.actor.organisationId,
      perpetratorCaseId: caseId,
      path,
      whatWasSaidEnc: encryptField(ctx.keys, concernContext, said),
      disclosureId,
      raisedBy: ctx.actor.userId,
      raisedAt: now,
    });
    await auditPersonEvent(ctx, tx, {
      type: 'concern.raised',
      personId: record.personId,
      reason: decision.reason,
      details: { caseId, concernId: id, path },
    });
    if (notifiesVictimsWorker(path)) {
      for (const victim of victims) await notifyVictimsWorker(ctx, tx, victim, record, said, id);
    }
    return { id, path, notifiedCases: notifiesVictimsWorker(path) ? victims.length : 0 };
  });

/**
 * The notice on the victim's case: a task due today for its owner, holding the words and the
 * unit they came from. Logged on the victim's person with the path as the reason, since the
 * raiser wrote to a case they cannot read.
 */
const notifyVictimsWorker = async (
  ctx: CommandContext,
  tx: Tx,
  victim: CaseRecord,
  source: CaseRecord,
  said: string,
  concernId: string,
) => {
  const { id: taskId } = await insertTask(tx, {
    organisationId: ctx.actor.organisationId,
    caseId: victim.id,
    kind: 'concern',
    noteEnc: encryptField(ctx.keys, taskNoteContext, `Från ${source.unitName}: ”${said}”`),
    assigneeUserId: victim.ownerUserId,
    dueOn: swedishDate(ctx.now()),
    sourceEventId: null,
    createdBy: ctx.actor.userId,
    createdAt: ctx.now(),
  });
  await appendAuditEvent(
    tx,
    {
      type: 'case.task_added',
      organisationId: ctx.actor.organisationId,
      actorUserId: ctx.actor.userId,
      personId: victim.personId,
      outcome: 'allowed',
      reason: 'access.concern_path',
      requestId: ctx.requestId,
      details: { caseId: victim.id, taskId, kind: 'concern', concernId },
    },
    ctx.now(),
  );
};
