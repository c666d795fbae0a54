import {
  groundCatalogueSchema,
  type DisclosureGroundCatalogue,
} from '../../../domain/collaboration/grounds';
import { cataloguesDir, readCatalogue } from './read-catalogue';

/** The legal grounds for disclosures (catalogues/disclosure-grounds.json), validated. */
export const loadDisclosureGrounds = (dir = cataloguesDir): DisclosureGroundCatalogue =>
  readCatalogue(dir, 'disclosure-grounds.json', groundCatalogueSchema);
