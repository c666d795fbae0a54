import { loadDisclosureGrounds } from '../../platform/catalogues/disclosure-grounds';

import { describe, expect, it } from 'vitest';
import {
  checkConcern,
  notifiesVictimsWorker,
  weighConcernPaths,
} from '../../../domain/collaboration/concern';

const catalogue = loadDisclosureGrounds();
const otherArea = { sameSecrecyArea: false, consentCovers: false };
const said = 'Han sa att han vet var hon bor nu och att han ska åka dit.';
const assessment = 'Hotet är konkret och riktat; hon behöver veta för att kunna skydda sig.';

describe('concern for the victim from a perpetrator case', () => {
  it('opens the local routine only inside one secrecy area, and consent only with a consent', () => {
    const open = (situation: typeof otherArea) =>
      weighConcernPaths(situation)
        .filter((entry) => entry.open)
        .map((entry) => entry.path);
    expect(open(otherArea)).toEqual(['noHarm', 'dangerToLife']);
    expect(open({ sameSecrecyArea: true, consentCovers: true })).toEqual([
      'sameUnit',
      'noHarm',
      'consent',
      'dangerToLife',
    ]);
  });

  it('sends nothing without a path, a closed path or a written assessment', () => {
    const check = (path: Parameters<typeof checkConcern>[2]['path'], note = '') =>
      checkConcern(catalogue, otherArea, { path, whatWasSaid: said, assessmentNote: note }).map(
        (problem) => problem.field,
      );
    expect(check(null)).toEqual(['path']);
    expect(check('sameUnit')).toEqual(['path']);
    expect(check('consent')).toEqual(['path']);
    expect(check('noHarm')).toEqual(['assessmentNote']);
    expect(check('noHarm', assessment)).toEqual([]);
    expect(check('dangerToLife', assessment)).toEqual([]);
    expect(
      checkConcern(catalogue, otherArea, {
        path: 'noHarm',
        whatWasSaid: '',
        assessmentNote: assessment,
      }),
    ).toEqual([expect.objectContaining({ field: 'whatWasSaid' })]);
  });

  it('sends the danger-to-life path to the police, not to the victim’s worker', () => {
    expect(notifiesVictimsWorker('dangerToLife')).toBe(false);
    expect(notifiesVictimsWorker('noHarm')).toBe(true);
  });
});
