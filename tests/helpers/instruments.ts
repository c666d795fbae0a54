import { itemsOf } from '../../src/domain/risk/assessment';
import { loadInstrumentCatalogue } from '../../src/server/platform/catalogues/instruments';

const catalogue = loadInstrumentCatalogue();

/** The item ids of a shipped instrument, in form order, read from its definition. */
export const itemIdsOf = (instrumentId: string): string[] =>
  itemsOf(catalogue.instruments.get(instrumentId)!).map((item) => item.id);
