import { loadInstrumentCatalogue } from '../src/server/platform/catalogues/instruments';
import { loadRiskManagementCatalogues } from '../src/server/platform/catalogues/risk-management';
import { loadDisclosureGrounds } from '../src/server/platform/catalogues/disclosure-grounds';
import {
  loadCompetenceCatalogue,
  loadScenarioCatalogue,
} from '../src/server/platform/catalogues/training';
import {
  loadIndicatorCatalogue,
  loadMappingCatalogue,
} from '../src/server/platform/catalogues/indicators';

/** The data catalogues the app needs, as the server loads them at start. */
export const catalogues = () => {
  const instruments = loadInstrumentCatalogue();
  return {
    instruments,
    riskManagement: loadRiskManagementCatalogues(instruments.factors),
    disclosureGrounds: loadDisclosureGrounds(),
    indicators: loadIndicatorCatalogue(),
    mapping: loadMappingCatalogue(),
    competence: loadCompetenceCatalogue(),
    scenarios: loadScenarioCatalogue(),
  };
};
