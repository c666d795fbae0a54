import { computeIndicators, factsOfUnit, type Figure } from '../../domain/indicators/compute';
import type { IndicatorCatalogue } from '../../domain/indicators/definitions';
import type { Period } from '../../domain/indicators/facts';
import { adultsFor } from '../../domain/indicators/population';
import type { InstrumentCatalogue } from '../../domain/risk/catalogue';
import type { Tx } from '../db/transaction';
import { organisationFacts } from './facts.repository';
import { populationRows } from './population-file';

export type FigureLevel = { unitId: string | null; name: string; figures: Figure[] };

/**
 * One organisation's indicators for a period: the organisation as a whole (per 10,000 adults
 * where its population is loaded) and each unit (counts). Exact: what leaves the organisation
 * goes through releaseFigures first.
 */
export const organisationFigures = async (
  tx: Tx,
  catalogues: { instruments: InstrumentCatalogue; indicators: IndicatorCatalogue },
  organisationId: string,
  period: Period,
) => {
  const organisation = await tx
    .selectFrom('organisations')
    .select(['id', 'name', 'kind', 'scbCode', 'countyCode'])
    .where('id', '=', organisationId)
    .executeTakeFirstOrThrow();
  const facts = await organisationFacts(tx, organisation.id, catalogues.instruments);
  const adults = adultsFor(
    await populationRows(tx, organisation.scbCode ? [organisation.scbCode] : []),
    organisation.scbCode,
    period.to,
  );
  const units = await tx
    .selectFrom('units')
    .select(['id', 'name'])
    .where('organisationId', '=', organisation.id)
    .orderBy('name')
    .execute();
  const levels: FigureLevel[] = [
    {
      unitId: null,
      name: organisation.name,
      figures: computeIndicators(catalogues.indicators, facts, period, adults),
    },
    ...units.map((unit) => ({
      unitId: unit.id,
      name: unit.name,
      figures: computeIndicators(catalogues.indicators, factsOfUnit(facts, unit.id), period, null),
    })),
  ];
  return { organisation, adults, facts, levels };
};
