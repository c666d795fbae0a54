import type { Insertable } from 'kysely';
import type { Period } from '../../../domain/indicators/facts';
import type { PopulationRow } from '../../../domain/indicators/population';
import type { IndicatorPublicationsTable } from '../../platform/db/schema';
import type { Tx } from '../../platform/db/transaction';

/** Indicators: the organisation and units they are computed for, population, publications. */

/** The organisation whose figures are computed, with its SCB and county codes. */
export const findOrganisationForFigures = (tx: Tx, organisationId: string) =>
  tx
    .selectFrom('organisations')
    .select(['id', 'name', 'kind', 'scbCode', 'countyCode'])
    .where('id', '=', organisationId)
    .executeTakeFirstOrThrow();

/** The organisation's units by name: each is one level of the figures. */
export const listUnitsForFigures = (tx: Tx, organisationId: string) =>
  tx
    .selectFrom('units')
    .select(['id', 'name'])
    .where('organisationId', '=', organisationId)
    .orderBy('name')
    .execute();

/** Stores population rows; a municipality and year loaded again is replaced. */
export const insertPopulation = (
  tx: Tx,
  rows: readonly PopulationRow[],
  source: string,
  now: Date,
) =>
  tx
    .insertInto('populationFigures')
    .values(rows.map((row) => ({ ...row, source, loadedAt: now })))
    .onConflict((conflict) =>
      conflict.columns(['scbCode', 'year']).doUpdateSet((eb) => ({
        adults: eb.ref('excluded.adults'),
        source: eb.ref('excluded.source'),
        loadedAt: eb.ref('excluded.loadedAt'),
      })),
    )
    .execute();

export const populationRows = (tx: Tx, scbCodes: readonly string[]): Promise<PopulationRow[]> =>
  scbCodes.length
    ? tx
        .selectFrom('populationFigures')
        .select(['scbCode', 'year', 'adults'])
        .where('scbCode', 'in', scbCodes)
        .execute()
    : Promise.resolve([]);

/** The organisation's latest publication for exactly this period, if any. */
export const findLatestPublication = (tx: Tx, organisationId: string, period: Period) =>
  tx
    .selectFrom('indicatorPublications')
    .select(['publishedAt', 'catalogueVersion', 'figures'])
    .where('organisationId', '=', organisationId)
    .where('periodFrom', '=', period.from)
    .where('periodTo', '=', period.to)
    .orderBy('publishedAt', 'desc')
    .executeTakeFirst();

export const insertPublication = (tx: Tx, values: Insertable<IndicatorPublicationsTable>) =>
  tx.insertInto('indicatorPublications').values(values).returning('id').executeTakeFirstOrThrow();

/** Every publication to a county for the period, oldest first, with the municipality's name. */
export const listCountyPublications = (tx: Tx, countyCode: string, period: Period) =>
  tx
    .selectFrom('indicatorPublications as p')
    .innerJoin('directoryOrganisations as o', 'o.id', 'p.organisationId')
    .select(['p.organisationId', 'o.name', 'p.figures', 'p.publishedAt', 'p.publishedByName'])
    .where('p.countyCode', '=', countyCode)
    .where('p.periodFrom', '=', period.from)
    .where('p.periodTo', '=', period.to)
    .orderBy('p.publishedAt')
    .execute();
