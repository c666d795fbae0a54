import { sql } from 'kysely';
import type { LightMyRequestResponse } from 'fastify';
import { roleIds, roles, type Action, type RoleId } from '../../src/domain/access/roles';
import { asSystem } from '../../src/server/platform/db/transaction';
import {
  createOrganisation,
  createSecrecyArea,
  createUnit,
} from '../../src/server/features/organisation/organisation.repository';
import { buildPerson, type World } from '../factories/world';
import { itemIdsOf } from './instruments';
import { pdfText } from './pdf-text';
import { signedIn } from './signed-in';
import type { TestApp, TestClient } from './test-app';
import type { TestDatabase } from './test-database';

/**
 * The access matrix: every API route, called by every role placed in the record's secrecy area,
 * in another secrecy area and in another organisation, against victims' records in each consent
 * state. This file holds the route catalogue, the expected rules and the fixture. The rules
 * about secrecy areas, shares and break-glass are written out here as the test's own statement
 * (src/domain/access/policy.ts is not imported); only the role catalogue, which is data, is.
 */

export type Placement = 'same-area' | 'other-area' | 'other-org';

/** What part of a case a route reads: a share opens only the categories it disclosed. */
export type Category = 'caseHistory' | 'riskAssessments' | 'safetyPlan' | 'person' | 'neverShared';

export type SubjectKey =
  | 'none'
  | 'consentHistory'
  | 'consentFull'
  | 'disclosure'
  | 'withdrawn'
  | 'breakGlass'
  | 'perpetrator'
  | 'referred';

export type Share = {
  unitId: string;
  basis: 'consent' | 'disclosure';
  categories: readonly Category[];
};

export type MatrixActor = {
  label: string;
  role: RoleId;
  placement: Placement;
  organisationId: string;
  unitId: string;
  areaId: string;
  userId: string;
  client: TestClient;
  /** Persons this actor has opened break-glass for (in the fixture). */
  breakGlassOn: Set<string>;
};

/**
 * A record of the matrix: a victim's or the perpetrator's person and case in the north
 * municipality, or (key 'referred') a referral the police sent to north's adult unit, not yet
 * answered. The referred record stands where it was sent (organisation, unit and secrecy area
 * are the receiver's); its person and case are the police's own, which north never sees.
 */
export type Subject = {
  key: SubjectKey;
  /** The consent state of the record toward the other secrecy area, in words. */
  state: string;
  organisationId: string;
  unitId: string;
  areaId: string;
  personId: string;
  caseId: string;
  familyName: string;
  personalNumber: string;
  /** Shares in force now (an ended share is not listed). */
  shares: readonly Share[];
  /** For the withdrawn state: the unit the case was shared with until the consent ended. */
  sharedOnceWith?: string;
  /** Values for the path parameters of the routes (absent: the route does not apply). */
  params: Partial<Record<SubjectParam, string>>;
  versions: {
    case: number;
    person: number;
    assessment?: number;
    plan?: number;
    measure?: number;
    task?: number;
    consent?: number;
    referral?: number;
    meeting?: number;
    action?: number;
  };
};

export const subjectParams = [
  'caseId',
  'personId',
  'assessmentId',
  'measureId',
  'taskId',
  'handoverId',
  'consentId',
  'referralId',
  'meetingId',
  'itemId',
  'actionId',
  /** A request for a place in protected housing, sent from the subject's case. */
  'requestId',
  /** A request from the perpetrator's case to link the subject's case, asked by her number. */
  'linkRequestId',
  /** A merge of a record registered twice into the subject's person (undoable). */
  'mergeId',
] as const;
export type SubjectParam = (typeof subjectParams)[number];

export type MatrixFixture = {
  world: World;
  actors: MatrixActor[];
  subjects: Subject[];
  owner: { client: TestClient; userId: string };
  colleague: { client: TestClient; userId: string };
  perpetratorWorker: { client: TestClient; userId: string };
  /** The county's other organisations: the police who refer to north, the region north refers to. */
  police: { organisationId: string; unitId: string; client: TestClient; userId: string };
  region: { organisationId: string; unitId: string };
  /** North's own protected-housing unit, and a request for a place sent to it from a case. */
  housing: { unitId: string; requestId: string };
  /** An intervention in north's catalogue (needs a decision; three sessions). */
  interventionTypeId: string;
  /** A group of that intervention with two places. */
  groupId: string;
};

export type Cell = { actor: MatrixActor; subject: Subject; fixture: MatrixFixture };

// ---------------------------------------------------------------------------------------------
// The route catalogue
// ---------------------------------------------------------------------------------------------

type Access = {
  gate: Action;
  action: Action;
  category: Category;
  /**
   * The route passes the record's information on (to another unit, another case, another
   * organisation, or a consent or disclosure that opens it): only from the record's own secrecy
   * area. A share or break-glass lets a person read, never move the information further.
   */
  passesOn?: boolean;
  /**
   * The record is a referral between organisations: whoever may not handle it gets 404 (its
   * existence is not theirs to know), and the receiving unit's roles handle it by their role.
   */
  referral?: boolean;
  /**
   * The record is a collaboration meeting the record's unit hosts, with the record's case on it
   * by pseudonym: the host unit's secrecy area handles it (the role decides), no share or
   * break-glass opens it, and everyone else gets 404.
   */
  meeting?: boolean;
};

export type ReadSpec = Access & {
  kind: 'read';
  query?: (cell: Cell) => string;
  body?: (cell: Cell) => unknown;
  /** The status once access is granted (a rule may still answer, e.g. concerns on a victim's case). */
  okStatus?: (subject: Subject) => number;
  /** Parameters the request names besides its path (absent on a subject: the route does not apply). */
  uses?: readonly SubjectParam[];
};

export type WriteSpec = Access & {
  kind: 'write';
  body: (cell: Cell) => unknown;
  /** A write that names no existing record of the subject runs once, against the base subject. */
  onlyBase?: boolean;
  /** Parameters the body names besides the path (absent on a subject: the route does not apply). */
  uses?: readonly SubjectParam[];
  /**
   * Declared with a writing access that break-glass opens, but answered by a rule of the domain
   * (e.g. only the receiver answers a referral): the status its holders then get, and why.
   */
  underBreakGlass?: { status: number; why: string };
  /**
   * Declared with a reading access: whoever may read the case may call it. The status it then
   * answers, why that is by design, and what it may change.
   */
  openToReaders?: { status: number; why: string; changes: readonly FingerprintKey[] };
  /** Refusals other than 403/404, with why. */
  alsoRefusedWith?: { status: number; why: string };
};

export type ListSpec = { kind: 'list'; url: string };
/**
 * A write on the organisation's own things that names no person (protected housing kept by its
 * provider): called once per actor; refused with 403 to every role without the action, never a
 * 500, and no victim data in any answer.
 */
export type OrganisationSpec = {
  kind: 'organisation';
  /** 'signedIn': every signed-in actor may call it (their own records), so nobody gets 403. */
  action: Action | 'signedIn';
  url: (fixture: MatrixFixture) => string;
  body: (fixture: MatrixFixture) => unknown;
};
export type SkipSpec = { kind: 'skip'; why: string };
export type RouteSpec = ReadSpec | WriteSpec | ListSpec | OrganisationSpec | SkipSpec;

const today = '2026-11-24';
/** An id no matrix actor's organisation holds. */
const noRound = '00000000-0000-4000-8000-000000000000';
/** Each call of the routine route makes a new routine, so titles never collide. */
let routineCount = 0;
/** The agencies of a SIP: the victims' consents (outside the child unit) name both. */
const sipParticipants = [
  { kind: 'other', label: 'Skolan' },
  { kind: 'healthCare', label: 'Kvinnohälsovården' },
];
const allThree: Category[] = ['caseHistory', 'riskAssessments', 'safetyPlan'];

const fredaContent = () => ({
  answers: Object.fromEntries(
    itemIdsOf('freda-farlighetsbedomning').map((id) => [
      id,
      { value: id === 'strangulation' ? 'yes' : 'no' },
    ]),
  ),
  judgements: { continuedViolence: 'high', severeViolence: 'high' },
  scenarios: [],
  victimAppraisal: { level: 'high', words: null },
  finalJudgement: {
    level: 'high',
    reasons: 'Strypgrepp efter separationen; hon är mycket rädd för honom.',
  },
});

const housingUnitBody = {
  name: 'Skyddat boende Övningsby',
  providerKind: 'municipal',
  specialisations: ['pets'],
  areaDescription: 'Norra Övningslän',
  phone: '070-174 06 12',
  capacity: 4,
  occupied: 0,
};

const caseAccess = (action: Action, category: Category, gate: Action = action): Access => ({
  gate,
  action,
  category,
});
/** Passing information on: only from the record's own secrecy area. */
const passingOn = (action: Action, category: Category, gate: Action = action): Access => ({
  ...caseAccess(action, category, gate),
  passesOn: true,
});
/** A collaboration meeting hosted in the record's unit. */
const meetingAccess = (action: Action): Access => ({
  ...caseAccess(action, 'neverShared'),
  meeting: true,
});
/** A referral between organisations: handled by its two sides, 404 to everyone else. */
const referralAccess = (action: Action, passesOn = false): Access => ({
  ...caseAccess(action, 'neverShared'),
  referral: true,
  ...(passesOn ? { passesOn } : {}),
});

const base = (fixture: MatrixFixture) => fixture.subjects.find((entry) => entry.key === 'none')!;
const perpetrator = (fixture: MatrixFixture) =>
  fixture.subjects.find((entry) => entry.key === 'perpetrator')!;

/**
 * Every route of the API, by method and OpenAPI path. A route the OpenAPI document lists that
 * is not here fails the matrix, so a new route cannot go untested.
 */
export const routeCatalogue: Record<string, RouteSpec> = {
  // Records of one person: reads.
  'GET /api/persons/{personId}': { kind: 'read', ...caseAccess('person.read', 'person') },
  'GET /api/persons/{personId}/duplicates': {
    kind: 'read',
    ...caseAccess('person.read', 'person'),
  },
  'GET /api/persons/{personId}/consents': {
    kind: 'read',
    ...caseAccess('person.read', 'person'),
  },
  'POST /api/persons/{personId}/protected-address': {
    kind: 'read',
    ...caseAccess('person.readProtectedAddress', 'person'),
    body: () => ({ reason: 'Behöver adressen för att skicka kallelse till möte.' }),
  },
  'GET /api/cases/{caseId}': { kind: 'read', ...caseAccess('case.read', 'caseHistory') },
  'GET /api/cases/{caseId}/summary.pdf': {
    kind: 'read',
    ...caseAccess('case.read', 'caseHistory'),
  },
  'GET /api/cases/{caseId}/reports-of-concern': {
    kind: 'read',
    ...caseAccess('case.read', 'caseHistory'),
  },
  'GET /api/cases/{caseId}/risk-picture': {
    kind: 'read',
    ...caseAccess('case.read', 'riskAssessments'),
  },
  'GET /api/cases/{caseId}/safety-plan': {
    kind: 'read',
    ...caseAccess('case.read', 'safetyPlan'),
  },
  'GET /api/cases/{caseId}/safety-plan.pdf': {
    kind: 'read',
    ...caseAccess('case.read', 'safetyPlan'),
  },
  'GET /api/cases/{caseId}/disclosures': {
    kind: 'read',
    ...caseAccess('case.read', 'neverShared'),
  },
  'GET /api/cases/{caseId}/disclosure-grounds': {
    kind: 'read',
    // Weighing grounds is the first step of passing the case on.
    ...passingOn('case.write', 'neverShared'),
    query: ({ fixture }) =>
      `?recipientKind=internal&recipientUnitId=${fixture.world.north.childUnit.id}&categories=caseHistory`,
  },
  'GET /api/cases/{caseId}/concerns': {
    kind: 'read',
    ...caseAccess('case.read', 'neverShared'),
    // A concern is raised from a perpetrator's case; on a victim's case the rule says no.
    okStatus: (subject) => (subject.key === 'perpetrator' ? 200 : 422),
  },
  'GET /api/assessments/{assessmentId}': {
    kind: 'read',
    ...caseAccess('case.read', 'riskAssessments'),
  },
  'GET /api/assessments/{assessmentId}/document.pdf': {
    kind: 'read',
    ...caseAccess('case.read', 'riskAssessments'),
  },

  // SIP, the coordinated individual plan with health care (resting on the person's consent; before
  // the consent writes below, which withdraw it in the owner's run).
  'GET /api/cases/{caseId}/sip': { kind: 'read', ...caseAccess('case.read', 'caseHistory') },
  'PUT /api/cases/{caseId}/sip': {
    kind: 'write',
    // Agreeing a plan with other agencies passes the case on.
    ...passingOn('case.write', 'caseHistory'),
    body: () => ({
      participants: sipParticipants,
      coordinatorAgency: 'Kvinnohälsovården',
      goal: 'Hon ska kunna bo kvar och gå till skolans möten utan rädsla.',
      followUpOn: '2027-01-15',
      version: 0,
    }),
  },
  'POST /api/cases/{caseId}/sip/commitments': {
    kind: 'write',
    ...caseAccess('case.write', 'caseHistory'),
    body: () => ({ agency: 'Skolan', what: 'Stödsamtal varje vecka', dueOn: '2027-01-10' }),
  },

  // Protected housing: a request for a place from the case, and the case's stays. Where a person
  // in protected housing lives is never shared: a share or consent does not open it.
  'POST /api/cases/{caseId}/housing-requests': {
    kind: 'write',
    ...caseAccess('case.write', 'neverShared'),
    body: ({ fixture }) => ({
      housingUnitId: fixture.housing.unitId,
      places: 1,
      children: 0,
      wantedFrom: today,
      note: 'Behöver plats i kväll',
    }),
  },
  // Interventions granted on the case, their sessions, extensions and end (in this order: each
  // acts on the running intervention the grant before it started).
  'GET /api/cases/{caseId}/interventions': {
    kind: 'read',
    ...caseAccess('case.read', 'caseHistory'),
  },
  'POST /api/cases/{caseId}/interventions': {
    kind: 'write',
    ...caseAccess('case.write', 'caseHistory'),
    body: ({ fixture }) => ({
      typeId: fixture.interventionTypeId,
      decidedOn: today,
      goals: ['Att kunna sova hela natten'],
    }),
  },
  'POST /api/cases/{caseId}/interventions/sessions': {
    kind: 'write',
    ...caseAccess('case.write', 'caseHistory'),
    body: ({ fixture }) => ({
      typeId: fixture.interventionTypeId,
      heldOn: today,
      mode: 'inPerson',
      outcome: 'attended',
    }),
  },
  'POST /api/cases/{caseId}/interventions/extensions': {
    kind: 'write',
    ...caseAccess('case.write', 'caseHistory'),
    body: ({ fixture }) => ({
      typeId: fixture.interventionTypeId,
      sessions: 2,
      reason: 'Hon behöver två samtal till inför rättegången.',
    }),
  },
  'POST /api/cases/{caseId}/interventions/end': {
    kind: 'write',
    ...caseAccess('case.write', 'caseHistory'),
    body: ({ fixture }) => ({
      typeId: fixture.interventionTypeId,
      endedOn: today,
      reason: 'completed',
      version: 1,
    }),
  },

  'POST /api/cases/{caseId}/group-places': {
    kind: 'write',
    ...caseAccess('case.write', 'caseHistory'),
    body: ({ fixture }) => ({ groupId: fixture.groupId, action: 'join' }),
  },

  // Following the client: ratings, satisfaction and the follow-up after closure (a callback is
  // arranged with the person: passing nothing on, but the case's own area decides it).
  'GET /api/cases/{caseId}/follow-up': { kind: 'read', ...caseAccess('case.read', 'caseHistory') },
  'POST /api/cases/{caseId}/ratings': {
    kind: 'write',
    ...caseAccess('case.write', 'caseHistory'),
    body: () => ({ phase: 'start', ratedOn: today, wellbeing: 4, safety: 3, violence: 'threats' }),
  },
  'POST /api/cases/{caseId}/satisfaction': {
    kind: 'write',
    ...caseAccess('case.write', 'caseHistory'),
    body: () => ({ subject: 'housing', housingProvider: 'Skyddat boende Övningsby', score: 4 }),
  },
  'PUT /api/cases/{caseId}/follow-up-plan': {
    kind: 'write',
    ...passingOn('case.write', 'caseHistory'),
    body: () => ({ consent: true, closedOn: today, version: 0 }),
  },

  // Råd och service on the case (the matrix's cases are at intake: contacts are refused by rule).
  'GET /api/cases/{caseId}/advice': { kind: 'read', ...caseAccess('case.read', 'caseHistory') },
  'POST /api/cases/{caseId}/advice/contacts': {
    kind: 'write',
    ...caseAccess('case.write', 'caseHistory'),
    body: () => ({ heldOn: today, mode: 'phone', covered: ['weapons'], note: 'Samtal om vapen' }),
  },
  'GET /api/cases/{caseId}/placements': {
    kind: 'read',
    ...caseAccess('case.read', 'neverShared'),
  },
  'POST /api/cases/{caseId}/placements': {
    kind: 'write',
    ...caseAccess('case.write', 'neverShared'),
    body: () => ({ providerName: 'Tryggt boende (köpt plats)', startOn: today }),
  },
  'POST /api/cases/{caseId}/placement/children': {
    kind: 'write',
    ...caseAccess('case.write', 'neverShared'),
    body: () => ({ firstName: 'Saga', bornYear: 2019, school: 'newSchool' }),
  },
  'POST /api/cases/{caseId}/placement/visits': {
    kind: 'write',
    ...caseAccess('case.write', 'neverShared'),
    body: () => ({ visitedOn: today, mode: 'inPerson', note: 'Besök på boendet' }),
  },
  'PUT /api/cases/{caseId}/placement/exit-plan': {
    kind: 'write',
    ...caseAccess('case.write', 'neverShared'),
    // The first stay's first version: after one change, later writers are told it is stale (409).
    body: () => ({
      debts: 'none',
      rentalContract: 'applying',
      housingCompanyContacted: true,
      version: 1,
    }),
  },
  'POST /api/cases/{caseId}/placement/exit': {
    kind: 'write',
    ...caseAccess('case.write', 'neverShared'),
    body: () => ({ endOn: today, destination: 'relativesOrFriends', version: 2 }),
  },

  // Records of one person: writes.
  'PATCH /api/persons/{personId}': {
    kind: 'write',
    ...caseAccess('person.update', 'person'),
    body: ({ subject }) => ({ version: subject.versions.person, interpreterLanguage: 'somaliska' }),
  },
  // Merging a person's records: the body names the record itself, which the domain refuses
  // (422) once the gate has let the caller in; outsiders never get that far.
  'POST /api/persons/{personId}/merges': {
    kind: 'write',
    ...caseAccess('person.update', 'person'),
    body: ({ subject }) => ({
      mergedPersonId: subject.personId,
      reason: 'Samma namn och födelsedatum, kontrollerat mot id-handling',
      version: subject.versions.person,
    }),
  },
  'POST /api/person-merges/{mergeId}/undo': {
    kind: 'write',
    ...caseAccess('person.update', 'person'),
    uses: ['mergeId'],
    body: () => ({}),
  },
  'POST /api/persons/{personId}/consents': {
    kind: 'write',
    ...passingOn('person.update', 'person'),
    body: ({ fixture }) => ({
      decision: 'given',
      purpose: 'Barn och unga får läsa hela ärendet',
      recipients: [
        { kind: 'internal', unitId: fixture.world.north.childUnit.id, label: 'Barn och unga' },
      ],
      categories: allThree,
      givenBy: 'self',
      form: 'oral',
      givenOn: today,
    }),
  },
  'POST /api/consents/{consentId}/withdrawal': {
    kind: 'write',
    ...passingOn('person.update', 'person'),
    body: ({ subject }) => ({
      withdrawnOn: today,
      reason: 'Sa i telefon att hon tar tillbaka det',
      version: subject.versions.consent,
    }),
  },
  'POST /api/persons': {
    kind: 'write',
    ...caseAccess('person.create', 'person'),
    onlyBase: true,
    body: ({ subject }) => ({
      unitId: subject.unitId,
      givenName: 'Matrisa',
      familyName: 'Nyregistrerad',
      identityKind: 'none',
    }),
    alsoRefusedWith: {
      status: 400,
      why: 'another organisation’s unit is not found: body.unitId is refused as unknown',
    },
  },
  'POST /api/cases': {
    kind: 'write',
    // Declared case.write; the command first asks to read the person.
    ...passingOn('person.read', 'person', 'case.write'),
    uses: ['personId'],
    body: ({ actor, subject }) => ({
      personId: subject.personId,
      unitId: actor.unitId,
      type: 'adultVictim',
    }),
  },
  'POST /api/referrals': {
    kind: 'write',
    ...passingOn('person.read', 'person', 'case.write'),
    uses: ['personId'],
    body: ({ actor, subject }) => ({
      personId: subject.personId,
      fromUnitId: actor.unitId,
      toUnitId: actor.unitId,
      type: 'adultVictim',
      clientConsent: true,
    }),
  },
  'POST /api/screenings': {
    kind: 'write',
    ...passingOn('person.read', 'person', 'case.write'),
    uses: ['personId'],
    body: ({ actor, subject }) => ({
      personId: subject.personId,
      unitId: actor.unitId,
      caseId: null,
      answers: [{ topic: 'exposure', outcome: 'negative' }],
    }),
  },
  'POST /api/cases/{caseId}/stage': {
    kind: 'write',
    ...caseAccess('case.write', 'caseHistory'),
    body: ({ subject }) => ({
      to: 'investigation',
      reason: null,
      version: subject.versions.case,
    }),
  },
  'POST /api/cases/{caseId}/owner': {
    kind: 'write',
    ...caseAccess('case.write', 'caseHistory'),
    body: ({ subject, fixture }) => ({
      ownerUserId: fixture.colleague.userId,
      version: subject.versions.case,
    }),
  },
  'POST /api/cases/{caseId}/links': {
    kind: 'write',
    ...caseAccess('case.write', 'caseHistory'),
    body: ({ subject, fixture }) => ({
      linkedCaseId:
        subject.key === 'perpetrator' ? base(fixture).caseId : perpetrator(fixture).caseId,
      kind: 'household',
    }),
  },
  'POST /api/cases/{caseId}/links/by-personal-number': {
    kind: 'write',
    ...passingOn('case.write', 'caseHistory'),
    body: ({ fixture }) => ({ personalNumber: base(fixture).personalNumber }),
  },
  // Requests to link a victim's case: her own area reads and answers them, never a share (the
  // request itself tells of a case in another area).
  'GET /api/cases/{caseId}/link-requests': {
    kind: 'read',
    ...passingOn('case.read', 'neverShared'),
  },
  'POST /api/link-requests/{linkRequestId}/answer': {
    kind: 'write',
    ...passingOn('case.write', 'neverShared'),
    uses: ['linkRequestId'],
    // Declined by the first of her team; later answers are told it is answered (409).
    body: () => ({ accept: false, version: 1 }),
  },
  'POST /api/cases/{caseId}/children': {
    kind: 'write',
    ...caseAccess('case.write', 'caseHistory'),
    body: ({ subject }) => ({ answer: 'none', version: subject.versions.case }),
  },
  'POST /api/cases/{caseId}/reports-of-concern': {
    kind: 'write',
    ...caseAccess('case.read', 'caseHistory'),
    body: () => ({
      child: { givenName: 'Liten', familyName: 'Matrisbarn', identityKind: 'none' },
      concern: 'Barnet har sett våldet hemma flera gånger den senaste månaden.',
    }),
    openToReaders: {
      status: 201,
      why: 'reporting duty (sol.reportingDuty) falls on whoever reads the case; declared case.read',
      changes: ['links', 'reports'],
    },
  },
  'POST /api/cases/{caseId}/events': {
    kind: 'write',
    ...caseAccess('case.write', 'caseHistory'),
    body: () => ({ kind: 'incident', occurredOn: today, source: 'police' }),
  },
  'POST /api/cases/{caseId}/tasks': {
    kind: 'write',
    ...caseAccess('case.write', 'caseHistory'),
    body: () => ({ kind: 'followUp', dueOn: '2027-01-20', note: 'Ring henne' }),
  },
  'POST /api/tasks/{taskId}/done': {
    kind: 'write',
    ...caseAccess('case.write', 'caseHistory'),
    body: ({ subject }) => ({ version: subject.versions.task }),
  },
  'POST /api/cases/{caseId}/handovers': {
    kind: 'write',
    ...caseAccess('case.write', 'caseHistory'),
    body: ({ subject, fixture }) => ({
      toUserId: fixture.colleague.userId,
      summary: 'Hon bor hos sin syster; polisanmälan är gjord och kontaktförbud sökt.',
      version: subject.versions.case,
    }),
  },
  'POST /api/handovers/{handoverId}/acknowledge': {
    kind: 'write',
    ...caseAccess('case.read', 'caseHistory'),
    body: () => undefined,
    openToReaders: {
      status: 422,
      why: 'declared case.read; only the named new owner may confirm (handover.not_recipient)',
      changes: [],
    },
  },
  'POST /api/handovers/{handoverId}/cancel': {
    kind: 'write',
    ...caseAccess('case.write', 'caseHistory'),
    body: () => undefined,
  },
  'POST /api/cases/{caseId}/assessments': {
    kind: 'write',
    ...caseAccess('case.write', 'riskAssessments'),
    body: () => ({ instrumentId: 'professional-judgement', subjectRole: 'victim' }),
  },
  'PUT /api/assessments/{assessmentId}/draft': {
    kind: 'write',
    ...caseAccess('case.write', 'riskAssessments'),
    body: ({ subject }) => ({ content: fredaContent(), version: subject.versions.assessment }),
  },
  'POST /api/assessments/{assessmentId}/sign': {
    kind: 'write',
    ...caseAccess('case.write', 'riskAssessments'),
    body: ({ subject }) => ({ version: subject.versions.assessment }),
  },
  'POST /api/assessments/{assessmentId}/follow-through': {
    kind: 'write',
    ...caseAccess('case.write', 'safetyPlan'),
    body: () => ({ noMeasuresReason: 'Inga åtgärder behövs enligt bedömningen i dag.' }),
  },
  'PUT /api/cases/{caseId}/safety-plan': {
    kind: 'write',
    ...caseAccess('case.write', 'safetyPlan'),
    body: ({ subject }) => ({
      victimStrategies: 'Hon har en väska packad hos grannen.',
      outOfHours: null,
      reviewOn: null,
      version: subject.versions.plan ?? 0,
    }),
  },
  'POST /api/cases/{caseId}/safety-plan/measures': {
    kind: 'write',
    ...caseAccess('case.write', 'safetyPlan'),
    body: () => ({ measureCode: 'safetyAlarm', ownerOrganisation: 'Polisen, BOPS' }),
  },
  'POST /api/cases/{caseId}/safety-plan/rejections': {
    kind: 'write',
    ...caseAccess('case.write', 'safetyPlan'),
    body: () => ({ measureCode: 'protectedHousing', reason: 'Hon vill bo kvar i sin lägenhet.' }),
  },
  'POST /api/plan-measures/{measureId}/status': {
    kind: 'write',
    ...caseAccess('case.write', 'safetyPlan'),
    body: ({ subject }) => ({ to: 'offered', reason: null, version: subject.versions.measure }),
  },
  'POST /api/cases/{caseId}/disclosures': {
    kind: 'write',
    ...passingOn('case.write', 'neverShared'),
    body: ({ fixture }) => ({
      recipientKind: 'internal',
      recipientUnitId: fixture.world.north.childUnit.id,
      categories: allThree,
      groundCode: 'noHarm',
      assessmentNote: 'Det står klart att varken hon eller barnen tar skada av att de får veta.',
      shareCase: true,
      shareDays: 30,
    }),
  },
  'POST /api/cases/{caseId}/concerns': {
    kind: 'write',
    ...passingOn('case.write', 'neverShared'),
    body: () => ({
      path: 'noHarm',
      whatWasSaid: 'Han sa att han vet var hon bor nu och ska åka dit.',
      assessmentNote: 'Hotet är konkret och hon behöver veta det för att skydda sig.',
    }),
  },

  // Hand-overs between organisations. The victims' cases each sent one to the region; the police
  // sent one to north's adult unit (the 'referred' record).
  'GET /api/cases/{caseId}/referrals': {
    kind: 'read',
    // Audited as referral.read: what left the case is the sending area's own, never shared.
    ...caseAccess('case.read', 'neverShared'),
  },
  'GET /api/referrals/{referralId}': { kind: 'read', ...referralAccess('case.read') },
  'POST /api/cases/{caseId}/referrals': {
    kind: 'write',
    ...passingOn('case.write', 'neverShared'),
    body: ({ fixture }) => ({
      toUnitId: fixture.region.unitId,
      summary: 'Hon har flyttat och behöver fortsatt stöd från kvinnohälsovården.',
      categories: ['caseHistory', 'riskAssessments'],
      groundCode: 'noHarm',
      assessmentNote: 'Det står klart att varken hon eller någon närstående tar skada av det.',
    }),
  },
  'POST /api/referrals/{referralId}/answer': {
    kind: 'write',
    ...referralAccess('case.write'),
    body: ({ subject }) => ({ openCase: true, version: subject.versions.referral }),
    underBreakGlass: {
      status: 422,
      why: 'break-glass opens the sending case, but only the receiver answers (referral.not_receiver)',
    },
  },
  'POST /api/referrals/{referralId}/messages': {
    kind: 'write',
    // A message goes to the other organisation: from the sending side, passing on.
    ...referralAccess('case.write', true),
    body: () => ({ kind: 'note', body: 'Vi har pratat med henne i dag och hon vill ha kontakt.' }),
  },

  // Collaboration meetings: the adult unit hosts one with the police and the region, the first
  // victim's case on it by pseudonym.
  'GET /api/meetings/{meetingId}': { kind: 'read', ...meetingAccess('case.read') },
  'POST /api/meetings': {
    kind: 'write',
    ...caseAccess('case.write', 'caseHistory'),
    onlyBase: true,
    body: ({ subject, fixture }) => ({
      unitId: subject.unitId,
      title: 'Samverkansmöte december',
      heldOn: '2026-12-01',
      participantOrganisationIds: [fixture.police.organisationId],
    }),
    alsoRefusedWith: {
      status: 400,
      why: 'a unit where the actor does not work with cases is refused as a field (body.unitId)',
    },
  },
  'POST /api/meetings/{meetingId}/items': {
    kind: 'write',
    ...meetingAccess('case.write'),
    // A case not yet on the meeting (a case is on a meeting once): the record with a disclosure.
    body: ({ fixture }) => ({
      caseId: fixture.subjects.find((entry) => entry.key === 'disclosure')!.caseId,
      criteria: ['professionalJudgement'],
      rationale: 'Hon har sökt skydd tre gånger i höst och hotet har ökat.',
    }),
  },
  'POST /api/meeting-items/{itemId}/notes': {
    kind: 'write',
    // Declared case.read: every agency at the table says what it knows.
    ...meetingAccess('case.read'),
    body: () => ({ body: 'Vi har haft kontakt med henne två gånger i veckan.' }),
  },
  'POST /api/meeting-items/{itemId}/actions': {
    kind: 'write',
    ...meetingAccess('case.write'),
    body: () => ({
      ownerAgency: 'Polisen, BOPS',
      description: 'Erbjud trygghetslarm',
      dueOn: '2026-12-04',
    }),
  },
  'POST /api/meeting-actions/{actionId}/done': {
    kind: 'write',
    ...meetingAccess('case.write'),
    body: ({ subject }) => ({ version: subject.versions.action }),
  },
  'PUT /api/meetings/{meetingId}/minutes': {
    kind: 'write',
    ...meetingAccess('case.write'),
    body: ({ subject }) => ({
      minutes: 'Ärende 1: polisen erbjuder larm; uppföljning om två veckor.',
      version: subject.versions.meeting,
    }),
  },

  // Lists and catalogues: called once per actor, and searched for every victim.
  'GET /api/persons': { kind: 'list', url: '/api/persons?limit=200' },
  'GET /api/persons/search': { kind: 'list', url: '/api/persons/search?q=Matrisa&limit=50' },
  'GET /api/cases': { kind: 'list', url: '/api/cases?limit=500' },
  'GET /api/cases/export.csv': { kind: 'list', url: '/api/cases/export.csv?limit=500' },
  'GET /api/work-lists/mine': { kind: 'list', url: '/api/work-lists/mine' },
  'GET /api/work-lists/shared-with-me': { kind: 'list', url: '/api/work-lists/shared-with-me' },
  'GET /api/work-lists/children-without-investigation': {
    kind: 'list',
    url: '/api/work-lists/children-without-investigation',
  },
  'GET /api/work-lists/overdue-reassessments': {
    kind: 'list',
    url: '/api/work-lists/overdue-reassessments',
  },
  'GET /api/work-lists/overdue-reviews': { kind: 'list', url: '/api/work-lists/overdue-reviews' },
  'GET /api/audit/events': { kind: 'list', url: '/api/audit/events?limit=1000' },
  'GET /api/audit/reviews': { kind: 'list', url: '/api/audit/reviews' },
  'GET /api/referrals': { kind: 'list', url: '/api/referrals' },
  'GET /api/meetings': { kind: 'list', url: '/api/meetings' },
  'GET /api/county-organisations': { kind: 'list', url: '/api/county-organisations' },
  'GET /api/contact-directory': { kind: 'list', url: '/api/contact-directory' },
  'GET /api/intervention-types': { kind: 'list', url: '/api/intervention-types' },
  'GET /api/intervention-groups': { kind: 'list', url: '/api/intervention-groups' },
  'GET /api/housing/units': { kind: 'list', url: '/api/housing/units?needs=pets' },
  'GET /api/housing/requests': { kind: 'list', url: '/api/housing/requests' },
  'GET /api/housing/unmet-needs': { kind: 'list', url: '/api/housing/unmet-needs' },

  // The organisation's own protected housing: no person's record.
  'POST /api/housing/units': {
    kind: 'organisation',
    action: 'housing.keep',
    url: () => '/api/housing/units',
    body: () => housingUnitBody,
  },
  'PUT /api/housing/units/{housingUnitId}': {
    kind: 'organisation',
    action: 'housing.keep',
    url: (fixture) => `/api/housing/units/${fixture.housing.unitId}`,
    body: () => ({ ...housingUnitBody, occupied: 1, version: 1 }),
  },
  'POST /api/housing/requests/{requestId}/answer': {
    kind: 'organisation',
    action: 'housing.keep',
    url: (fixture) => `/api/housing/requests/${fixture.housing.requestId}/answer`,
    body: () => ({ offer: false, message: 'Fullt till och med fredag', version: 1 }),
  },
  'POST /api/housing/requests/{requestId}/withdraw': {
    kind: 'write',
    ...caseAccess('case.write', 'caseHistory'),
    body: () => ({ version: 1 }),
  },
  'POST /api/housing/requests/{requestId}/release': {
    kind: 'organisation',
    action: 'housing.keep',
    url: (fixture) => `/api/housing/requests/${fixture.housing.requestId}/release`,
    body: () => ({ version: 1 }),
  },
  'POST /api/intervention-groups': {
    kind: 'organisation',
    action: 'case.write',
    url: () => '/api/intervention-groups',
    body: (fixture) => ({
      typeId: fixture.interventionTypeId,
      theme: 'Samtalsgrupp (matris)',
      capacity: 6,
      startsOn: '2027-02-01',
    }),
  },
  'POST /api/intervention-types': {
    kind: 'organisation',
    action: 'organisation.administer',
    url: () => '/api/intervention-types',
    body: () => ({
      name: 'Samtal för barn som upplevt våld',
      target: 'child',
      eligibility: 'decision',
      provider: 'ownUnit',
      defaultSessions: 8,
    }),
  },
  'POST /api/housing/unmet-needs': {
    kind: 'organisation',
    action: 'case.write',
    url: () => '/api/housing/unmet-needs',
    body: (fixture) => ({ unitId: fixture.world.north.adultUnit.id, places: 2, children: 1 }),
  },
  'GET /api/referral-directory': { kind: 'list', url: '/api/referral-directory' },
  'GET /api/recipient-directory': { kind: 'list', url: '/api/recipient-directory' },
  'GET /api/screenings/coverage': {
    kind: 'list',
    url: '/api/screenings/coverage?from=2026-01-01&to=2027-01-01',
  },
  'GET /api/indicators/definitions': { kind: 'list', url: '/api/indicators/definitions' },
  'GET /api/indicators': { kind: 'list', url: '/api/indicators?from=2026-01-01&to=2026-12-31' },
  'GET /api/indicators/export': {
    kind: 'list',
    url: '/api/indicators/export?from=2026-01-01&to=2026-12-31&format=csv',
  },
  'GET /api/indicators/case-rows': {
    kind: 'list',
    url: '/api/indicators/case-rows?from=2026-01-01&to=2026-12-31&format=csv',
  },
  'GET /api/indicators/county': {
    kind: 'list',
    url: '/api/indicators/county?from=2026-01-01&to=2026-12-31',
  },
  'POST /api/indicators/publications': {
    kind: 'organisation',
    action: 'statistics.read',
    url: () => '/api/indicators/publications',
    body: () => ({ from: '2026-01-01', to: '2026-12-31' }),
  },
  // Mapping rounds belong to a county board; no matrix actor's organisation is one, so holders
  // of mapping.conduct get 422 and a round id of another organisation is never found.
  'GET /api/mapping/templates': { kind: 'list', url: '/api/mapping/templates' },
  'GET /api/mapping/candidates': { kind: 'list', url: '/api/mapping/candidates' },
  'GET /api/mapping/rounds': { kind: 'list', url: '/api/mapping/rounds' },
  'GET /api/mapping/rounds/{roundId}': { kind: 'list', url: `/api/mapping/rounds/${noRound}` },
  'GET /api/mapping/rounds/{roundId}/report.pdf': {
    kind: 'list',
    url: `/api/mapping/rounds/${noRound}/report.pdf`,
  },
  'POST /api/mapping/rounds': {
    kind: 'organisation',
    action: 'mapping.conduct',
    url: () => '/api/mapping/rounds',
    body: () => ({
      name: 'Kartläggning i matrisen',
      templateId: 'vasternorrland',
      periodFrom: '2026-01-01',
      periodTo: '2026-12-31',
      municipalities: [{ name: 'Matrisby kommun' }],
    }),
  },
  'PUT /api/mapping/rounds/{roundId}/answers': {
    kind: 'organisation',
    action: 'mapping.conduct',
    url: () => `/api/mapping/rounds/${noRound}/answers`,
    body: () => ({ municipalityId: noRound, itemId: 'children', status: 'unknown' }),
  },
  'POST /api/mapping/rounds/{roundId}/prefill': {
    kind: 'organisation',
    action: 'mapping.conduct',
    url: () => `/api/mapping/rounds/${noRound}/prefill`,
    body: () => ({ municipalityId: noRound }),
  },
  'POST /api/mapping/rounds/{roundId}/sessions': {
    kind: 'organisation',
    action: 'mapping.conduct',
    url: () => `/api/mapping/rounds/${noRound}/sessions`,
    body: () => ({
      municipalityId: noRound,
      label: 'Matrisby 1',
      heldOn: '2026-10-01',
      mode: 'groupInterview',
      participants: [{ role: 'caseWorker', count: 2 }],
    }),
  },
  'PUT /api/mapping/sessions/{sessionId}/themes': {
    kind: 'organisation',
    action: 'mapping.conduct',
    url: () => `/api/mapping/sessions/${noRound}/themes`,
    body: () => ({ answerIndex: 0, themes: ['housing'], version: 1 }),
  },
  'GET /api/prevalence-surveys': { kind: 'list', url: '/api/prevalence-surveys' },
  'GET /api/prevalence-surveys/{surveyId}': {
    kind: 'list',
    url: `/api/prevalence-surveys/${noRound}`,
  },
  'POST /api/prevalence-surveys': {
    kind: 'organisation',
    action: 'statistics.read',
    url: () => '/api/prevalence-surveys',
    body: () => ({ title: 'Mätning i matrisen', opensOn: '2026-11-01', closesOn: '2026-11-30' }),
  },
  'PUT /api/prevalence-surveys/{surveyId}/reports': {
    kind: 'organisation',
    action: 'case.read',
    url: () => `/api/prevalence-surveys/${noRound}/reports`,
    body: () => ({ unitId: noRound, counts: [{ category: 'adultVictim', count: 3 }] }),
  },
  'GET /api/agreements': { kind: 'list', url: '/api/agreements' },
  'PUT /api/agreements': {
    kind: 'organisation',
    action: 'statistics.read',
    url: () => '/api/agreements',
    body: () => ({
      title: 'Samverkansavtal i matrisen',
      parties: ['Polisen'],
      status: 'active',
      reviewOn: '2027-11-24',
    }),
  },
  'GET /api/training/scenarios': { kind: 'list', url: '/api/training/scenarios' },
  'POST /api/training/practice-cases': {
    kind: 'organisation',
    action: 'case.write',
    url: () => '/api/training/practice-cases',
    body: () => ({ scenarioId: 'police-report-mother' }),
  },
  'GET /api/training/practice-cases': { kind: 'list', url: '/api/training/practice-cases' },
  'POST /api/training/practice-cases/{caseId}/end': {
    kind: 'write',
    ...caseAccess('case.write', 'caseHistory'),
    body: ({ subject }) => ({ version: subject.versions.case }),
    alsoRefusedWith: {
      status: 422,
      why: 'the matrix’s cases are real: only a practice case is ended this way',
    },
  },
  'GET /api/routines': { kind: 'list', url: '/api/routines?step=investigation' },
  'POST /api/routines': {
    kind: 'organisation',
    action: 'statistics.read',
    url: () => '/api/routines',
    body: () => ({
      title: `Rutin i matrisen ${(routineCount += 1)}`,
      step: 'investigation',
      body: 'Fråga alltid om våld enskilt, utan att den andra är närvarande.',
      approvedBy: 'Socialnämnden 2026-03-12',
      validFrom: '2026-01-01',
    }),
  },
  'POST /api/routines/{routineId}/acknowledgements': {
    kind: 'organisation',
    action: 'signedIn',
    url: () => `/api/routines/${noRound}/acknowledgements`,
    body: () => ({ versionNo: 1 }),
  },
  'GET /api/competence/courses': { kind: 'list', url: '/api/competence/courses' },
  'GET /api/competence/mine': { kind: 'list', url: '/api/competence/mine' },
  'GET /api/competence/coverage': { kind: 'list', url: '/api/competence/coverage' },
  'POST /api/competence/records': {
    kind: 'organisation',
    action: 'signedIn',
    url: () => '/api/competence/records',
    body: () => ({ courseCode: 'nckWebCourse', completedOn: '2026-11-01' }),
  },
  'GET /api/units': { kind: 'list', url: '/api/units' },
  'GET /api/organisation/settings': { kind: 'list', url: '/api/organisation/settings' },
  'GET /api/measures': { kind: 'list', url: '/api/measures' },
  'GET /api/checklists': { kind: 'list', url: '/api/checklists' },
  'GET /api/instruments': { kind: 'list', url: '/api/instruments' },
  'GET /api/instruments/{instrumentId}': {
    kind: 'list',
    url: '/api/instruments/freda-farlighetsbedomning',
  },
  'GET /api/disclosure-grounds': { kind: 'list', url: '/api/disclosure-grounds' },
  'GET /api/session': { kind: 'list', url: '/api/session' },
  'GET /api/health': { kind: 'list', url: '/api/health' },
  'GET /api/auth/csrf': { kind: 'list', url: '/api/auth/csrf' },
  'GET /api/auth/providers': { kind: 'list', url: '/api/auth/providers' },
  'GET /api/auth/oidc/{providerId}/start': {
    kind: 'list',
    url: '/api/auth/oidc/00000000-0000-4000-8000-000000000000/start',
  },
  'GET /api/auth/oidc/callback': { kind: 'list', url: '/api/auth/oidc/callback' },

  // Not called by the matrix: they name no person's record and change no victim's data.
  'POST /api/persons/{personId}/break-glass': {
    kind: 'skip',
    why: 'the emergency path itself: open to every role with breakGlass.open by design; exercised as the break-glass state (and its refusals) in its own test',
  },
  'POST /api/auth/login': { kind: 'skip', why: 'sign-in: no session, no record' },
  'POST /api/auth/totp': { kind: 'skip', why: 'sign-in second factor: no record' },
  'POST /api/auth/totp/enrolment': { kind: 'skip', why: 'the caller’s own second factor' },
  'POST /api/auth/totp/enrolment/confirm': { kind: 'skip', why: 'the caller’s own second factor' },
  'POST /api/auth/logout': { kind: 'skip', why: 'would end the actor’s session; no record' },
  // The caller's own password: every signed-in actor may try; the wrong current password is
  // refused (400) before anything changes.
  'POST /api/auth/password': {
    kind: 'organisation',
    action: 'signedIn',
    url: () => '/api/auth/password',
    body: () => ({ currentPassword: 'inte-mitt-lösenord', newPassword: 'tre gröna hästar i snö' }),
  },
  'POST /api/session/workplace': { kind: 'skip', why: 'the caller’s own session; no record' },
  'PATCH /api/units/{unitId}': { kind: 'skip', why: 'unit setting (organisation.administer)' },
  'PATCH /api/organisation/settings': {
    kind: 'skip',
    why: 'organisation setting (organisation.administer)',
  },
  'POST /api/measures': { kind: 'skip', why: 'measure catalogue (organisation.administer)' },
  'PUT /api/measures/{code}/enabled': {
    kind: 'skip',
    why: 'measure catalogue (organisation.administer)',
  },
  'POST /api/instrument-permissions': {
    kind: 'skip',
    why: 'instrument licence (organisation.administer)',
  },
  'POST /api/trainings': { kind: 'skip', why: 'the caller’s own training record' },
  'POST /api/contact-directory': {
    kind: 'skip',
    why: 'the county’s staff contacts by function (organisation.administer); no person’s record',
  },
  'POST /api/audit/reviews': {
    kind: 'skip',
    why: 'signs a log review (audit.read); holds counts and the reviewer’s findings',
  },
};

export const openApiRoutes = async (testApp: TestApp) => {
  const spec = (await testApp.app.inject({ method: 'GET', url: '/api/docs/json' })).json<{
    paths: Record<string, Record<string, unknown>>;
  }>();
  return Object.entries(spec.paths).flatMap(([path, methods]) =>
    Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
  );
};

/** The route's URL for a subject, or null when the subject has no record for one of its parameters. */
export const urlFor = (route: string, cell: Cell, spec: ReadSpec | WriteSpec): string | null => {
  const path = route.slice(route.indexOf(' ') + 1);
  let missing = false;
  const filled = path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = cell.subject.params[name as SubjectParam];
    if (!value) missing = true;
    return value ?? '';
  });
  if (missing || spec.uses?.some((name) => !cell.subject.params[name])) return null;
  return filled + (spec.kind === 'read' && spec.query ? spec.query(cell) : '');
};

export const methodOf = (route: string) =>
  route.slice(0, route.indexOf(' ')) as 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

// ---------------------------------------------------------------------------------------------
// The expected policy
// ---------------------------------------------------------------------------------------------

export type Verdict =
  | { allowed: true; reason: string; why: string }
  | { allowed: false; statuses: readonly number[]; why: string };

const refused = (why: string, statuses: readonly number[] = [403]): Verdict => ({
  allowed: false,
  statuses,
  why,
});

/** Where the actor stands toward the record. */
export const placementOf = (actor: MatrixActor, subject: Subject): Placement =>
  actor.organisationId !== subject.organisationId
    ? 'other-org'
    : actor.areaId === subject.areaId
      ? 'same-area'
      : 'other-area';

/** The consent state of the record as this actor meets it. */
export const stateOf = (actor: MatrixActor, subject: Subject): string => {
  if (placementOf(actor, subject) !== 'other-area') return '-';
  if (actor.breakGlassOn.has(subject.personId)) return 'break-glass';
  if (subject.shares.some((share) => share.unitId === actor.unitId)) return subject.state;
  if (subject.key === 'withdrawn' && actor.unitId === subject.sharedOnceWith) return subject.state;
  return 'none';
};

/**
 * What the rules say: a role without the declared action is stopped at the door; another
 * organisation does not see the record at all; inside the record's secrecy area the role
 * decides (with a case relation for therapists and partners); across it only a share in force
 * that disclosed the category (read only, never to roles that need a case relation), or the
 * actor's own break-glass for the person (never the protected address). Passing information on
 * needs the record's own secrecy area: neither a share nor break-glass opens it. A referral is
 * handled by its two sides only, each in the audit log as a party to it: the sender as whoever
 * may use the source case (break-glass included, logged as such), the receiver as a role with
 * the action in the receiving unit; anyone else gets 404.
 */
export const decide = (actor: MatrixActor, subject: Subject, access: Access): Verdict => {
  const role = roles[actor.role];
  if (!role.actions.includes(access.gate)) return refused(`${actor.role} lacks ${access.gate}`);
  if (actor.organisationId !== subject.organisationId)
    return refused('another organisation', [404]);
  if (!role.actions.includes(access.action)) return refused(`${actor.role} lacks ${access.action}`);
  if (access.meeting) {
    if (actor.areaId !== subject.areaId)
      return refused('the meeting is its host area’s; no share or break-glass opens it', [404]);
    // Who may not read the case sees it by pseudonym only.
    return role.requiresCaseRelation
      ? { allowed: true, reason: 'meeting.host', why: 'the host area, by pseudonym' }
      : { allowed: true, reason: 'access.same_secrecy_area', why: 'the host area' };
  }
  if (subject.key === 'referred') {
    return actor.unitId === subject.unitId
      ? { allowed: true, reason: 'referral.party', why: 'a role in the receiving unit' }
      : refused('not the receiving unit', [404]);
  }
  const verdict = decideRecord(actor, subject, access);
  if (!access.referral) return verdict;
  // Whoever may not handle the referral at all does not learn it exists; whoever may read it
  // under break-glass but not pass it on is refused like any passing on (403, audited).
  const handles = decideRecord(actor, subject, { ...access, passesOn: false });
  if (!handles.allowed) return refused(`${handles.why}; the referral is not found`, [404]);
  if (!verdict.allowed) return verdict;
  return verdict.reason === 'access.same_secrecy_area'
    ? { ...verdict, reason: 'referral.party', why: `the sending side (${verdict.why})` }
    : verdict;
};

const decideRecord = (actor: MatrixActor, subject: Subject, access: Access): Verdict => {
  const role = roles[actor.role];
  if (actor.areaId === subject.areaId) {
    return role.requiresCaseRelation
      ? refused('no case relation')
      : { allowed: true, reason: 'access.same_secrecy_area', why: 'same secrecy area' };
  }
  const readsShareable =
    (access.action === 'case.read' || access.action === 'person.read') &&
    access.category !== 'person';
  const share = readsShareable
    ? subject.shares.find((entry) => entry.unitId === actor.unitId && !role.requiresCaseRelation)
    : undefined;
  if (share?.categories.includes(access.category) && access.passesOn)
    return refused('passing on needs the record’s own secrecy area, a share only reads');
  if (share) {
    return share.categories.includes(access.category)
      ? {
          allowed: true,
          reason: share.basis === 'consent' ? 'access.consent' : 'access.disclosure',
          why: `shared on ${share.basis} (${share.categories.join(', ')})`,
        }
      : refused(`the share (${share.categories.join(', ')}) does not cover ${access.category}`);
  }
  if (actor.breakGlassOn.has(subject.personId) && access.action !== 'person.readProtectedAddress')
    return access.passesOn
      ? refused('passing on needs the record’s own secrecy area, break-glass only opens the person')
      : { allowed: true, reason: 'access.break_glass', why: 'break-glass' };
  return refused('other secrecy area, no consent, ground or break-glass');
};

/** May the actor see anything of the subject (its case or person) at all? */
export const mayRead = (actor: MatrixActor, subject: Subject): Verdict => {
  const asCase = decide(actor, subject, caseAccess('case.read', 'caseHistory'));
  return asCase.allowed ? asCase : decide(actor, subject, caseAccess('person.read', 'person'));
};

// ---------------------------------------------------------------------------------------------
// Observing the system: the audit log, the stored records, what a response reveals
// ---------------------------------------------------------------------------------------------

export type AuditRow = {
  id: string;
  type: string;
  reason: string | null;
  personId: string | null;
  actorUserId: string | null;
  outcome: string;
  breakGlassId: string | null;
  details: Record<string, unknown>;
};

/** Reads the audit events written since the last look: the events of one request at a time. */
export class AuditTail {
  private last = 0n;
  constructor(private readonly database: TestDatabase) {}

  async take(): Promise<AuditRow[]> {
    const rows = await asSystem(this.database.db, (tx) =>
      tx
        .selectFrom('auditEvents')
        .select([
          'id',
          'type',
          'reason',
          'personId',
          'actorUserId',
          'outcome',
          'breakGlassId',
          'details',
        ])
        .where('id', '>', this.last.toString())
        .orderBy('id')
        .execute(),
    );
    for (const row of rows) if (BigInt(row.id) > this.last) this.last = BigInt(row.id);
    return rows.map((row) => ({ ...row, id: String(row.id) }));
  }
}

/**
 * Whether an event names the record: its person, or for a referral not yet answered (whose
 * person the receiver has not registered) the referral itself.
 */
export const namesRecord = (event: AuditRow, subject: Subject) =>
  event.personId === subject.personId ||
  (event.personId === null &&
    ((subject.key === 'referred' && event.details.referralId === subject.params.referralId) ||
      // A meeting read by pseudonym names the meeting the record is on.
      (subject.params.meetingId !== undefined &&
        event.details.meetingId === subject.params.meetingId)));

export type FingerprintKey =
  | 'person'
  | 'personsInUnit'
  | 'cases'
  | 'transitions'
  | 'links'
  | 'linkRequests'
  | 'events'
  | 'tasks'
  | 'handovers'
  | 'assessments'
  | 'followThroughs'
  | 'plans'
  | 'measures'
  | 'planEvents'
  | 'consents'
  | 'disclosures'
  | 'concerns'
  | 'screenings'
  | 'reports'
  | 'referrals'
  | 'referralMessages'
  | 'meetings'
  | 'meetingItems'
  | 'sip'
  | 'advice'
  | 'groupPlaces'
  | 'followUp'
  | 'interventions'
  | 'housing';

/** Everything a write could change about one subject, read in one statement. */
export const fingerprint = async (
  database: TestDatabase,
  subject: Subject,
): Promise<Record<FingerprintKey, string>> => {
  const p = subject.personId;
  const c = subject.caseId;
  const r = subject.params.referralId ?? null;
  const row = await asSystem(
    database.db,
    async (tx) =>
      (
        await sql<{ fingerprint: Record<FingerprintKey, unknown> }>`
        select json_build_object(
          'person', (select json_build_object('v', version, 'g', given_name, 'f', family_name,
                       'lang', interpreter_language) from persons where id = ${p}),
          'personsInUnit', (select count(*) from persons where unit_id = ${subject.unitId}),
          'cases', (select json_agg(json_build_object('id', id, 'v', version, 'stage', stage,
                       'owner', owner_user_id, 'children', children_answer) order by id)
                     from cases where person_id = ${p}),
          'transitions', (select count(*) from case_transitions where case_id = ${c}),
          'links', (select count(*) from case_links where case_id = ${c} or linked_case_id = ${c}),
          'linkRequests', (select json_agg(json_build_object('id', id, 'v', version) order by id)
                     from link_requests where from_case_id = ${c} or to_case_id = ${c}),
          'events', (select count(*) from case_events where case_id = ${c}),
          'tasks', (select json_agg(json_build_object('id', id, 'v', version, 'done', done_at)
                       order by id) from case_tasks where case_id = ${c}),
          'handovers', (select json_agg(json_build_object('id', id, 'a', acknowledged_at,
                       'c', cancelled_at) order by id) from case_handovers where case_id = ${c}),
          'assessments', (select json_agg(json_build_object('id', id, 'v', version,
                       's', signed_at) order by id) from risk_assessments where case_id = ${c}),
          'followThroughs', (select count(*) from assessment_follow_throughs f
                       join risk_assessments a on a.id = f.assessment_id where a.case_id = ${c}),
          'plans', (select json_agg(json_build_object('id', id, 'v', version) order by id)
                       from safety_plans where case_id = ${c}),
          'measures', (select json_agg(json_build_object('id', m.id, 'v', m.version,
                       's', m.status) order by m.id) from plan_measures m
                       join safety_plans s on s.id = m.plan_id where s.case_id = ${c}),
          'planEvents', (select count(*) from plan_events e
                       join safety_plans s on s.id = e.plan_id where s.case_id = ${c}),
          'consents', (select json_agg(json_build_object('id', id, 'v', version,
                       'w', withdrawn_on) order by id) from consents where person_id = ${p}),
          'disclosures', (select json_agg(json_build_object('id', id, 'ended', share_ended_at)
                       order by id) from disclosures where person_id = ${p} or case_id = ${c}),
          'concerns', (select count(*) from concerns where perpetrator_case_id = ${c}),
          'screenings', (select count(*) from screenings where person_id = ${p}),
          'reports', (select count(*) from reports_of_concern where from_case_id = ${c}),
          'referrals', (select json_agg(json_build_object('id', id, 'v', version,
                       'a', acknowledged_at, 'd', declined_at, 'c', received_case_id) order by id)
                     from referrals where source_case_id = ${c} or received_case_id = ${c}
                       or id = ${r}),
          'referralMessages', (select count(*) from referral_messages m
                       join referrals f on f.id = m.referral_id
                       where f.source_case_id = ${c} or f.id = ${r}),
          'meetings', (select json_agg(json_build_object('id', m.id, 'v', m.version,
                       'items', (select count(*) from meeting_items i where i.meeting_id = m.id))
                       order by m.id) from meetings m where m.unit_id = ${subject.unitId}),
          'meetingItems', (select json_agg(json_build_object('id', i.id,
                       'notes', (select count(*) from meeting_notes n where n.item_id = i.id),
                       'actions', (select count(*) from meeting_actions a where a.item_id = i.id),
                       'done', (select count(*) from meeting_actions a where a.item_id = i.id
                         and a.done_at is not null))
                       order by i.id) from meeting_items i where i.case_id = ${c}),
          'sip', (select json_agg(json_build_object('id', s.id, 'v', s.version,
                       'commitments', (select count(*) from sip_commitments k
                         where k.plan_id = s.id)) order by s.id)
                     from sip_plans s where s.case_id = ${c}),
          'advice', (select count(*) from advice_contacts where case_id = ${c}),
          'groupPlaces', (select json_agg(json_build_object('id', id, 'v', version) order by id)
                     from group_places where case_id = ${c}),
          'followUp', json_build_object(
            'ratings', (select count(*) from client_ratings where case_id = ${c}),
            'answers', (select count(*) from satisfaction_answers where case_id = ${c}),
            'plan', (select json_agg(json_build_object('v', version, 'c', consent))
                     from follow_up_plans where case_id = ${c})),
          'interventions', (select json_agg(json_build_object('id', g.id, 'v', g.version,
                       'sessions', (select count(*) from intervention_sessions x
                         where x.intervention_id = g.id),
                       'extensions', (select count(*) from intervention_extensions e
                         where e.intervention_id = g.id)) order by g.id)
                     from granted_interventions g where g.case_id = ${c}),
          'housing', json_build_object(
            'requests', (select json_agg(json_build_object('id', id, 'v', version) order by id)
                     from housing_requests where case_id = ${c}),
            'placements', (select json_agg(json_build_object('id', p.id, 'v', p.version,
                       'children', (select count(*) from placement_children k
                         where k.placement_id = p.id),
                       'visits', (select count(*) from placement_visits v
                         where v.placement_id = p.id)) order by p.id)
                     from housing_placements p where p.case_id = ${c}))
        ) as fingerprint`.execute(tx)
      ).rows[0]!,
  );
  return Object.fromEntries(
    Object.entries(row.fingerprint).map(([key, value]) => [key, JSON.stringify(value)]),
  ) as Record<FingerprintKey, string>;
};

/** The keys on which two fingerprints differ. */
export const changedKeys = (
  before: Record<FingerprintKey, string>,
  after: Record<FingerprintKey, string>,
): FingerprintKey[] =>
  (Object.keys(before) as FingerprintKey[]).filter((key) => before[key] !== after[key]);

/** The text a reader gets from a response: a PDF's visible text, otherwise the body. */
export const readableText = async (response: LightMyRequestResponse): Promise<string> => {
  const type = String(response.headers['content-type'] ?? '');
  if (type.includes('application/pdf') && response.statusCode < 300)
    return (await pdfText(response.rawPayload)).replace(/\s+/g, ' ');
  return response.body;
};

/** What of the subject a text reveals: its name, personnummer or case id. */
export const markersOf = (subject: Subject) => [
  subject.familyName,
  subject.personalNumber,
  subject.caseId,
];
export const reveals = (text: string, subject: Subject) =>
  markersOf(subject).filter((marker) => text.includes(marker));

// ---------------------------------------------------------------------------------------------
// The fixture
// ---------------------------------------------------------------------------------------------

/** A valid personnummer (Luhn checksum) born 1980-01-01, by serial number. */
export const personalNumberFor = (serial: number) => {
  const nine = `800101${String(serial).padStart(3, '0')}`;
  let sum = 0;
  for (let index = 0; index < nine.length; index += 1) {
    let digit = Number(nine[index]) * (index % 2 === 0 ? 2 : 1);
    if (digit > 9) digit -= 9;
    sum += digit;
  }
  return `19${nine.slice(0, 6)}-${nine.slice(6)}${(10 - (sum % 10)) % 10}`;
};

const expectStatus = async (
  response: Promise<LightMyRequestResponse>,
  status: number,
  what: string,
) => {
  const done = await response;
  if (done.statusCode !== status)
    throw new Error(`fixture: ${what} answered ${done.statusCode}: ${done.body}`);
  return done;
};

type VictimKey = Exclude<SubjectKey, 'perpetrator' | 'referred'>;

const victimStates: Record<VictimKey, { familyName: string; state: string }> = {
  none: { familyName: 'Ingendotter', state: 'none' },
  consentHistory: { familyName: 'Historikdotter', state: 'consent: caseHistory' },
  consentFull: {
    familyName: 'Fullsamtyckedotter',
    state: 'consent: caseHistory+riskAssessments+safetyPlan',
  },
  disclosure: { familyName: 'Grunddotter', state: 'disclosure noHarm: caseHistory+safetyPlan' },
  withdrawn: { familyName: 'Aterkalladotter', state: 'consent withdrawn' },
  breakGlass: { familyName: 'Nodatkomstdotter', state: 'break-glass (for its holders)' },
};

/**
 * Signs in every actor, and builds one victim per consent state in the adult unit, each with a
 * case owned there, a draft risk assessment, a safety plan with a measure, a task, a pending
 * hand-over, a consent (to the child unit, or elsewhere), shared or not as the state says, and
 * a referral sent to the region; then break-glass for the other area's holders, a perpetrator's
 * case in Öppenvården linked to the first victim's case, a collaboration meeting with the first
 * victim's case on it, and a referral from the police to the adult unit. North, the police and
 * the region share a county; south is in another.
 */
export const buildAccessMatrix = async (
  database: TestDatabase,
  testApp: TestApp,
  world: World,
): Promise<MatrixFixture> => {
  const north = world.north;
  const as = async (organisationId: string, unitId: string, role: RoleId) => {
    const { client, user } = await signedIn(database, testApp, { organisationId, unitId, role });
    return { client, userId: user.id };
  };
  const county = await asSystem(database.db, async (tx) => {
    await tx
      .updateTable('organisations')
      .set({ countyCode: '99' })
      .where('id', '=', north.org.id)
      .execute();
    await tx
      .updateTable('organisations')
      .set({ countyCode: '98' })
      .where('id', '=', world.south.org.id)
      .execute();
    const other = async (
      kind: 'policeRegion' | 'region',
      name: string,
      area: string,
      unit: { name: string; kind: 'policeRiskAnalysis' | 'other' },
    ) => {
      const org = await createOrganisation(tx, { kind, name, countyCode: '99', fictitious: true });
      const secrecyArea = await createSecrecyArea(tx, org.id, area);
      const created = await createUnit(tx, {
        organisationId: org.id,
        ...unit,
        secrecyAreaId: secrecyArea.id,
      });
      return { organisationId: org.id, unitId: created.id };
    };
    return {
      police: await other('policeRegion', 'Polisregion Matris', 'Polis', {
        name: 'BOPS',
        kind: 'policeRiskAnalysis',
      }),
      region: await other('region', 'Region Matris', 'Kvinnohälsan', {
        name: 'Kvinnohälsovården',
        kind: 'other',
      }),
    };
  });
  const [owner, colleague, perpetratorWorker, admin, officer] = await Promise.all([
    as(north.org.id, north.adultUnit.id, 'caseWorker'),
    as(north.org.id, north.adultUnit.id, 'caseWorker'),
    as(north.org.id, north.perpetratorUnit.id, 'caseWorker'),
    as(north.org.id, north.adultUnit.id, 'administrator'),
    as(county.police.organisationId, county.police.unitId, 'police'),
  ]);
  await expectStatus(
    admin.client.request('POST', '/api/instrument-permissions', {
      body: { instrumentId: 'freda-farlighetsbedomning', licenceNote: 'Tillstånd (övning)' },
    }),
    201,
    'permit FREDA',
  );

  const placements: {
    placement: Placement;
    organisationId: string;
    unit: typeof north.adultUnit;
  }[] = [
    { placement: 'same-area', organisationId: north.org.id, unit: north.adultUnit },
    { placement: 'other-area', organisationId: north.org.id, unit: north.childUnit },
    { placement: 'other-org', organisationId: world.south.org.id, unit: world.south.adultUnit },
  ];
  // Signed in side by side: the password hashing dominates, and runs off the main thread.
  const actors: MatrixActor[] = await Promise.all(
    placements.flatMap(({ placement, organisationId, unit }) =>
      roleIds.map(async (role) => {
        const signed = await as(organisationId, unit.id, role);
        return {
          label: `${role}@${placement}`,
          role,
          placement,
          organisationId,
          unitId: unit.id,
          areaId: unit.secrecyAreaId!,
          userId: signed.userId,
          client: signed.client,
          breakGlassOn: new Set<string>(),
        };
      }),
    ),
  );

  const subjects: Subject[] = [];
  let serial = 10;
  for (const [key, { familyName, state }] of Object.entries(victimStates) as [
    VictimKey,
    (typeof victimStates)[keyof typeof victimStates],
  ][]) {
    serial += 1;
    const personalNumber = personalNumberFor(serial);
    const person = await buildPerson(database, testApp.keys, {
      organisationId: north.org.id,
      unitId: north.adultUnit.id,
      givenName: 'Matrisa',
      familyName,
      personalNumber,
    });
    const request = owner.client.request.bind(owner.client);
    const opened = (
      await expectStatus(
        request('POST', '/api/cases', {
          body: {
            personId: person.id,
            unitId: north.adultUnit.id,
            type: 'adultVictim',
            ownerUserId: owner.userId,
          },
        }),
        201,
        `open the ${key} case`,
      )
    ).json<{ id: string; version: number }>();
    const caseId = opened.id;
    // Children in the household and no child case: the case is on the gaps work list.
    await expectStatus(
      request('POST', `/api/cases/${caseId}/children`, {
        body: { answer: 'yes', version: opened.version },
      }),
      200,
      'answer children',
    );
    const assessmentId = (
      await expectStatus(
        request('POST', `/api/cases/${caseId}/assessments`, {
          body: { instrumentId: 'freda-farlighetsbedomning', subjectRole: 'victim' },
        }),
        201,
        'start an assessment',
      )
    ).json<{ id: string }>().id;
    await expectStatus(
      request('PUT', `/api/assessments/${assessmentId}/draft`, {
        body: { content: fredaContent(), version: 1 },
      }),
      200,
      'save the draft',
    );
    const plan = (
      await expectStatus(
        request('POST', `/api/cases/${caseId}/safety-plan/measures`, {
          body: { measureCode: 'contactBan', ownerOrganisation: 'Åklagare' },
        }),
        201,
        'add a measure',
      )
    ).json<{ version: number; measures: { id: string; version: number }[] }>();
    const task = (
      await expectStatus(
        request('POST', `/api/cases/${caseId}/tasks`, {
          body: { kind: 'followUp', dueOn: '2027-01-15', note: 'Ring om uppföljning' },
        }),
        201,
        'add a task',
      )
    ).json<{ id: string; version: number }>();
    const current = (
      await expectStatus(request('GET', `/api/cases/${caseId}`), 200, 'read the case')
    ).json<{ version: number }>();
    const handoverId = (
      await expectStatus(
        request('POST', `/api/cases/${caseId}/handovers`, {
          body: {
            toUserId: colleague.userId,
            summary: 'Hon bor hos sin syster; polisanmälan är gjord och kontaktförbud sökt.',
            version: current.version,
          },
        }),
        201,
        'propose a hand-over',
      )
    ).json<{ id: string }>().id;

    const childUnit = { kind: 'internal', unitId: north.childUnit.id, label: 'Barn och unga' };
    const consentCategories: Category[] = key === 'consentHistory' ? ['caseHistory'] : allThree;
    const consentToChildUnit =
      key === 'consentHistory' || key === 'consentFull' || key === 'withdrawn';
    const consent = (
      await expectStatus(
        request('POST', `/api/persons/${person.id}/consents`, {
          body: consentToChildUnit
            ? {
                decision: 'given',
                purpose: 'Barn och unga får läsa om våldet',
                recipients: [childUnit],
                categories: consentCategories,
                givenBy: 'self',
                form: 'written',
                givenOn: today,
              }
            : {
                decision: 'given',
                purpose: 'Skolan och vården får veta om skyddet',
                recipients: sipParticipants,
                categories: ['children'],
                givenBy: 'self',
                form: 'oral',
                givenOn: today,
              },
        }),
        201,
        'record a consent',
      )
    ).json<{ id: string; version: number }>();

    const shares: Share[] = [];
    const share = async (categories: Category[], groundCode: string) => {
      await expectStatus(
        request('POST', `/api/cases/${caseId}/disclosures`, {
          body: {
            recipientKind: 'internal',
            recipientUnitId: north.childUnit.id,
            categories,
            groundCode,
            assessmentNote:
              groundCode === 'consent'
                ? ''
                : 'Det står klart att varken hon eller någon närstående tar skada av det.',
            shareCase: true,
            shareDays: 30,
          },
        }),
        201,
        `share the ${key} case`,
      );
      shares.push({
        unitId: north.childUnit.id,
        basis: groundCode === 'consent' ? 'consent' : 'disclosure',
        categories,
      });
    };
    if (key === 'none') {
      // What left the case without opening it: a disclosure to the police.
      await expectStatus(
        request('POST', `/api/cases/${caseId}/disclosures`, {
          body: {
            recipientKind: 'police',
            recipientLabel: 'Polisen, BOPS',
            categories: ['identity'],
            groundCode: 'preventViolence',
            assessmentNote: 'Särskild risk för grovt våld; polisen behöver veta var hon bor.',
            content: 'Namn och skyddat boende lämnades.',
          },
        }),
        201,
        'disclose to the police',
      );
    }
    if (key === 'consentHistory') await share(['caseHistory'], 'consent');
    if (key === 'consentFull' || key === 'withdrawn') await share(allThree, 'consent');
    if (key === 'disclosure') await share(['caseHistory', 'safetyPlan'], 'noHarm');
    let consentVersion = consent.version;
    if (key === 'withdrawn') {
      const withdrawn = await expectStatus(
        request('POST', `/api/consents/${consent.id}/withdrawal`, {
          body: { withdrawnOn: today, reason: 'Ringde och tog tillbaka det', version: 1 },
        }),
        200,
        'withdraw the consent',
      );
      consentVersion = withdrawn.json<{ version: number }>().version;
      shares.length = 0;
    }
    // A hand-over to the region (what left the case: never shared, like its disclosures).
    const referralId = (
      await expectStatus(
        request('POST', `/api/cases/${caseId}/referrals`, {
          body: {
            toUnitId: county.region.unitId,
            summary: 'Hon behöver stöd från kvinnohälsovården efter det som hänt.',
            categories: ['caseHistory', 'riskAssessments'],
            groundCode: 'noHarm',
            assessmentNote:
              'Det står klart att varken hon eller någon närstående tar skada av det.',
          },
        }),
        201,
        `refer the ${key} case to the region`,
      )
    ).json<{ id: string }>().id;
    const caseVersion = (
      await expectStatus(request('GET', `/api/cases/${caseId}`), 200, 'read the case')
    ).json<{ version: number }>().version;

    const subject: Subject = {
      key,
      state,
      organisationId: north.org.id,
      unitId: north.adultUnit.id,
      areaId: north.adultUnit.secrecyAreaId!,
      personId: person.id,
      caseId,
      familyName,
      personalNumber,
      shares,
      params: {
        caseId,
        personId: person.id,
        assessmentId,
        measureId: plan.measures[0]!.id,
        taskId: task.id,
        handoverId,
        consentId: consent.id,
        referralId,
      },
      versions: {
        case: caseVersion,
        person: person.version,
        assessment: 2,
        plan: plan.version,
        measure: plan.measures[0]!.version,
        task: task.version,
        consent: consentVersion,
        referral: 1,
      },
    };
    if (key === 'withdrawn') subject.sharedOnceWith = north.childUnit.id;
    subjects.push(subject);
  }

  // Break-glass: every role in the other area that may open it does, for the breakGlass victim.
  const glassVictim = subjects.find((entry) => entry.key === 'breakGlass')!;
  for (const actor of actors) {
    if (actor.placement !== 'other-area' || !roles[actor.role].actions.includes('breakGlass.open'))
      continue;
    await expectStatus(
      actor.client.request('POST', `/api/persons/${glassVictim.personId}/break-glass`, {
        body: { reason: 'Polisen larmar om akut fara för henne i kväll', minutes: 60 },
      }),
      201,
      `open break-glass as ${actor.label}`,
    );
    actor.breakGlassOn.add(glassVictim.personId);
  }

  // An overdue reassessment and plan review on the first victim's case (written directly: the
  // API refuses a last day in the past), so the team leaders' overdue lists hold something.
  const first = subjects[0]!;
  await asSystem(database.db, (tx) =>
    tx
      .insertInto('caseTasks')
      .values(
        (['reassessment', 'planReview'] as const).map((kind) => ({
          organisationId: north.org.id,
          caseId: first.caseId,
          kind,
          noteEnc: null,
          assigneeUserId: owner.userId,
          dueOn: '2026-11-01',
          createdBy: owner.userId,
          createdAt: testApp.clock.now(),
        })),
      )
      .execute(),
  );

  // The perpetrator: his own case in Öppenvården, linked from the first victim's case.
  const perpetratorNumber = personalNumberFor(99);
  const man = await buildPerson(database, testApp.keys, {
    organisationId: north.org.id,
    unitId: north.perpetratorUnit.id,
    givenName: 'Matrisa',
    familyName: 'Utovarsson',
    personalNumber: perpetratorNumber,
  });
  const hisCase = (
    await expectStatus(
      perpetratorWorker.client.request('POST', '/api/cases', {
        body: {
          personId: man.id,
          unitId: north.perpetratorUnit.id,
          type: 'perpetrator',
          ownerUserId: perpetratorWorker.userId,
        },
      }),
      201,
      'open the perpetrator case',
    )
  ).json<{ id: string; version: number }>();
  await expectStatus(
    owner.client.request('POST', `/api/cases/${first.caseId}/links`, {
      body: { linkedCaseId: hisCase.id, kind: 'victimPerpetrator' },
    }),
    201,
    'link the cases',
  );
  first.versions.case = (
    await expectStatus(owner.client.request('GET', `/api/cases/${first.caseId}`), 200, 'read')
  ).json<{ version: number }>().version;
  subjects.push({
    key: 'perpetrator',
    state: 'none',
    organisationId: north.org.id,
    unitId: north.perpetratorUnit.id,
    areaId: north.perpetratorUnit.secrecyAreaId!,
    personId: man.id,
    caseId: hisCase.id,
    familyName: 'Utovarsson',
    personalNumber: perpetratorNumber,
    shares: [],
    params: { caseId: hisCase.id, personId: man.id },
    versions: { case: hisCase.version, person: man.version },
  });
  // His worker asks to link her case by her number; her team will answer.
  await expectStatus(
    perpetratorWorker.client.request('POST', `/api/cases/${hisCase.id}/links/by-personal-number`, {
      body: { personalNumber: first.personalNumber },
    }),
    202,
    'ask to link her case',
  );
  first.params.linkRequestId = (
    await asSystem(database.db, (tx) =>
      tx
        .selectFrom('linkRequests')
        .select('id')
        .where('toCaseId', '=', first.caseId)
        .executeTakeFirstOrThrow(),
    )
  ).id;

  // A record of her registered twice (same name, no number), merged into hers by her worker.
  const shadow = (
    await expectStatus(
      owner.client.request('POST', '/api/persons', {
        body: {
          unitId: first.unitId,
          givenName: 'Skugga',
          familyName: first.familyName,
          identityKind: 'none',
          personalNumber: null,
          protectionLevel: 'none',
          notSameAsSimilar: true,
        },
      }),
      201,
      'register her a second time without a number',
    )
  ).json<{ id: string }>().id;
  const merged = await expectStatus(
    owner.client.request('POST', `/api/persons/${first.personId}/merges`, {
      body: {
        mergedPersonId: shadow,
        reason: 'Samma kvinna, registrerad två gånger vid mottagningen',
        version: first.versions.person,
      },
    }),
    200,
    'merge the second record into hers',
  );
  first.params.mergeId = merged.json<{ mergeId: string }>().mergeId;
  first.versions.person = merged.json<{ person: { version: number } }>().person.version;

  // A collaboration meeting the adult unit hosts with the police and the region: the first
  // victim's case on it, by pseudonym, with an action for the police.
  const meetingId = (
    await expectStatus(
      owner.client.request('POST', '/api/meetings', {
        body: {
          unitId: north.adultUnit.id,
          title: 'Samverkansmöte november',
          heldOn: '2026-11-25',
          participantOrganisationIds: [county.police.organisationId, county.region.organisationId],
        },
      }),
      201,
      'create a meeting',
    )
  ).json<{ id: string }>().id;
  first.params.meetingId = meetingId;
  first.params.itemId = (
    await expectStatus(
      owner.client.request('POST', `/api/meetings/${meetingId}/items`, {
        body: {
          caseId: first.caseId,
          criteria: ['highRisk', 'escalation'],
          rationale: 'Tre incidenter på två månader, senast strypgrepp i helgen.',
        },
      }),
      201,
      'bring the case to the meeting',
    )
  ).json<{ id: string }>().id;
  first.versions.meeting = 1;
  first.params.actionId = (
    await expectStatus(
      owner.client.request('POST', `/api/meeting-items/${first.params.itemId}/actions`, {
        body: {
          ownerAgency: 'Polisen, BOPS',
          description: 'Erbjud trygghetslarm',
          dueOn: '2026-11-30',
        },
      }),
      201,
      'add an action to the plan',
    )
  ).json<{ id: string }>().id;
  first.versions.action = 1;

  // The police hand a woman they met in the night to the adult unit: not yet answered.
  const referredNumber = personalNumberFor(77);
  const woman = await buildPerson(database, testApp.keys, {
    organisationId: county.police.organisationId,
    unitId: county.police.unitId,
    givenName: 'Matrisa',
    familyName: 'Polisanmäldotter',
    personalNumber: referredNumber,
  });
  const policeCase = (
    await expectStatus(
      officer.client.request('POST', '/api/cases', {
        body: { personId: woman.id, unitId: county.police.unitId, type: 'adultVictim' },
      }),
      201,
      'open the police case',
    )
  ).json<{ id: string; version: number }>();
  const incoming = (
    await expectStatus(
      officer.client.request('POST', `/api/cases/${policeCase.id}/referrals`, {
        body: {
          toUnitId: north.adultUnit.id,
          summary: 'Misshandel i hemmet i natt; hon vill ha stöd och är rädd för att åka hem.',
          categories: ['caseHistory'],
          groundCode: 'ownActivity',
          assessmentNote: 'Socialtjänsten behöver veta för att kunna erbjuda skydd i kväll.',
        },
      }),
      201,
      'refer from the police',
    )
  ).json<{ id: string }>().id;
  subjects.push({
    key: 'referred',
    state: 'referral from the police',
    organisationId: north.org.id,
    unitId: north.adultUnit.id,
    areaId: north.adultUnit.secrecyAreaId!,
    personId: woman.id,
    caseId: policeCase.id,
    familyName: 'Polisanmäldotter',
    personalNumber: referredNumber,
    shares: [],
    params: { referralId: incoming },
    versions: { case: policeCase.version, person: woman.version, referral: 1 },
  });

  // North keeps a protected-housing unit; the first victim's case asks it for a place.
  const keeper = await as(north.org.id, north.adultUnit.id, 'teamLeader');
  const housingUnitId = (
    await expectStatus(
      keeper.client.request('POST', '/api/housing/units', { body: housingUnitBody }),
      201,
      'add a housing unit',
    )
  ).json<{ id: string }>().id;
  const housingRequestId = (
    await expectStatus(
      owner.client.request(
        'POST',
        `/api/cases/${subjects.find((entry) => entry.key === 'none')!.caseId}/housing-requests`,
        {
          body: { housingUnitId, places: 2, children: 1, wantedFrom: today },
        },
      ),
      201,
      'ask for a place',
    )
  ).json<{ id: string }>().id;
  subjects.find((entry) => entry.key === 'none')!.params.requestId = housingRequestId;

  const interventionTypeId = (
    await expectStatus(
      admin.client.request('POST', '/api/intervention-types', {
        body: {
          name: 'Stödsamtal (matris)',
          target: 'victim',
          eligibility: 'decision',
          provider: 'ownUnit',
          defaultSessions: 3,
        },
      }),
      201,
      'add an intervention to the catalogue',
    )
  ).json<{ id: string }>().id;

  const groupId = (
    await expectStatus(
      owner.client.request('POST', '/api/intervention-groups', {
        body: {
          typeId: interventionTypeId,
          theme: 'Stödgrupp (matris)',
          capacity: 2,
          startsOn: today,
        },
      }),
      201,
      'start a group',
    )
  ).json<{ id: string }>().id;

  return {
    groupId,
    interventionTypeId,
    housing: { unitId: housingUnitId, requestId: housingRequestId },
    world,
    actors,
    subjects,
    owner,
    colleague,
    perpetratorWorker,
    police: { ...county.police, ...officer },
    region: county.region,
  };
};
