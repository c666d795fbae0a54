import { describe, expect, it } from 'vitest';
import { canUndoMerge, mergeUndoDays, planMerge, type MergeCandidate } from './person-merge';

const record = (values: Partial<MergeCandidate> & { id: string }): MergeCandidate => ({
  personalNumber: null,
  protectionLevel: 'none',
  duplicateOf: null,
  mergedInto: null,
  ...values,
});

describe('planMerge', () => {
  it('keeps the stronger protection of the two, whichever record had it', () => {
    const plan = planMerge(
      record({ id: 'a', personalNumber: '19850101-1234' }),
      record({ id: 'b', protectionLevel: 'protectedRegistration' }),
    );
    expect(plan).toEqual({ ok: true, protectionLevel: 'protectedRegistration' });
  });

  it('merges a record marked as a duplicate of the same number into the one kept', () => {
    expect(
      planMerge(
        record({ id: 'a', personalNumber: '19850101-1234' }),
        record({ id: 'b', personalNumber: '19850101-1234', duplicateOf: 'a' }),
      ).ok,
    ).toBe(true);
  });

  it.each([
    ['the same record', record({ id: 'a' }), record({ id: 'a' }), 'merge.same_record'],
    [
      'two different numbers',
      record({ id: 'a', personalNumber: '19850101-1234' }),
      record({ id: 'b', personalNumber: '19900101-1234' }),
      'merge.different_numbers',
    ],
    [
      'keeping the record without the number',
      record({ id: 'a' }),
      record({ id: 'b', personalNumber: '19850101-1234' }),
      'merge.keep_the_number',
    ],
    [
      'keeping a record that is itself a duplicate',
      record({ id: 'a', duplicateOf: 'c' }),
      record({ id: 'b' }),
      'merge.survivor_is_duplicate',
    ],
    [
      'a record merged already',
      record({ id: 'a' }),
      record({ id: 'b', mergedInto: 'c' }),
      'merge.already_merged',
    ],
  ])('refuses %s', (_, survivor, merged, reason) => {
    expect(planMerge(survivor, merged)).toMatchObject({ ok: false, reason });
  });
});

describe('canUndoMerge', () => {
  it(`can be undone for ${mergeUndoDays} days and not after`, () => {
    const mergedAt = new Date('2026-12-01T10:00:00Z');
    const day = 24 * 60 * 60 * 1000;
    expect(canUndoMerge(mergedAt, new Date(mergedAt.getTime() + mergeUndoDays * day))).toBe(true);
    expect(canUndoMerge(mergedAt, new Date(mergedAt.getTime() + mergeUndoDays * day + 1))).toBe(
      false,
    );
  });
});
