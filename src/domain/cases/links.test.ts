import { describe, expect, it } from 'vitest';
import { checkHandlerSeparation } from './links';

describe('handler separation', () => {
  it('refuses one worker for both the victim’s and the linked perpetrator’s case', () => {
    const result = checkHandlerSeparation({ type: 'perpetrator', ownerUserId: 'anna' }, [
      { caseId: 'c1', type: 'adultVictim', ownerUserId: 'anna' },
    ]);
    expect(result).toMatchObject({
      ok: false,
      code: 'case.handler_separation',
      conflictingCaseId: 'c1',
    });
  });

  it('refuses it for a linked child’s case too', () => {
    expect(
      checkHandlerSeparation({ type: 'childExposed', ownerUserId: 'anna' }, [
        { caseId: 'c2', type: 'perpetrator', ownerUserId: 'anna' },
      ]).ok,
    ).toBe(false);
  });

  it('allows one worker for a victim and her children, and different workers across the line', () => {
    expect(
      checkHandlerSeparation({ type: 'childExposed', ownerUserId: 'anna' }, [
        { caseId: 'c1', type: 'adultVictim', ownerUserId: 'anna' },
      ]).ok,
    ).toBe(true);
    expect(
      checkHandlerSeparation({ type: 'perpetrator', ownerUserId: 'bo' }, [
        { caseId: 'c1', type: 'adultVictim', ownerUserId: 'anna' },
      ]).ok,
    ).toBe(true);
  });
});
