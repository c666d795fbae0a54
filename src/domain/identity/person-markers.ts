/**
 * Markers that change how a person must be met, and how to reach them safely. Groups follow
 * Socialstyrelsen's regulations on violence in close relationships and their handbook on
 * particularly vulnerable groups and those the county reports name (digest 004).
 */
export const vulnerabilityMarkers = [
  { code: 'olderPerson', sv: 'Äldre person', en: 'Older person' },
  { code: 'disability', sv: 'Funktionsnedsättning', en: 'Disability' },
  { code: 'substanceUse', sv: 'Missbruk eller beroende', en: 'Substance use' },
  { code: 'mentalIllness', sv: 'Psykisk ohälsa', en: 'Mental ill-health' },
  { code: 'lgbtq', sv: 'Hbtqi-person', en: 'LGBTQI person' },
  { code: 'newlyArrived', sv: 'Nyanländ / utrikes född', en: 'Newly arrived or foreign-born' },
  { code: 'honourContext', sv: 'Hederskontext', en: 'Honour context' },
  { code: 'pregnant', sv: 'Gravid', en: 'Pregnant' },
  { code: 'homeless', sv: 'Hemlöshet', en: 'Homelessness' },
  { code: 'sexForCompensation', sv: 'Sex mot ersättning', en: 'Sex for compensation' },
  {
    code: 'dependentOnPerpetrator',
    sv: 'Beroende av den som utövar våld (vård, ekonomi, uppehållstillstånd)',
    en: 'Dependent on the perpetrator (care, money, residence permit)',
  },
] as const;
export type VulnerabilityMarker = (typeof vulnerabilityMarkers)[number]['code'];

export const contactChannels = [
  'phone',
  'sms',
  'letter',
  'email',
  'digitalMeeting',
  'meetingInPerson',
] as const;
export type ContactChannel = (typeof contactChannels)[number];

/** How to reach a person without putting them at risk (kontaktväg som är säker). */
export type SafeContact = {
  channels: ContactChannel[];
  /** When contact is safe, in the person's words ("vardagar 9–11"). */
  times: string | null;
  /** Who must never be contacted or told (the perpetrator, a relative). */
  doNotContact: string | null;
  /** Places where the person can meet safely: location data, masked like an address. */
  safePlaces: string | null;
};

/** What a viewer sees of safe-contact preferences: places are masked for protected persons. */
export const presentSafeContact = (
  contact: SafeContact | null,
  isProtected: boolean,
  masked: string,
): SafeContact | null =>
  contact && {
    ...contact,
    safePlaces: contact.safePlaces && isProtected ? masked : contact.safePlaces,
  };
