/**
 * The words of protected housing (digest 004 and 000): who runs a unit, what it specialises in,
 * how children go to school during a stay and where people go afterwards. Codes are stored;
 * labels live in the web's locale files.
 */
export const providerKinds = ['municipal', 'womensShelter', 'ngo', 'private'] as const;
export type ProviderKind = (typeof providerKinds)[number];

/** Places that are missing most often (digest 000 §3): the directory is searched by these. */
export const specialisations = [
  'honourRelated',
  'lgbtq',
  'disability',
  'substanceUse',
  'olderPeople',
  'pets',
  'under18',
  'sonsAnyAge',
] as const;
export type Specialisation = (typeof specialisations)[number];

export const schoolArrangements = [
  'sameSchool',
  'newSchool',
  'distanceTeaching',
  'preschool',
  'notYetArranged',
  'notOfSchoolAge',
] as const;
export type SchoolArrangement = (typeof schoolArrangements)[number];

/** Where a stay ends. Returning to the person who used violence is recorded without blame. */
export const exitDestinations = [
  'ownHousing',
  'secondHandContract',
  'otherProtectedHousing',
  'relativesOrFriends',
  'returnedToAbuser',
  'other',
  'unknown',
] as const;
export type ExitDestination = (typeof exitDestinations)[number];

export const visitModes = ['inPerson', 'digital', 'phone'] as const;
export type VisitMode = (typeof visitModes)[number];
