import {
  indicatorCatalogueSchema,
  type IndicatorCatalogue,
} from '../../domain/indicators/definitions';
import { cataloguesDir, readCatalogue } from '../risk-management/load-catalogues';

/** The indicator definitions (catalogues/indicators.json), validated. */
export const loadIndicatorCatalogue = (dir = cataloguesDir): IndicatorCatalogue =>
  readCatalogue(dir, 'indicators.json', indicatorCatalogueSchema);
