import {
  indicatorCatalogueSchema,
  type IndicatorCatalogue,
} from '../../../domain/indicators/definitions';
import { mappingCatalogueSchema, type MappingCatalogue } from '../../../domain/mapping/template';
import { cataloguesDir, readCatalogue } from './read-catalogue';

/** The indicator definitions (catalogues/indicators.json), validated. */
export const loadIndicatorCatalogue = (dir = cataloguesDir): IndicatorCatalogue =>
  readCatalogue(dir, 'indicators.json', indicatorCatalogueSchema);

/** The mapping templates, participant roles and themes (catalogues/mapping-templates.json). */
export const loadMappingCatalogue = (dir = cataloguesDir): MappingCatalogue =>
  readCatalogue(dir, 'mapping-templates.json', mappingCatalogueSchema);
