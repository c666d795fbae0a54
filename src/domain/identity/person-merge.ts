import type { RuleReason } from '../refusals';
import { strongerProtection, type ProtectionLevel } from './protected-identity';

/**
 * Merging two records of one person (issue 17). Records registered twice before the identity
 * number became unique, or a person registered once without a number and once with it, become
 * one: the survivor keeps every reference, the merged record stays as history. A merge can be
 * undone for a period, because a wrong merge joins two people's secrets.
 */

/** How long a merge can be undone. After that the merged record is history only. */
export const mergeUndoDays = 30;

export type MergeCandidate = {
  id: string;
  personalNumber: string | null;
  protectionLevel: ProtectionLevel;
  /** The record this one was marked as a duplicate of, if any. */
  duplicateOf: string | null;
  /** Set when the record is already merged into another (and not undone). */
  mergedInto: string | null;
};

export type MergePlan =
  | { ok: true; protectionLevel: ProtectionLevel }
  | { ok: false; reason: RuleReason; message: string };

/** Whether `merged` may be merged into `survivor`, and the protection the survivor then has. */
export const planMerge = (survivor: MergeCandidate, merged: MergeCandidate): MergePlan => {
  if (survivor.id === merged.id)
    return refuse('merge.same_record', 'Välj två olika poster att slå ihop.');
  if (survivor.mergedInto !== null || merged.mergedInto !== null)
    return refuse('merge.already_merged', 'En av posterna är redan sammanslagen.');
  if (survivor.duplicateOf !== null)
    return refuse(
      'merge.survivor_is_duplicate',
      'Posten du vill behålla är själv en dubblett. Slå ihop med den post som är kvar.',
    );
  if (
    survivor.personalNumber !== null &&
    merged.personalNumber !== null &&
    survivor.personalNumber !== merged.personalNumber
  )
    return refuse(
      'merge.different_numbers',
      'Posterna har olika identitetsnummer. Det är inte samma person.',
    );
  if (survivor.personalNumber === null && merged.personalNumber !== null)
    return refuse(
      'merge.keep_the_number',
      'Behåll posten som har identitetsnummer och slå ihop den andra med den.',
    );
  // Protection never weakens by a merge: the survivor has the stronger of the two.
  return {
    ok: true,
    protectionLevel: strongerProtection(survivor.protectionLevel, merged.protectionLevel),
  };
};

/** Whether a merge made at `mergedAt` can still be undone at `now`. */
export const canUndoMerge = (mergedAt: Date, now: Date): boolean =>
  now.getTime() - mergedAt.getTime() <= mergeUndoDays * 24 * 60 * 60 * 1000;

const refuse = (reason: RuleReason, message: string): MergePlan => ({ ok: false, reason, message });
