import {
  completeness,
  scoreOf,
  signingProblems,
  type AssessmentContent,
} from '../../../domain/risk/assessment';
import type { InstrumentDefinition } from '../../../domain/risk/instrument';
import { decryptField, type KeyRing } from '../../platform/crypto/field-encryption';
import type { AssessmentRecord } from './assessment.repository';

export const assessmentContentContext = 'risk_assessments.content';

export const readContent = (keys: KeyRing, record: { contentEnc: string }): AssessmentContent =>
  JSON.parse(decryptField(keys, assessmentContentContext, record.contentEnc)) as AssessmentContent;

/** A case's assessment list row: no content, so listing needs no decryption. */
export const presentAssessmentSummary = (
  record: AssessmentRecord,
  definition: InstrumentDefinition | undefined,
) => ({
  id: record.id,
  instrumentId: record.instrumentId,
  instrumentName: definition?.name ?? { sv: record.instrumentId, en: record.instrumentId },
  subjectRole: record.subjectRole,
  origin: record.origin,
  status: record.signedAt ? ('signed' as const) : ('draft' as const),
  finalLevel: record.finalLevel,
  score: record.score === null ? null : Number(record.score),
  completeness: Number(record.completeness),
  assessorName: record.assessorName,
  createdAt: record.createdAt.toISOString(),
  signedAt: record.signedAt?.toISOString() ?? null,
});

/**
 * One assessment in full for someone who may read the case: the content, how complete it is,
 * the score (if any) beside, never instead of, the judgement, and what still stops signing.
 */
export const presentAssessment = (
  record: AssessmentRecord,
  definition: InstrumentDefinition,
  keys: KeyRing,
  abilities: { edit: boolean; sign: boolean },
) => {
  const content = readContent(keys, record);
  const signed = record.signedAt !== null;
  return {
    ...presentAssessmentSummary(record, definition),
    caseId: record.caseId,
    subjectPersonId: record.subjectPersonId,
    instrumentVersion: record.instrumentVersion,
    mode: record.mode,
    coAssessorName: record.coAssessorName,
    supersedesId: record.supersedesId,
    content,
    measured: completeness(definition, content),
    score: scoreOf(definition, content),
    signingProblems: signed ? [] : signingProblems(definition, content),
    version: record.version,
    abilities: { edit: abilities.edit && !signed, sign: abilities.sign && !signed },
  };
};
