import {
  competenceCatalogueSchema,
  type CompetenceCatalogue,
} from '../../../domain/governance/competence';
import {
  scenarioCatalogueSchema,
  type ScenarioCatalogue,
} from '../../../domain/training/scenarios';
import { cataloguesDir, readCatalogue } from './read-catalogue';

/** Courses, their renewal and what each role needs (catalogues/competence.json). */
export const loadCompetenceCatalogue = (dir = cataloguesDir): CompetenceCatalogue =>
  readCatalogue(dir, 'competence.json', competenceCatalogueSchema);

/** Training mode's scenarios (catalogues/training-scenarios.json). */
export const loadScenarioCatalogue = (dir = cataloguesDir): ScenarioCatalogue =>
  readCatalogue(dir, 'training-scenarios.json', scenarioCatalogueSchema);
