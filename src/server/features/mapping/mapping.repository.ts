import type { Insertable } from 'kysely';
import type { ReleasedFigure } from '../../../domain/indicators/suppression';
import {
  answersByTheme,
  scaleByMunicipality,
  trendAcrossRounds,
  type SessionFacts,
} from '../../../domain/mapping/compare';
import type { MappingCatalogue } from '../../../domain/mapping/template';
import { DomainError, invalidFields } from '../../../domain/errors';
import { dateText } from '../../platform/db/date-text';
import type {
  MappingAnswersTable,
  MappingMunicipalitiesTable,
  MappingRoundsTable,
  MappingSessionsTable,
} from '../../platform/db/schema';
import type { Tx } from '../../platform/db/transaction';

/**
 * The county mapping's reads: rounds, their municipalities and sessions, and the snapshot the
 * analyst and the reports work from. The reports take their input type from here, so documents
 * depend on the data, never on the commands that run them.
 */
/** A round's own columns, its period as calendar days. */
const roundColumns = [
  'id',
  'name',
  'templateId',
  'strategyPeriod',
  dateText('periodFrom').as('periodFrom'),
  dateText('periodTo').as('periodTo'),
] as const;

/** The county board's rounds, newest first. */
export const listRoundRows = (tx: Tx) =>
  tx
    .selectFrom('mappingRounds')
    .select([...roundColumns, 'createdAt'])
    .orderBy('createdAt', 'desc')
    .execute();

export const findRound = async (tx: Tx, roundId: string) => {
  const round = await tx
    .selectFrom('mappingRounds')
    .select(roundColumns)
    .where('id', '=', roundId)
    .executeTakeFirst();
  if (!round) throw new DomainError('not_found', { message: 'Kartläggningen finns inte.' });
  return round;
};

export const findMunicipality = async (tx: Tx, roundId: string, municipalityId: string) => {
  const municipality = await tx
    .selectFrom('mappingMunicipalities')
    .selectAll()
    .where('id', '=', municipalityId)
    .where('roundId', '=', roundId)
    .executeTakeFirst();
  if (!municipality)
    throw invalidFields([
      { field: 'municipalityId', message: 'Välj en kommun i kartläggningen.', code: 'notAnId' },
    ]);
  return municipality;
};

/** The municipalities of the county that run Fristad (from the county's directory). */
export const countyMunicipalities = (tx: Tx, countyCode: string) =>
  tx
    .selectFrom('directoryOrganisations')
    .select(['id', 'name', 'scbCode'])
    .where('kind', '=', 'municipality')
    .where('countyCode', '=', countyCode)
    .orderBy('name')
    .execute();

/** What a municipality that runs Fristad published for the round's period: the latest. */
export const publishedFigures = async (
  tx: Tx,
  round: { periodFrom: string; periodTo: string },
  organisationIds: readonly string[],
) => {
  if (organisationIds.length === 0) return new Map<string, ReleasedFigure[]>();
  const rows = await tx
    .selectFrom('indicatorPublications')
    .select(['organisationId', 'figures'])
    .where('organisationId', 'in', organisationIds)
    .where('periodFrom', '=', round.periodFrom)
    .where('periodTo', '=', round.periodTo)
    .orderBy('publishedAt')
    .execute();
  return new Map(rows.map((row) => [row.organisationId, row.figures]));
};

export const sessionsOf = (tx: Tx, roundId: string) =>
  tx
    .selectFrom('mappingSessions')
    .select([
      'id',
      'municipalityId',
      'label',
      dateText('heldOn').as('heldOn'),
      'mode',
      'participants',
      'scale',
      'openAnswers',
      'version',
    ])
    .where('roundId', '=', roundId)
    .orderBy('heldOn')
    .orderBy('label')
    .execute();

export const toFacts = (session: {
  municipalityId: string;
  label: string;
  scale: number | null;
  openAnswers: SessionFacts['openAnswers'];
}): SessionFacts => ({
  municipalityId: session.municipalityId,
  label: session.label,
  scale: session.scale,
  openAnswers: session.openAnswers,
});

/** Everything about a round as the analyst works with it, comparisons included. */
export const roundSnapshot = async (tx: Tx, mapping: MappingCatalogue, roundId: string) => {
  const round = await findRound(tx, roundId);
  const template = mapping.templates.find((entry) => entry.id === round.templateId);
  if (!template)
    throw invalidFields([{ field: 'templateId', message: 'Välj en mall.', code: 'notAnId' }]);
  const municipalities = await tx
    .selectFrom('mappingMunicipalities')
    .selectAll()
    .where('roundId', '=', roundId)
    .orderBy('name')
    .execute();
  const sessions = await sessionsOf(tx, roundId);
  const answers = await tx
    .selectFrom('mappingAnswers')
    .select(['municipalityId', 'itemId', 'status', 'value', 'source', 'answeredAt'])
    .where('roundId', '=', roundId)
    .execute();
  const figures = await publishedFigures(
    tx,
    round,
    municipalities.flatMap((municipality) =>
      municipality.fristadOrganisationId ? [municipality.fristadOrganisationId] : [],
    ),
  );
  // Earlier rounds of the same template, for the trend.
  const earlier = await tx
    .selectFrom('mappingRounds')
    .select(['id', 'name', dateText('periodFrom').as('periodFrom')])
    .where('templateId', '=', round.templateId)
    .execute();
  const facts = sessions.map(toFacts);
  // The round itself is already read; only the template's other rounds are fetched for the trend.
  const trendRounds = await Promise.all(
    earlier.map(async (other) =>
      other.id === round.id
        ? {
            roundId: round.id,
            name: round.name,
            openedOn: round.periodFrom,
            municipalities,
            sessions: facts,
          }
        : {
            roundId: other.id,
            name: other.name,
            openedOn: other.periodFrom,
            municipalities: await tx
              .selectFrom('mappingMunicipalities')
              .select(['id', 'name', 'scbCode'])
              .where('roundId', '=', other.id)
              .execute(),
            sessions: (await sessionsOf(tx, other.id)).map(toFacts),
          },
    ),
  );
  return {
    round: {
      id: round.id,
      name: round.name,
      templateId: round.templateId,
      strategyPeriod: round.strategyPeriod,
      periodFrom: round.periodFrom,
      periodTo: round.periodTo,
    },
    template,
    municipalities: municipalities.map((municipality) => ({
      id: municipality.id,
      name: municipality.name,
      scbCode: municipality.scbCode,
      runsFristad: municipality.fristadOrganisationId !== null,
      published: municipality.fristadOrganisationId
        ? (figures.get(municipality.fristadOrganisationId) ?? null)
        : null,
    })),
    sessions: sessions.map((session) => ({
      id: session.id,
      municipalityId: session.municipalityId,
      label: session.label,
      heldOn: session.heldOn,
      mode: session.mode,
      participants: session.participants,
      scale: session.scale,
      openAnswers: session.openAnswers,
      version: session.version,
    })),
    answers: answers.map((answer) => ({ ...answer, answeredAt: answer.answeredAt.toISOString() })),
    comparison: {
      scale: scaleByMunicipality(municipalities, facts),
      themes: answersByTheme(mapping.themes, facts),
      trend: trendAcrossRounds(trendRounds),
    },
  };
};

/** A round as the analyst and the reports see it. */
export type RoundSnapshot = Awaited<ReturnType<typeof roundSnapshot>>;

/** The round with exactly this name, if any. */
export const findRoundByName = (tx: Tx, name: string) =>
  tx.selectFrom('mappingRounds').select('id').where('name', '=', name).executeTakeFirst();

export const insertRound = (tx: Tx, values: Insertable<MappingRoundsTable>) =>
  tx.insertInto('mappingRounds').values(values).returning('id').executeTakeFirstOrThrow();

export const insertMunicipalities = (
  tx: Tx,
  values: readonly Insertable<MappingMunicipalitiesTable>[],
) => tx.insertInto('mappingMunicipalities').values(values).execute();

type AnswerKey = Pick<
  Insertable<MappingAnswersTable>,
  'organisationId' | 'roundId' | 'municipalityId' | 'itemId'
>;
type AnswerValues = Pick<
  Insertable<MappingAnswersTable>,
  'status' | 'value' | 'source' | 'answeredBy' | 'answeredAt'
>;

/** Saves a municipality's answer to an item, replacing the answer it had. */
export const upsertAnswer = (tx: Tx, key: AnswerKey, values: AnswerValues) =>
  tx
    .insertInto('mappingAnswers')
    .values({ ...values, ...key })
    .onConflict((conflict) => conflict.columns(['municipalityId', 'itemId']).doUpdateSet(values))
    .execute();

export const insertAnswer = (tx: Tx, values: Insertable<MappingAnswersTable>) =>
  tx.insertInto('mappingAnswers').values(values).execute();

/** The items a municipality has answered (in any round). */
export const listAnsweredItemIds = (tx: Tx, municipalityId: string) =>
  tx
    .selectFrom('mappingAnswers')
    .select('itemId')
    .where('municipalityId', '=', municipalityId)
    .execute();

export const insertSession = (tx: Tx, values: Insertable<MappingSessionsTable>) =>
  tx.insertInto('mappingSessions').values(values).returning('id').executeTakeFirstOrThrow();

/** A session's open answers, for coding them. */
export const findSessionAnswers = (tx: Tx, sessionId: string) =>
  tx
    .selectFrom('mappingSessions')
    .select(['id', 'roundId', 'openAnswers', 'version'])
    .where('id', '=', sessionId)
    .executeTakeFirst();

/** Saves the session's open answers at the version read; its new version, none when stale. */
export const updateSessionAnswersIfVersion = (
  tx: Tx,
  sessionId: string,
  version: number,
  openAnswers: string,
) =>
  tx
    .updateTable('mappingSessions')
    .set((eb) => ({ openAnswers, version: eb('version', '+', 1) }))
    .where('id', '=', sessionId)
    .where('version', '=', version)
    .returning('version')
    .executeTakeFirst();
