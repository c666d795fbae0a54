import { writeFileSync } from 'node:fs';
import { legalCatalogue } from '../src/domain/law/legal-references';
import { cataloguePage } from '../src/server/docs/catalogue-page';
import { loadIndicatorCatalogue } from '../src/server/platform/catalogues/indicators';

/** Writes docs/definitions-and-law.md from the catalogues (see src/server/docs/catalogue-page.ts). */
const target = new URL('../docs/definitions-and-law.md', import.meta.url);
writeFileSync(target, cataloguePage(loadIndicatorCatalogue(), legalCatalogue));
console.log(`Wrote ${target.pathname}`);
