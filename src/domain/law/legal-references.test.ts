import { describe, expect, it } from 'vitest';
import {
  citeLegalReference,
  legalCatalogue,
  legalCatalogueSchema,
  provisionsOf,
  resolveLegalReference,
  UnknownLegalReferenceError,
} from './legal-references';

describe('the law catalogue', () => {
  it('cites the act in force on the day of the event, not the act in force today', () => {
    const june2025 = resolveLegalReference('sol.reportingDuty', '2025-06-15');
    const today = resolveLegalReference('sol.reportingDuty', '2026-12-07');
    expect(june2025.citation).toBe('14 kap. 1 § socialtjänstlagen (2001:453)');
    expect(june2025.statute.sfs).toBe('2001:453');
    expect(june2025.status).toBe('verified');
    expect(today.statute.sfs).toBe('2025:400');
    expect(today.citation).not.toContain('14 kap.');
    // The new act's number was not found in a source: it says so, and guesses nothing.
    expect(today.status).toBe('toVerify');
    expect(citeLegalReference('sol.reportingDuty', '2026-12-07')).toBe(
      'socialtjänstlagen (2025:400) (att verifiera), gäller sedan 15 januari 2026',
    );
    expect(citeLegalReference('sol.reportingDuty', '2025-06-15')).toBe(
      '14 kap. 1 § socialtjänstlagen (2001:453), gällde 1 januari 2002 – 30 juni 2025',
    );
  });

  it('moves to the new act on 1 July 2025 and to an amendment from its own day', () => {
    expect(resolveLegalReference('sol.reportingDuty', '2025-06-30').statute.sfs).toBe('2001:453');
    expect(resolveLegalReference('sol.reportingDuty', '2025-07-01').inForce).toEqual({
      from: '2025-07-01',
      to: '2026-01-14',
    });
    expect(resolveLegalReference('sol.reportingDuty', '2026-01-15').provision.note).toContain(
      'prop. 2025/26:12',
    );
  });

  it('gives every reference a provision for every day, in one act at a time', () => {
    for (const reference of legalCatalogue.references)
      for (const day of ['2020-01-01', '2025-06-30', '2025-07-01', '2026-12-07'])
        expect(resolveLegalReference(reference.id, day).citation).toMatch(/\(\d{4}:\d+\)$/);
    // Every reference to socialtjänstlagen has a provision in the act in force today.
    for (const reference of legalCatalogue.references.filter((entry) =>
      entry.id.startsWith('sol.'),
    ))
      expect(resolveLegalReference(reference.id, '2026-12-07').statute.sfs).toBe('2025:400');
  });

  it('lists a reference in order and refuses one it does not know', () => {
    expect(provisionsOf('sol.reportingDuty').map((entry) => entry.statute.sfs)).toEqual([
      '2001:453',
      '2025:400',
      '2025:400',
    ]);
    expect(() => resolveLegalReference('sol.noSuchRule', '2026-01-01')).toThrow(
      UnknownLegalReferenceError,
    );
  });

  it('refuses a catalogue whose provisions overlap or name an unknown act', () => {
    const reference = legalCatalogue.references[0]!;
    const overlapping = {
      ...legalCatalogue,
      references: [
        {
          ...reference,
          provisions: [
            { ...reference.provisions[0]!, to: '2025-12-31' },
            { ...reference.provisions[0]!, from: '2025-06-01' },
          ],
        },
      ],
    };
    expect(legalCatalogueSchema.safeParse(overlapping).success).toBe(false);
    const unknownAct = {
      ...legalCatalogue,
      references: [{ ...reference, provisions: [{ ...reference.provisions[0]!, statute: 'lvu' }] }],
    };
    expect(legalCatalogueSchema.safeParse(unknownAct).success).toBe(false);
  });
});
