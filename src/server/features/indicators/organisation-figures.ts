import { computeIndicators, factsOfUnit, type Figure } from '../../../domain/indicators/compute';
import type { IndicatorCatalogue } from '../../../domain/indicators/definitions';
import type { Period } from '../../../domain/indicators/facts';
import { measuredUntil } from '../../../domain/indicators/period';
import { adultsFor } from '../../../domain/indicators/population';
import { releaseWholeAndParts } from '../../../domain/indicators/suppression';
import type { InstrumentCatalogue } from '../../../domain/risk/catalogue';
import type { Tx } from '../../platform/db/transaction';
import {
  findOrganisationForFigures,
  listUnitsForFigures,
  populationRows,
} from './indicator.repository';
import { organisationFacts } from './facts.repository';

export type FigureLevel = { unitId: string | null; name: string; figures: Figure[] };

/**
 * The organisation (the first level) and its units released together, as they may leave it:
 * small counts withheld, and what they could be worked out from (complementary suppression).
 */
export const releaseLevels = (catalogue: IndicatorCatalogue, levels: readonly FigureLevel[]) =>
  releaseWholeAndParts(
    catalogue,
    levels[0]!.figures,
    levels.slice(1).map((unit) => unit.figures),
  );

/**
 * One organisation's indicators for a period: the organisation as a whole (per 10,000 adults
 * where its population is loaded) and each unit (counts), measured until today when the period
 * has not ended. Exact: what leaves the organisation is released (small counts withheld) first.
 */
export const organisationFigures = async (
  tx: Tx,
  catalogues: { instruments: InstrumentCatalogue; indicators: IndicatorCatalogue },
  organisationId: string,
  period: Period,
  today: string,
) => {
  const organisation = await findOrganisationForFigures(tx, organisationId);
  const facts = await organisationFacts(tx, organisation.id, catalogues.instruments);
  const adults = adultsFor(
    await populationRows(tx, organisation.scbCode ? [organisation.scbCode] : []),
    organisation.scbCode,
    period.to,
  );
  const units = await listUnitsForFigures(tx, organisation.id);
  const measured = measuredUntil(period, today);
  const levels: FigureLevel[] = [
    {
      unitId: null,
      name: organisation.name,
      figures: computeIndicators(catalogues.indicators, facts, measured, adults),
    },
    ...units.map((unit) => ({
      unitId: unit.id,
      name: unit.name,
      figures: computeIndicators(
        catalogues.indicators,
        factsOfUnit(facts, unit.id),
        measured,
        null,
      ),
    })),
  ];
  return { organisation, adults, facts, levels };
};
