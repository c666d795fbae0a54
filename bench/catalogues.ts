import { loadInstrumentCatalogue } from '../src/server/instruments/load-catalogue';
import { loadRiskManagementCatalogues } from '../src/server/risk-management/load-catalogues';
import { loadDisclosureGrounds } from '../src/server/collaboration/load-grounds';
import {
  loadCompetenceCatalogue,
  loadIndicatorCatalogue,
  loadMappingCatalogue,
  loadScenarioCatalogue,
} from '../src/server/indicators/load-catalogues';

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
