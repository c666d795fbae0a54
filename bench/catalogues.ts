import { loadInstrumentCatalogue } from '../src/server/catalogues/instruments';
import { loadRiskManagementCatalogues } from '../src/server/catalogues/risk-management';
import { loadDisclosureGrounds } from '../src/server/catalogues/disclosure-grounds';
import { loadCompetenceCatalogue, loadScenarioCatalogue } from '../src/server/catalogues/training';
import { loadIndicatorCatalogue, loadMappingCatalogue } from '../src/server/catalogues/indicators';

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
