import {
  groundCatalogueSchema,
  type DisclosureGroundCatalogue,
} from '../../domain/collaboration/grounds';
import { cataloguesDir, readCatalogue } from '../risk-management/load-catalogues';

/** The legal grounds for disclosures (catalogues/disclosure-grounds.json), validated. */
export const loadDisclosureGrounds = (dir = cataloguesDir): DisclosureGroundCatalogue =>
  readCatalogue(dir, 'disclosure-grounds.json', groundCatalogueSchema);
