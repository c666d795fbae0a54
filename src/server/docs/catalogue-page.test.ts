import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { legalCatalogue } from '../../domain/law/legal-references';
import { loadIndicatorCatalogue } from '../platform/catalogues/indicators';
import { cataloguePage } from './catalogue-page';

describe('docs/definitions-and-law.md', () => {
  const page = cataloguePage(loadIndicatorCatalogue(), legalCatalogue);

  it('is what the catalogues say (run `npm run docs:catalogues` after changing them)', () => {
    const committed = readFileSync(
      new URL('../../../docs/definitions-and-law.md', import.meta.url),
      'utf8',
    );
    expect(committed).toBe(page);
  });

  it('lists every indicator with its source and every reference with its status', () => {
    for (const definition of loadIndicatorCatalogue().indicators) {
      expect(page).toContain(`(\`${definition.id}\`)`);
      expect(page).toContain(`Kontrollerad ${definition.source.checkedOn}`);
    }
    for (const reference of legalCatalogue.references)
      expect(page).toContain(`### \`${reference.id}\``);
    expect(page).toContain('**att verifiera**');
  });
});
