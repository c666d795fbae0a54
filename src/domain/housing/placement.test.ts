import { describe, expect, it } from 'vitest';
import {
  checkChild,
  checkExit,
  checkPlaceRequest,
  checkPlacement,
  exitPlanOpenItems,
  missingNeeds,
} from './placement';

const today = '2026-11-25';
const request = { places: 2, children: 1, needs: [], wantedFrom: today, note: '' };

describe('a request for a place', () => {
  it('asks for what is needed without saying who', () => {
    expect(checkPlaceRequest(request, today)).toEqual([]);
    expect(
      checkPlaceRequest({ ...request, note: 'Gäller 19821105-9954, har hund' }, today),
    ).toEqual([expect.objectContaining({ field: 'note' })]);
    expect(
      checkPlaceRequest({ ...request, note: 'Mamma med son 15 år och en katt' }, today),
    ).toEqual([]);
  });

  it('counts children inside the places and keeps a place for an adult', () => {
    expect(checkPlaceRequest({ ...request, children: 2 }, today)).toEqual([
      expect.objectContaining({ field: 'children' }),
    ]);
    expect(checkPlaceRequest({ ...request, places: 0 }, today)).toEqual([
      expect.objectContaining({ field: 'places' }),
    ]);
    expect(checkPlaceRequest({ ...request, wantedFrom: '2026-11-24' }, today)).toEqual([
      expect.objectContaining({ field: 'wantedFrom' }),
    ]);
  });

  it('names the needs a unit does not meet', () => {
    expect(missingNeeds(['pets', 'sonsAnyAge'], ['sonsAnyAge'])).toEqual([]);
    expect(missingNeeds(['pets'], ['sonsAnyAge', 'pets', 'disability'])).toEqual([
      'sonsAnyAge',
      'disability',
    ]);
  });
});

describe('a placement, its children and its end', () => {
  it('refuses an end before the start and a negative cost', () => {
    expect(checkPlacement({ startOn: today, plannedEndOn: '2026-11-01', costPerDay: -1 })).toEqual([
      expect.objectContaining({ field: 'plannedEndOn' }),
      expect.objectContaining({ field: 'costPerDay' }),
    ]);
    expect(checkPlacement({ startOn: today, plannedEndOn: null, costPerDay: 1450 })).toEqual([]);
  });

  it('gives each child a decision of its own and asks how school continues', () => {
    const child = {
      firstName: 'Elsa',
      bornYear: 2018,
      decisionOn: today,
      school: 'newSchool' as const,
      schoolNote: '',
    };
    expect(checkChild(child, today)).toEqual([]);
    expect(checkChild({ ...child, bornYear: 2005 }, today)).toEqual([
      expect.objectContaining({ field: 'bornYear' }),
    ]);
    expect(checkChild({ ...child, school: 'notYetArranged' }, today)).toEqual([
      expect.objectContaining({ field: 'schoolNote' }),
    ]);
    expect(checkChild({ ...child, decisionOn: '2026-12-01' }, today)).toEqual([
      expect.objectContaining({ field: 'decisionOn' }),
    ]);
  });

  it('lists what still blocks the way out', () => {
    expect(
      exitPlanOpenItems({ debts: 'none', rentalContract: 'has', housingCompanyContacted: false }),
    ).toEqual([]);
    const blocked = exitPlanOpenItems({
      debts: 'some',
      rentalContract: 'none',
      housingCompanyContacted: false,
    });
    expect(blocked).toHaveLength(3);
    expect(blocked[0]).toMatch(/skuldrådgivning/);
    expect(
      exitPlanOpenItems({
        debts: 'unknown',
        rentalContract: 'applying',
        housingCompanyContacted: true,
      }),
    ).toEqual([expect.stringMatching(/skulder/)]);
  });

  it('records a move-out only once it has happened and not before the move-in', () => {
    const context = { startOn: '2026-10-01', today };
    expect(checkExit({ endOn: today, destination: 'ownHousing', note: '' }, context)).toEqual([]);
    expect(
      checkExit({ endOn: '2026-09-30', destination: 'ownHousing', note: '' }, context),
    ).toEqual([expect.objectContaining({ field: 'endOn' })]);
    expect(
      checkExit({ endOn: '2026-12-01', destination: 'ownHousing', note: '' }, context),
    ).toEqual([expect.objectContaining({ field: 'endOn' })]);
    expect(checkExit({ endOn: today, destination: 'other', note: '' }, context)).toEqual([
      expect.objectContaining({ field: 'note' }),
    ]);
  });
});
