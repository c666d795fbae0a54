import { describe, expect, it } from 'vitest';
import { effectiveMeasures, type Measure } from './measures';

const measure = (code: string): Measure => ({
  code,
  label: { sv: code, en: code },
  strategy: 'victimSafety',
  usualOwner: 'socialServices',
  needs: [],
  protective: true,
  intensive: false,
  forChild: false,
});

describe('an organisation’s measure catalogue', () => {
  it('keeps the defaults, marks the ones switched off, and adds local measures after them', () => {
    const result = effectiveMeasures(
      [measure('safetyAlarm'), measure('protectedHousing')],
      [
        { code: 'protectedHousing', enabled: false, custom: null },
        { code: 'localSafeFlat', enabled: true, custom: measure('localSafeFlat') },
      ],
    );
    expect(result.map((entry) => [entry.code, entry.enabled, entry.custom])).toEqual([
      ['safetyAlarm', true, false],
      ['protectedHousing', false, false],
      ['localSafeFlat', true, true],
    ]);
  });

  it('never lets a local measure replace a shipped one with the same code', () => {
    const result = effectiveMeasures(
      [measure('safetyAlarm')],
      [
        {
          code: 'safetyAlarm',
          enabled: true,
          custom: { ...measure('safetyAlarm'), protective: false },
        },
      ],
    );
    expect(result).toHaveLength(1);
    expect(result[0]).toMatchObject({ protective: true, custom: false });
  });
});
