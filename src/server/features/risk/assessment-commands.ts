import type { AuditEventType } from '../../../domain/audit/events';
import { can } from '../../../domain/access/policy';
import { swedishDate } from '../../../domain/calendar';
import {
  checkContent,
  completeness,
  emptyContent,
  scoreOf,
  signingProblems,
  type AssessmentContent,
  type RiskLevel,
} from '../../../domain/risk/assessment';
import type { InstrumentDefinition } from '../../../domain/risk/instrument';
import { reassessmentDueOn } from '../../../domain/risk/reassessment';
import { DomainError, ruleViolation, staleVersion } from '../../../domain/errors';
import { encryptField } from '../../platform/crypto/field-encryption';
import { assessmentDocument } from './assessment-document';
import { renderPdf } from '../../platform/documents/pdf';
import { presentPerson } from '../persons/person.presenter';
import { findPerson } from '../persons/person.repository';
import { findUserById } from '../organisation/user.repository';
import type { Tx } from '../../platform/db/transaction';
import type { CommandContext } from '../../platform/http/context';
import { assessmentContentContext, presentAssessment, readContent } from './assessment.presenter';
import { caseResource } from '../cases/case.presenter';
import {
  findAssessment,
  findLatestSigned,
  findReassessmentDays,
  hasTraining,
  insertAssessment,
  listPermittedInstruments,
  updateDraftIfVersion,
} from './assessment.repository';
import { insertTask } from '../cases/task.repository';
import { refuseIfAnonymousAdvice } from '../interventions/advice-commands';
import { loadCaseFor } from '../../platform/runtime/case-access';
import { auditPersonEvent, runAudited } from '../../platform/runtime/person-access';

export type StartInput = {
  instrumentId: string;
  subjectRole: 'victim' | 'perpetrator' | 'child';
  /** Defaults to the case's person. */
  subjectPersonId: string | null;
  mode: 'inPerson' | 'remote' | 'records';
  coAssessorUserId: string | null;
  /** An assessment received from the police, registered here with the client's consent. */
  origin: 'own' | 'police';
  receivedWithConsent: boolean;
};

const instrumentOf = (ctx: CommandContext, id: string): InstrumentDefinition => {
  const definition = ctx.instruments.instruments.get(id);
  if (!definition)
    throw new DomainError('validation.invalid', {
      fields: [{ path: 'body.instrumentId', message: 'Instrumentet finns inte.', code: 'notAnId' }],
    });
  return definition;
};

/** What the stored row keeps in plain codes, derived from the content at each save. */
const derived = (
  definition: InstrumentDefinition,
  content: AssessmentContent,
  keys: CommandContext['keys'],
) => ({
  contentEnc: encryptField(keys, assessmentContentContext, JSON.stringify(content)),
  score: scoreOf(definition, content),
  completeness: completeness(definition, content).share,
  finalLevel: content.finalJudgement.level,
  judgementLevels: JSON.stringify(content.judgements),
});

/**
 * Starts a draft assessment on a case. The organisation must have recorded its permission for
 * instruments that need one; missing training is a warning the assessor sees, not a stop.
 */
export const startAssessment = (ctx: CommandContext, caseId: string, input: StartInput) =>
  runAudited(ctx, async (tx) => {
    const definition = instrumentOf(ctx, input.instrumentId);
    if (!definition.subjects.includes(input.subjectRole))
      throw new DomainError('validation.invalid', {
        fields: [
          {
            path: 'body.subjectRole',
            message: `${definition.name.sv} används inte för den rollen.`,
            code: 'instrumentNotForRole',
          },
        ],
      });
    if (input.origin === 'police' && !input.receivedWithConsent)
      throw new DomainError('validation.invalid', {
        fields: [
          {
            path: 'body.receivedWithConsent',
            message:
              'En bedömning från polisen registreras här bara med den enskildes samtycke (eller annan grund för utlämnande).',
            code: 'consentMissing',
          },
        ],
      });
    const { record, decision } = await loadCaseFor(ctx, tx, caseId, 'case.write', {
      audit: 'assessment.started',
      reads: 'riskAssessments',
    });
    await refuseIfAnonymousAdvice(ctx, tx, record, 'En riskbedömning');
    if (definition.licence.requiresPermission && input.origin === 'own') {
      const permitted = await listPermittedInstruments(tx);
      if (!permitted.some((permission) => permission.instrumentId === definition.id))
        throw ruleViolation(
          'assessment.instrument_not_permitted',
          `Er organisation har inte registrerat tillstånd eller licens för ${definition.name.sv}. Be systemförvaltaren registrera det, eller välj ett annat instrument.`,
        );
    }
    const now = ctx.now();
    const content = emptyContent();
    const { id } = await insertAssessment(tx, {
      organisationId: ctx.actor.organisationId,
      caseId,
      subjectPersonId: input.subjectPersonId ?? record.personId,
      subjectRole: input.subjectRole,
      instrumentId: definition.id,
      instrumentVersion: definition.version,
      origin: input.origin,
      mode: input.origin === 'police' ? 'records' : input.mode,
      assessorUserId: ctx.actor.userId,
      coAssessorUserId: input.coAssessorUserId,
      ...derived(definition, content, ctx.keys),
      createdAt: now,
      updatedAt: now,
    });
    await auditPersonEvent(ctx, tx, {
      type: 'assessment.started',
      personId: record.personId,
      reason: decision.reason,
      details: { caseId, assessmentId: id, instrument: definition.id },
    });
    const warnings: ('training' | 'remote')[] = [];
    if (
      definition.licence.requiresTraining &&
      !(await hasTraining(tx, ctx.actor.userId, definition.id))
    )
      warnings.push('training');
    if (input.mode === 'remote') warnings.push('remote');
    return { id, warnings };
  });

/** Loads an assessment and the policy decision on its case (the same rules as the case). */
const loadAssessmentFor = async (
  ctx: CommandContext,
  tx: Tx,
  assessmentId: string,
  action: 'case.read' | 'case.write',
  auditType: AuditEventType,
) => {
  const assessment = await findAssessment(tx, assessmentId);
  if (!assessment)
    throw new DomainError('not_found', {
      message: 'Bedömningen finns inte eller är inte synlig för dig.',
    });
  const loaded = await loadCaseFor(ctx, tx, assessment.caseId, action, {
    audit: auditType,
    reads: 'riskAssessments',
  });
  const definition = ctx.instruments.instruments.get(assessment.instrumentId);
  if (!definition) throw new Error(`instrument ${assessment.instrumentId} is no longer shipped`);
  return { assessment, definition, ...loaded };
};

const abilitiesFor = (
  ctx: CommandContext,
  caseRecord: Parameters<typeof caseResource>[0],
  assessorIds: (string | null)[],
) => {
  const write = can(ctx.actor, 'case.write', caseResource(caseRecord), ctx.now()).allowed;
  return { edit: write, sign: write && assessorIds.includes(ctx.actor.userId) };
};

export const readAssessment = (ctx: CommandContext, assessmentId: string) =>
  runAudited(ctx, async (tx) => {
    const { assessment, definition, record, decision } = await loadAssessmentFor(
      ctx,
      tx,
      assessmentId,
      'case.read',
      'assessment.read',
    );
    await auditPersonEvent(ctx, tx, {
      type: 'assessment.read',
      personId: record.personId,
      reason: decision.reason,
      breakGlassId: decision.breakGlassId,
      details: { caseId: record.id, assessmentId },
    });
    return presentAssessment(
      assessment,
      definition,
      ctx.keys,
      abilitiesFor(ctx, record, [assessment.assessorUserId, assessment.coAssessorUserId]),
    );
  });

const refuseSigned = () =>
  ruleViolation(
    'assessment.signed',
    'Bedömningen är signerad och kan inte ändras. Gör en ny bedömning om något har ändrats.',
  );

/** Autosaves a draft. Answers outside the instrument's scales are refused with their paths. */
export const saveDraft = (
  ctx: CommandContext,
  assessmentId: string,
  input: { content: AssessmentContent; version: number },
) =>
  runAudited(ctx, async (tx) => {
    const { assessment, definition, record, decision } = await loadAssessmentFor(
      ctx,
      tx,
      assessmentId,
      'case.write',
      'assessment.saved',
    );
    if (assessment.signedAt) throw refuseSigned();
    const problems = checkContent(definition, input.content);
    if (problems.length)
      throw new DomainError('validation.invalid', {
        fields: problems.map(({ path, ...issue }) => ({ path: `body.content.${path}`, ...issue })),
      });
    const saved = await updateDraftIfVersion(tx, assessmentId, input.version, {
      ...derived(definition, input.content, ctx.keys),
      updatedAt: ctx.now(),
    });
    if (!saved)
      throw staleVersion('Någon annan har sparat bedömningen under tiden. Läs in den igen.');
    await auditPersonEvent(ctx, tx, {
      type: 'assessment.saved',
      personId: record.personId,
      reason: decision.reason,
      details: { caseId: record.id, assessmentId },
    });
    return presentAssessment(
      (await findAssessment(tx, assessmentId))!,
      definition,
      ctx.keys,
      abilitiesFor(ctx, record, [assessment.assessorUserId, assessment.coAssessorUserId]),
    );
  });

/**
 * Signs: only the assessor or co-assessor, only when nothing required is missing. The signed
 * assessment supersedes the previous one of the same kind, and the next reassessment is put on
 * the case owner's list by the organisation's interval for the level.
 */
export const signAssessment = (
  ctx: CommandContext,
  assessmentId: string,
  input: { version: number },
) =>
  runAudited(ctx, async (tx) => {
    const { assessment, definition, record, decision } = await loadAssessmentFor(
      ctx,
      tx,
      assessmentId,
      'case.write',
      'assessment.signed',
    );
    if (assessment.signedAt) throw refuseSigned();
    if (![assessment.assessorUserId, assessment.coAssessorUserId].includes(ctx.actor.userId))
      throw ruleViolation(
        'assessment.not_assessor',
        'Bara den som gjort bedömningen (eller den som gjort den tillsammans med hen) kan signera den.',
      );
    const content = readContent(ctx.keys, assessment);
    const problems = signingProblems(definition, content);
    if (problems.length)
      throw new DomainError('validation.invalid', {
        message: 'Bedömningen kan inte signeras än.',
        fields: problems.map(({ path, ...issue }) => ({ path: `content.${path}`, ...issue })),
      });
    const now = ctx.now();
    const previous = await findLatestSigned(tx, {
      caseId: assessment.caseId,
      subjectPersonId: assessment.subjectPersonId,
      instrumentId: assessment.instrumentId,
      origin: assessment.origin,
    });
    const signed = await updateDraftIfVersion(tx, assessmentId, input.version, {
      ...derived(definition, content, ctx.keys),
      updatedAt: now,
      signedAt: now,
      signedBy: ctx.actor.userId,
      supersedesId: previous?.id ?? null,
    });
    if (!signed) throw staleVersion('Bedömningen har ändrats sedan du läste den. Läs in den igen.');
    const level = content.finalJudgement.level as RiskLevel;
    const { reassessmentDays } = await findReassessmentDays(tx, ctx.actor.organisationId);
    const dueOn = reassessmentDueOn(level, swedishDate(now), reassessmentDays);
    await insertTask(tx, {
      organisationId: ctx.actor.organisationId,
      caseId: record.id,
      kind: 'reassessment',
      noteEnc: null,
      assigneeUserId: record.ownerUserId,
      dueOn,
      sourceEventId: null,
      createdBy: ctx.actor.userId,
      createdAt: now,
    });
    await auditPersonEvent(ctx, tx, {
      type: 'assessment.signed',
      personId: record.personId,
      reason: decision.reason,
      details: { caseId: record.id, assessmentId, instrument: definition.id, level },
    });
    return {
      ...presentAssessment((await findAssessment(tx, assessmentId))!, definition, ctx.keys, {
        edit: false,
        sign: false,
      }),
      reassessmentDueOn: dueOn,
    };
  });

/** A printable assessment for the viewer (person masked as on screen); printing is audited. */
export const printAssessment = (ctx: CommandContext, assessmentId: string, language: 'sv' | 'en') =>
  runAudited(ctx, async (tx) => {
    const { assessment, definition, record, decision } = await loadAssessmentFor(
      ctx,
      tx,
      assessmentId,
      'case.read',
      'assessment.printed',
    );
    const person = await findPerson(tx, assessment.subjectPersonId);
    if (!person) throw new DomainError('not_found', { message: 'Personen finns inte.' });
    const printer = await findUserById(tx, ctx.actor.userId);
    const content = readContent(ctx.keys, assessment);
    const now = ctx.now();
    await auditPersonEvent(ctx, tx, {
      type: 'assessment.printed',
      personId: assessment.subjectPersonId,
      reason: decision.reason,
      breakGlassId: decision.breakGlassId,
      details: { caseId: record.id, assessmentId },
    });
    return renderPdf(
      assessmentDocument({
        definition,
        assessment: { ...assessment, caseType: record.type },
        content,
        answered: completeness(definition, content),
        score: scoreOf(definition, content),
        // Never revealed in print: presentPerson masks protected identity for every viewer here.
        person: presentPerson(person, { actor: ctx.actor, keys: ctx.keys, now }),
        printedBy: printer?.displayName ?? '–',
        printedAt: now,
        language,
      }),
    );
  });
