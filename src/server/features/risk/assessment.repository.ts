import { sql, type Insertable } from 'kysely';
import type {
  InstrumentPermissionsTable,
  RiskAssessmentsTable,
  UserTrainingsTable,
} from '../../platform/db/schema';
import type { Tx } from '../../platform/db/transaction';

const assessmentQuery = (tx: Tx) =>
  tx
    .selectFrom('riskAssessments as a')
    .innerJoin('users as au', 'au.id', 'a.assessorUserId')
    .leftJoin('users as cu', 'cu.id', 'a.coAssessorUserId')
    .select([
      'a.id',
      'a.organisationId',
      'a.caseId',
      'a.subjectPersonId',
      'a.subjectRole',
      'a.instrumentId',
      'a.instrumentVersion',
      'a.origin',
      'a.mode',
      'a.assessorUserId',
      'au.displayName as assessorName',
      'a.coAssessorUserId',
      'cu.displayName as coAssessorName',
      'a.contentEnc',
      'a.score',
      'a.completeness',
      'a.finalLevel',
      'a.judgementLevels',
      'a.supersedesId',
      'a.createdAt',
      'a.updatedAt',
      'a.signedAt',
      'a.version',
    ]);

export type AssessmentRecord = Awaited<
  ReturnType<ReturnType<typeof assessmentQuery>['executeTakeFirstOrThrow']>
>;

export const insertAssessment = (tx: Tx, values: Insertable<RiskAssessmentsTable>) =>
  tx.insertInto('riskAssessments').values(values).returning('id').executeTakeFirstOrThrow();

export const findAssessment = (tx: Tx, id: string) =>
  assessmentQuery(tx).where('a.id', '=', id).executeTakeFirst();

/** A case's assessments, oldest first (the picture over time reads them in this order). */
export const listAssessmentsForCase = (tx: Tx, caseId: string) =>
  assessmentQuery(tx).where('a.caseId', '=', caseId).orderBy('a.createdAt').execute();

/** The latest signed assessment with the same instrument, subject and origin, which a new one supersedes. */
export const findLatestSigned = (
  tx: Tx,
  match: { caseId: string; subjectPersonId: string; instrumentId: string; origin: string },
) =>
  tx
    .selectFrom('riskAssessments')
    .select('id')
    .where('caseId', '=', match.caseId)
    .where('subjectPersonId', '=', match.subjectPersonId)
    .where('instrumentId', '=', match.instrumentId)
    .where('origin', '=', match.origin as 'own' | 'police')
    .where('signedAt', 'is not', null)
    .orderBy('signedAt', 'desc')
    .limit(1)
    .executeTakeFirst();

/** Saves a draft read at `version`; false if it was changed since (or signed: the trigger guards that too). */
export const updateDraftIfVersion = async (
  tx: Tx,
  id: string,
  version: number,
  changes: {
    contentEnc: string;
    score: number | null;
    completeness: number;
    finalLevel: 'low' | 'medium' | 'high' | null;
    judgementLevels: string;
    updatedAt: Date;
    signedAt?: Date;
    signedBy?: string;
    supersedesId?: string | null;
  },
) => {
  const result = await tx
    .updateTable('riskAssessments')
    .set({ ...changes, version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('signedAt', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
};

export const listPermittedInstruments = (tx: Tx) =>
  tx.selectFrom('instrumentPermissions').select(['instrumentId', 'licenceNote']).execute();

export const hasTraining = async (tx: Tx, userId: string, instrumentId: string) =>
  (await tx
    .selectFrom('userTrainings')
    .select('id')
    .where('userId', '=', userId)
    .where('instrumentId', '=', instrumentId)
    .executeTakeFirst()) !== undefined;

/** Records the organisation's permission for an instrument; one already recorded is kept. */
export const insertInstrumentPermission = (
  tx: Tx,
  values: Insertable<InstrumentPermissionsTable>,
) =>
  tx
    .insertInto('instrumentPermissions')
    .values(values)
    .onConflict((conflict) => conflict.columns(['organisationId', 'instrumentId']).doNothing())
    .execute();

export const insertUserTraining = (tx: Tx, values: Insertable<UserTrainingsTable>) =>
  tx.insertInto('userTrainings').values(values).execute();

/** The case an assessment belongs to, and whether it is signed. */
export const findAssessmentCaseAndSigning = (tx: Tx, id: string) =>
  tx
    .selectFrom('riskAssessments')
    .select(['caseId', 'signedAt'])
    .where('id', '=', id)
    .executeTakeFirst();

/** The ids of a case's signed assessments. */
export const listSignedAssessmentIds = (tx: Tx, caseId: string) =>
  tx
    .selectFrom('riskAssessments')
    .select('id')
    .where('caseId', '=', caseId)
    .where('signedAt', 'is not', null)
    .execute();

export const findReassessmentDays = (tx: Tx, organisationId: string) =>
  tx
    .selectFrom('organisations')
    .select('reassessmentDays')
    .where('id', '=', organisationId)
    .executeTakeFirstOrThrow();
