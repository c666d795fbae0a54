import type { RoleId } from '../../domain/access/roles';
import type { ProviderKind, Specialisation } from '../../domain/housing/catalogue';
import type {
  Eligibility,
  InterventionProvider,
  InterventionTarget,
} from '../../domain/interventions/catalogue';
import type { OrganisationKind, UnitKind } from '../platform/db/schema';

/**
 * The demo installation: clearly invented organisations ("Övnings-"), one municipality with
 * the units the issue names, a police region, a county board, a region and a women's shelter,
 * and one demo user for each role. Kept as data so the world is easy to read and change.
 */
export type DemoUnit = { key: string; name: string; kind: UnitKind; secrecyArea: string | null };
export type DemoOrganisation = {
  key: string;
  kind: OrganisationKind;
  name: string;
  scbCode: string | null;
  countyCode: string | null;
  units: DemoUnit[];
};
export type DemoUser = {
  username: string;
  displayName: string;
  grants: { unit: string; role: RoleId }[];
};

export const demoOrganisations: DemoOrganisation[] = [
  {
    key: 'kommun',
    kind: 'municipality',
    name: 'Övningsby kommun',
    // 99 is no Swedish county, so 9901 can never be a real municipality code.
    scbCode: '9901',
    countyCode: '99',
    units: [
      {
        key: 'mottagning',
        name: 'Mottagningen',
        kind: 'reception',
        secrecyArea: 'Vuxen och mottagning',
      },
      {
        key: 'vuxen',
        name: 'Vuxenenheten – VINR-teamet',
        kind: 'adultVinr',
        secrecyArea: 'Vuxen och mottagning',
      },
      { key: 'bou', name: 'Barn och unga', kind: 'childrenAndYoung', secrecyArea: 'Barn och unga' },
      {
        key: 'forsorjning',
        name: 'Försörjningsstöd',
        kind: 'financialSupport',
        secrecyArea: 'Försörjningsstöd',
      },
      {
        key: 'missbruk',
        name: 'Missbruksenheten',
        kind: 'substanceAbuse',
        secrecyArea: 'Missbruk',
      },
      {
        key: 'utovare',
        name: 'Öppenvården – stöd till våldsutövare',
        kind: 'perpetratorSupport',
        secrecyArea: 'Öppenvård',
      },
      { key: 'ledning', name: 'Ledning och samordning', kind: 'administration', secrecyArea: null },
    ],
  },
  {
    // A neighbouring municipality that runs protected housing: placements across municipal
    // borders are the everyday case (digest 004 and 000).
    key: 'grannkommun',
    kind: 'municipality',
    name: 'Övningsås kommun',
    scbCode: '9902',
    countyCode: '99',
    units: [
      {
        key: 'boende',
        name: 'Skyddat boende Övningsås',
        kind: 'other',
        secrecyArea: 'Skyddat boende',
      },
      // Where a client who moves here is handed over to (a move between municipalities).
      {
        key: 'vuxen-oas',
        name: 'Socialtjänsten – vuxen',
        kind: 'adultVinr',
        secrecyArea: 'Vuxen',
      },
    ],
  },
  {
    key: 'polis',
    kind: 'policeRegion',
    name: 'Polisregion Övning',
    scbCode: null,
    countyCode: '99',
    units: [
      {
        key: 'bops',
        name: 'Brottsoffer- och personsäkerhet (BOPS)',
        kind: 'policeRiskAnalysis',
        secrecyArea: 'Polis',
      },
    ],
  },
  {
    key: 'lansstyrelse',
    kind: 'countyBoard',
    name: 'Länsstyrelsen i Övningslän',
    scbCode: null,
    countyCode: '99',
    units: [{ key: 'analys', name: 'Analysenheten', kind: 'countyAnalysis', secrecyArea: null }],
  },
  {
    key: 'region',
    kind: 'region',
    name: 'Region Övningslän',
    scbCode: null,
    countyCode: '99',
    units: [{ key: 'atv', name: 'Alternativ till våld (ATV)', kind: 'other', secrecyArea: 'ATV' }],
  },
  {
    key: 'jour',
    kind: 'ngo',
    name: 'Kvinnojouren Övningsby',
    scbCode: null,
    countyCode: '99',
    units: [{ key: 'jouren', name: 'Jouren', kind: 'other', secrecyArea: 'Jouren' }],
  },
];

/**
 * The regional contact directory's demo entries. Invented names; phone numbers from the series
 * Post- och telestyrelsen reserves for fiction (070-174 06 05 – 070-174 06 99).
 */
export const demoContacts: {
  unit: string;
  functionCode: string;
  holderName: string;
  phone: string;
  hours: string;
  outOfHours: string;
}[] = [
  {
    unit: 'bops',
    functionCode: 'bopsContact',
    holderName: 'Berit BOPS (övning)',
    phone: '070-174 06 05',
    hours: 'Vardagar 8–16',
    outOfHours: 'Polisens kontaktcenter 114 14; vid fara 112',
  },
  {
    unit: 'vuxen',
    functionCode: 'vinrCoordinator',
    holderName: 'Sara Samordnare (övning)',
    phone: '070-174 06 06',
    hours: 'Vardagar 8–16.30',
    outOfHours: 'Socialjouren via 112',
  },
  {
    unit: 'vuxen',
    functionCode: 'onCallSocialServices',
    holderName: 'Socialjouren Övningslän',
    phone: '070-174 06 07',
    hours: 'Kvällar, nätter och helger',
    outOfHours: 'Socialjouren via 112',
  },
  {
    unit: 'jouren',
    functionCode: 'shelter',
    holderName: 'Jourtelefonen (övning)',
    phone: '070-174 06 08',
    hours: 'Alla dagar 9–21',
    outOfHours: 'Kvinnofridslinjen 020-50 50 50 (dygnet runt)',
  },
];

/** Protected housing in the county's directory; the numbers as the providers keep them. */
export const demoHousingUnits: {
  unit: string;
  name: string;
  providerKind: ProviderKind;
  ivoPermit: string | null;
  specialisations: Specialisation[];
  areaDescription: string;
  /** Kept by the provider only: the directory shows the area. */
  address: string;
  phone: string;
  capacity: number;
  occupied: number;
}[] = [
  {
    unit: 'boende',
    name: 'Skyddat boende Övningsås',
    providerKind: 'municipal',
    ivoPermit: null,
    specialisations: ['sonsAnyAge', 'pets', 'disability'],
    areaDescription: 'Södra Övningslän',
    address: 'Övningsvägen 9, 999 98 Övningsås',
    phone: '070-174 06 09',
    capacity: 4,
    occupied: 2,
  },
  {
    unit: 'jouren',
    name: 'Kvinnojourens boende',
    providerKind: 'womensShelter',
    ivoPermit: 'IVO-tillstånd (övning) 0000-0000',
    specialisations: ['lgbtq', 'honourRelated'],
    areaDescription: 'Centrala Övningsby',
    address: 'Jourgränd 3, 999 01 Övningsby',
    phone: '070-174 06 08',
    capacity: 3,
    occupied: 3,
  },
];

/** The demo municipality's intervention catalogue, under local names. */
export const demoInterventionTypes: {
  unit: string;
  name: string;
  target: InterventionTarget;
  eligibility: Eligibility;
  provider: InterventionProvider;
  defaultSessions: number;
  defaultWeeks: number | null;
}[] = [
  {
    unit: 'vuxen',
    name: 'Stödsamtal för våldsutsatta',
    target: 'victim',
    eligibility: 'decision',
    provider: 'ownUnit',
    defaultSessions: 10,
    defaultWeeks: 16,
  },
  {
    unit: 'bou',
    name: 'Samtal för barn som upplevt våld',
    target: 'child',
    eligibility: 'decision',
    provider: 'ownUnit',
    defaultSessions: 8,
    defaultWeeks: 12,
  },
  {
    unit: 'utovare',
    name: 'Samtal för att sluta utöva våld',
    target: 'perpetrator',
    eligibility: 'decision',
    provider: 'ownUnit',
    defaultSessions: 12,
    defaultWeeks: 20,
  },
];

export const demoUsers: DemoUser[] = [
  {
    username: 'handlaggare',
    displayName: 'Hanna Handläggare (övning)',
    grants: [{ unit: 'vuxen', role: 'caseWorker' }],
  },
  {
    username: 'vinr2',
    displayName: 'Vilma VINR-handläggare (övning)',
    grants: [{ unit: 'vuxen', role: 'caseWorker' }],
  },
  {
    username: 'forsorjning',
    displayName: 'Fatima Försörjningsstöd (övning)',
    grants: [{ unit: 'forsorjning', role: 'caseWorker' }],
  },
  {
    username: 'utovare',
    displayName: 'Ulf Öppenvård (övning)',
    grants: [{ unit: 'utovare', role: 'caseWorker' }],
  },
  {
    username: 'bou',
    displayName: 'Bo Barnsekreterare (övning)',
    grants: [{ unit: 'bou', role: 'caseWorker' }],
  },
  {
    username: 'behandlare',
    displayName: 'Britt Behandlare (övning)',
    grants: [{ unit: 'vuxen', role: 'therapist' }],
  },
  {
    username: 'teamledare',
    displayName: 'Tove Teamledare (övning)',
    grants: [
      { unit: 'vuxen', role: 'teamLeader' },
      { unit: 'mottagning', role: 'teamLeader' },
    ],
  },
  {
    username: 'samordnare',
    displayName: 'Sam Samordnare (övning)',
    grants: [{ unit: 'ledning', role: 'coordinator' }],
  },
  {
    username: 'forvaltare',
    displayName: 'Frida Förvaltare (övning)',
    grants: [{ unit: 'ledning', role: 'administrator' }],
  },
  {
    username: 'polis',
    displayName: 'Per Polis (övning)',
    grants: [{ unit: 'bops', role: 'police' }],
  },
  {
    username: 'atv',
    displayName: 'Ali ATV-behandlare (övning)',
    grants: [{ unit: 'atv', role: 'partner' }],
  },
  {
    username: 'jour',
    displayName: 'Jenny Jourkvinna (övning)',
    grants: [{ unit: 'jouren', role: 'partner' }],
  },
  {
    username: 'boende',
    displayName: 'Bodil Boendeansvarig (övning)',
    grants: [{ unit: 'boende', role: 'teamLeader' }],
  },
  {
    username: 'lansanalytiker',
    displayName: 'Lars Länsanalytiker (övning)',
    grants: [{ unit: 'analys', role: 'countyAnalyst' }],
  },
];
