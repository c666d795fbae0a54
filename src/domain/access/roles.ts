/**
 * The role catalogue. A user holds roles per unit (a user may hold several). Which actions a
 * role allows is data here, so a municipality's variations stay in one reviewed place.
 */
export const actions = [
  'person.read',
  'person.create',
  'person.update',
  /** Viewing the address of a person with protected identity: logged and reasoned. */
  'person.readProtectedAddress',
  /** Cases (ärenden): read, and write (open, change stage, link, screen). */
  'case.read',
  'case.write',
  'breakGlass.open',
  'audit.read',
  'organisation.administer',
  'statistics.read',
  /** Keeping the organisation's protected-housing units: details, places, answers to requests. */
  'housing.keep',
  /** Running the county's mapping rounds with its municipalities (a county board's analysts). */
  'mapping.conduct',
] as const;
export type Action = (typeof actions)[number];

/** Actions that read or write personal data: they need a completed second factor. */
export const personalDataActions: ReadonlySet<Action> = new Set([
  'person.read',
  'person.create',
  'person.update',
  'person.readProtectedAddress',
  'case.read',
  'case.write',
  'breakGlass.open',
  'audit.read',
]);

export const roleIds = [
  'caseWorker',
  'therapist',
  'teamLeader',
  'coordinator',
  'police',
  'partner',
  'countyAnalyst',
  'administrator',
] as const;
export type RoleId = (typeof roleIds)[number];

export type RoleDefinition = {
  /** Swedish title shown to users. */
  titleSv: string;
  titleEn: string;
  actions: readonly Action[];
  /** The role sees a person only where the user is assigned to the person's matter. */
  requiresCaseRelation: boolean;
};

export const roles: Record<RoleId, RoleDefinition> = {
  caseWorker: {
    titleSv: 'Socialsekreterare',
    titleEn: 'Case worker',
    actions: [
      'person.read',
      'person.create',
      'person.update',
      'case.read',
      'case.write',
      'breakGlass.open',
    ],
    requiresCaseRelation: false,
  },
  therapist: {
    titleSv: 'Behandlare',
    titleEn: 'Therapist',
    actions: ['person.read', 'person.update', 'case.read'],
    requiresCaseRelation: true,
  },
  teamLeader: {
    titleSv: 'Teamledare / enhetschef',
    titleEn: 'Team leader',
    actions: [
      'person.read',
      'person.create',
      'person.update',
      'person.readProtectedAddress',
      'case.read',
      'case.write',
      'breakGlass.open',
      'audit.read',
      'statistics.read',
      'housing.keep',
    ],
    requiresCaseRelation: false,
  },
  coordinator: {
    titleSv: 'VINR-samordnare',
    titleEn: 'VINR coordinator',
    actions: ['statistics.read'],
    requiresCaseRelation: false,
  },
  police: {
    titleSv: 'Polis (riskanalytiker / utredare)',
    titleEn: 'Police (risk analyst / investigator)',
    actions: ['person.read', 'person.create', 'person.update', 'case.read', 'case.write'],
    requiresCaseRelation: false,
  },
  partner: {
    titleSv: 'Samverkanspart',
    titleEn: 'Partner',
    // A women's shelter's staff keep their own places in the county's directory.
    actions: ['person.read', 'case.read', 'housing.keep'],
    requiresCaseRelation: true,
  },
  countyAnalyst: {
    titleSv: 'Länsanalytiker',
    titleEn: 'County analyst',
    actions: ['statistics.read', 'mapping.conduct'],
    requiresCaseRelation: false,
  },
  administrator: {
    titleSv: 'Systemförvaltare',
    titleEn: 'Administrator',
    actions: ['organisation.administer'],
    requiresCaseRelation: false,
  },
};

/** True when any of the roles can read personal data; such users must use a second factor. */
export const rolesNeedSecondFactor = (held: readonly RoleId[]): boolean =>
  held.some((role) => roles[role].actions.some((action) => personalDataActions.has(action)));
