import type { DisclosureGroundCatalogue } from '../../../domain/collaboration/grounds';
import type { CompetenceCatalogue } from '../../../domain/governance/competence';
import type { IndicatorCatalogue } from '../../../domain/indicators/definitions';
import type { MappingCatalogue } from '../../../domain/mapping/template';
import type { InstrumentCatalogue } from '../../../domain/risk/catalogue';
import type { ScenarioCatalogue } from '../../../domain/training/scenarios';
import { loadCommonPasswords } from './common-passwords';
import { loadDisclosureGrounds } from './disclosure-grounds';
import { loadIndicatorCatalogue, loadMappingCatalogue } from './indicators';
import { instrumentsDir, loadInstrumentCatalogue } from './instruments';
import { cataloguesDir } from './read-catalogue';
import { loadRiskManagementCatalogues, type RiskManagementCatalogues } from './risk-management';
import { loadCompetenceCatalogue, loadScenarioCatalogue } from './training';

/** Everything the server reads from catalogues/ and instruments/, validated. */
export type Catalogues = {
  /** Risk instruments, from instruments/. */
  instruments: InstrumentCatalogue;
  /** Measures, suggestion rules and checklists. */
  riskManagement: RiskManagementCatalogues;
  /** Legal grounds for disclosures. */
  disclosureGrounds: DisclosureGroundCatalogue;
  /** Indicator definitions. */
  indicators: IndicatorCatalogue;
  /** Mapping templates, participant roles and themes. */
  mapping: MappingCatalogue;
  /** Courses, renewal and role requirements for the competence register. */
  competence: CompetenceCatalogue;
  /** Training mode's scenario library. */
  scenarios: ScenarioCatalogue;
};

/**
 * The one loader: reads and validates every catalogue at start, so a broken file stops the
 * server with its path instead of failing a request later. The law catalogue is not here: it is
 * pure data the browser uses too (src/domain/law).
 */
export const loadCatalogues = (
  dirs: { catalogues: string; instruments: string } = {
    catalogues: cataloguesDir,
    instruments: instrumentsDir,
  },
): Catalogues => {
  const instruments = loadInstrumentCatalogue(dirs.instruments);
  loadCommonPasswords(dirs.catalogues);
  return {
    instruments,
    riskManagement: loadRiskManagementCatalogues(instruments.factors, dirs.catalogues),
    disclosureGrounds: loadDisclosureGrounds(dirs.catalogues),
    indicators: loadIndicatorCatalogue(dirs.catalogues),
    mapping: loadMappingCatalogue(dirs.catalogues),
    competence: loadCompetenceCatalogue(dirs.catalogues),
    scenarios: loadScenarioCatalogue(dirs.catalogues),
  };
};
