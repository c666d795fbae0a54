import {
  commonPasswordCatalogueSchema,
  commonPasswords,
} from '../../../domain/identity/password-policy';
import { cataloguesDir, readCatalogue } from './read-catalogue';

let loaded: ReadonlySet<string> | undefined;

/** The list of common and leaked passwords (catalogues/common-passwords.json), validated once. */
export const loadCommonPasswords = (dir = cataloguesDir): ReadonlySet<string> => {
  loaded ??= commonPasswords(
    readCatalogue(dir, 'common-passwords.json', commonPasswordCatalogueSchema),
  );
  return loaded;
};
