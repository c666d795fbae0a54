/**
 * Catalogues for cases, as data. Codes are stable (stored); labels are shown. Municipalities
 * differ in words, not in these categories, so results compare across municipalities.
 */
export type CatalogueEntry = { code: string; sv: string; en: string };

const entries = <const T extends readonly CatalogueEntry[]>(list: T) => list;

/** Case types (ärendetyp). HRV is a marker on any of them, not a type. */
export const caseTypes = entries([
  { code: 'adultVictim', sv: 'Våldsutsatt vuxen', en: 'Adult victim' },
  {
    code: 'childExposed',
    sv: 'Barn som utsatts för eller bevittnat våld',
    en: 'Child exposed to or witnessing violence',
  },
  { code: 'perpetrator', sv: 'Våldsutövare', en: 'Perpetrator' },
] as const);
export type CaseType = (typeof caseTypes)[number]['code'];

/** Forms of violence (våldsformer), several per case. */
export const violenceForms = entries([
  { code: 'physical', sv: 'Fysiskt våld', en: 'Physical' },
  { code: 'psychological', sv: 'Psykiskt våld', en: 'Psychological' },
  { code: 'sexual', sv: 'Sexuellt våld', en: 'Sexual' },
  { code: 'economic', sv: 'Ekonomiskt våld', en: 'Economic' },
  { code: 'material', sv: 'Materiellt våld', en: 'Material' },
  { code: 'latent', sv: 'Latent våld', en: 'Latent' },
  { code: 'neglect', sv: 'Försummelse', en: 'Neglect' },
  { code: 'digital', sv: 'Digitalt våld', en: 'Digital' },
  {
    code: 'honourRelated',
    sv: 'Hedersrelaterat våld och förtryck',
    en: 'Honour-related violence and oppression',
  },
  { code: 'fgm', sv: 'Könsstympning', en: 'Female genital mutilation' },
  { code: 'forcedMarriage', sv: 'Tvångsäktenskap / barnäktenskap', en: 'Forced or child marriage' },
  { code: 'abduction', sv: 'Bortförande', en: 'Abduction' },
  { code: 'trafficking', sv: 'Människohandel', en: 'Trafficking' },
  { code: 'stalking', sv: 'Förföljelse (stalkning)', en: 'Stalking' },
] as const);
export type ViolenceForm = (typeof violenceForms)[number]['code'];

/** Where the violence came to light (upptäckt): digest 003 L379–397, digest 004 §4.1–4.2. */
export const detectionSources = entries([
  {
    code: 'reportOfConcern',
    sv: 'Orosanmälan / barn och unga',
    en: 'Report of concern / children and young',
  },
  { code: 'intake', sv: 'IFO-mottagning', en: 'Social services intake' },
  { code: 'financialSupport', sv: 'Försörjningsstöd', en: 'Income support' },
  { code: 'substanceAbuse', sv: 'Missbruk och beroende', en: 'Substance abuse' },
  { code: 'elderlyCare', sv: 'Äldreomsorg', en: 'Elderly care' },
  { code: 'disabilityCare', sv: 'Funktionshinderomsorg', en: 'Disability care' },
  { code: 'familyLaw', sv: 'Familjerätt', en: 'Family law' },
  { code: 'police', sv: 'Polis', en: 'Police' },
  { code: 'shelter', sv: 'Kvinnojour / ideell organisation', en: "Women's shelter / NGO" },
  { code: 'healthCare', sv: 'Hälso- och sjukvård / psykiatri', en: 'Health care / psychiatry' },
  { code: 'school', sv: 'Skola / förskola / elevhälsa', en: 'School / preschool / pupil health' },
  { code: 'victim', sv: 'Den våldsutsatta själv', en: 'The victim' },
  { code: 'self', sv: 'Våldsutövaren själv', en: 'The perpetrator' },
  { code: 'other', sv: 'Annan', en: 'Other' },
] as const);
export type DetectionSource = (typeof detectionSources)[number]['code'];

/** The victim's relation to the person using violence. */
export const perpetratorRelations = entries([
  { code: 'partner', sv: 'Partner / make / maka', en: 'Partner or spouse' },
  { code: 'formerPartner', sv: 'Tidigare partner', en: 'Former partner' },
  { code: 'parent', sv: 'Förälder / vårdnadshavare', en: 'Parent or guardian' },
  {
    code: 'stepParent',
    sv: 'Styvförälder / förälders partner',
    en: "Step-parent or parent's partner",
  },
  { code: 'child', sv: 'Barn (även vuxet)', en: 'Child (also adult)' },
  { code: 'sibling', sv: 'Syskon', en: 'Sibling' },
  { code: 'otherRelative', sv: 'Annan släkting', en: 'Other relative' },
  {
    code: 'extendedFamily',
    sv: 'Släkt / familjekollektiv (heder)',
    en: 'Extended family (honour)',
  },
  { code: 'other', sv: 'Annan närstående', en: 'Other close person' },
  { code: 'unknown', sv: 'Okänt', en: 'Unknown' },
] as const);
export type PerpetratorRelation = (typeof perpetratorRelations)[number]['code'];

export const codesOf = <T extends readonly CatalogueEntry[]>(list: T) =>
  list.map((entry) => entry.code) as unknown as [T[number]['code'], ...T[number]['code'][]];
