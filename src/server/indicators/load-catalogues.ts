import {
  indicatorCatalogueSchema,
  type IndicatorCatalogue,
} from '../../domain/indicators/definitions';
import {
  competenceCatalogueSchema,
  type CompetenceCatalogue,
} from '../../domain/governance/competence';
import { mappingCatalogueSchema, type MappingCatalogue } from '../../domain/mapping/template';
import { scenarioCatalogueSchema, type ScenarioCatalogue } from '../../domain/training/scenarios';
import { cataloguesDir, readCatalogue } from '../risk-management/load-catalogues';

/** The indicator definitions (catalogues/indicators.json), validated. */
export const loadIndicatorCatalogue = (dir = cataloguesDir): IndicatorCatalogue =>
  readCatalogue(dir, 'indicators.json', indicatorCatalogueSchema);

/** The mapping templates, participant roles and themes (catalogues/mapping-templates.json). */
export const loadMappingCatalogue = (dir = cataloguesDir): MappingCatalogue =>
  readCatalogue(dir, 'mapping-templates.json', mappingCatalogueSchema);

/** Courses, their renewal and what each role needs (catalogues/competence.json). */
export const loadCompetenceCatalogue = (dir = cataloguesDir): CompetenceCatalogue =>
  readCatalogue(dir, 'competence.json', competenceCatalogueSchema);

/** Training mode's scenarios (catalogues/training-scenarios.json). */
export const loadScenarioCatalogue = (dir = cataloguesDir): ScenarioCatalogue =>
  readCatalogue(dir, 'training-scenarios.json', scenarioCatalogueSchema);
