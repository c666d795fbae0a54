import { describe, expect, it } from 'vitest';
import { ageOn, parseIdentity } from './personal-identity';

/**
 * A public test set of valid and invalid Swedish identity numbers: the shared test data of
 * the personnummer libraries (github.com/personnummer/meta, testdata/list.json), which uses
 * Skatteverket's test-number series. Types: ssn = personnummer, con = samordningsnummer.
 */
const publicTestSet = [
  { number: '20150916-0006', valid: false, type: 'ssn' },
  { number: '19090527+1474', valid: true, type: 'ssn', normalised: '19090527-1474' },
  { number: '19870704-9996', valid: false, type: 'ssn' },
  { number: '19821105-9954', valid: true, type: 'ssn', normalised: '19821105-9954' },
  { number: '8211059954', valid: true, type: 'ssn', normalised: '19821105-9954' },
  { number: '19390182-9913', valid: false, type: 'con' },
  { number: '19570574-9959', valid: true, type: 'con', normalised: '19570574-9959' },
  { number: '20121120-9941', valid: false, type: 'ssn' },
  { number: '19901211-9948', valid: true, type: 'ssn', normalised: '19901211-9948' },
  { number: '20121075-9984', valid: false, type: 'con' },
  { number: '19730674-9982', valid: true, type: 'con', normalised: '19730674-9982' },
  { number: '18791221+9990', valid: true, type: 'ssn', normalised: '18791221-9990' },
  { number: '20001209-9891', valid: true, type: 'ssn', normalised: '20001209-9891' },
  { number: '19090527 1474', valid: false, type: 'ssn' },
] as const;

describe('identity numbers', () => {
  it.each(publicTestSet)('$number is valid=$valid as $type', (entry) => {
    const kind = entry.type === 'ssn' ? 'personnummer' : 'samordningsnummer';
    const result = parseIdentity(kind, entry.number);
    expect(result.ok).toBe(entry.valid);
    if (entry.valid && 'normalised' in entry)
      expect(result).toEqual({ ok: true, value: entry.normalised });
  });

  it('tells a samordningsnummer from a personnummer', () => {
    expect(parseIdentity('personnummer', '19730674-9982')).toMatchObject({
      ok: false,
      message: expect.stringContaining('samordningsnummer'),
    });
    expect(parseIdentity('samordningsnummer', '19821105-9954').ok).toBe(false);
  });

  it('accepts people without a number, and reservnummer by shape only', () => {
    expect(parseIdentity('none', '')).toEqual({ ok: true, value: null });
    expect(parseIdentity('none', '19821105-9954').ok).toBe(false);
    expect(parseIdentity('reservnummer', 'rn-2026-0042')).toEqual({
      ok: true,
      value: 'RN-2026-0042',
    });
    expect(parseIdentity('reservnummer', 'x').ok).toBe(false);
  });
});

describe('age on a given day', () => {
  it('counts whole years from the number, on the server clock’s day', () => {
    expect(ageOn('19821105-9954', '2026-11-04')).toBe(43);
    expect(ageOn('19821105-9954', '2026-11-05')).toBe(44);
    expect(ageOn(null, '2026-11-05')).toBeNull();
    expect(ageOn('ABC-123', '2026-11-05')).toBeNull();
  });
});
