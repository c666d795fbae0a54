import { describe, expect, it } from 'vitest';
import { checkContact } from './contact-functions';

describe('regional contact directory', () => {
  const draft = {
    holderName: 'Kim Kontakt',
    phone: '070-174 06 12',
    hours: 'Vardagar 8–16',
    outOfHours: 'Socialjouren via 112',
    validFrom: '2026-11-25',
  };

  it('accepts a holder with a phone number and an after-hours path', () => {
    expect(checkContact(draft, '2026-11-25')).toEqual([]);
  });

  it('refuses a holder nobody can reach after hours, a bad number or a future start', () => {
    expect(
      checkContact(
        { ...draft, phone: 'ring mig', outOfHours: '', validFrom: '2026-12-01' },
        '2026-11-25',
      ).map((problem) => problem.field),
    ).toEqual(['phone', 'outOfHours', 'validFrom']);
  });
});
