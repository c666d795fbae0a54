import type { FastifyInstance, FastifyRequest } from 'fastify';
import { can, type RecordResource } from '../../../domain/access/policy';
import type { Action } from '../../../domain/access/roles';
import { meetingVisibleTo } from '../../features/meetings/meeting-access';
import { AuditedDenial, AuditedNotFound, runAudited } from '../runtime/person-access';
import { handlingOf } from '../../features/referrals/referral-access';
import type { Tx } from '../db/transaction';
import { caseResource } from '../../features/cases/case.presenter';
import { consentResource } from '../../features/collaboration/collaboration.presenter';
import { personResource } from '../../features/persons/person.presenter';
import { findCase } from '../../features/cases/case.repository';
import { findConsent } from '../../features/collaboration/collaboration.repository';
import { findPerson } from '../../features/persons/person.repository';
import {
  findCaseIdAskedByLinkRequest,
  findCaseIdOf,
  findCaseIdOfMeasure,
  findHousingRequestParties,
  findMeetingIdOf,
  findMergeSurvivor,
} from './record-gate.repository';
import { findReferral } from '../../features/referrals/referral.repository';
import { commandContext } from './command-context';
import type { AppDeps, CommandContext, RouteAccess } from './context';

/**
 * The record gate: one policy decision for every record a route names in its path, before the
 * body is even read. A person, a case, or anything that belongs to one (an assessment, a plan
 * measure, a task, a hand-over, a consent) is asked of the one policy, `can()`, as the record it
 * belongs to; a record shared by two organisations (a referral, a meeting, a request for a place
 * in protected housing) must be one the caller is a party to, with the case behind it readable.
 * Refused: 403 with the reason, or 404 when the record is not the caller's to know of — both in
 * the audit log. The commands still decide the finer rules (a share's categories, passing on).
 *
 * Every path parameter of every /api route must be known here, so a new route cannot name a
 * record the gate does not decide on: the server refuses to start (see `assertKnownParams`).
 */

/** `action`: the record action the route declares (case.read when it declares another kind). */
type Ask = (
  ctx: CommandContext,
  tx: Tx,
  id: string,
  action: Action,
  declared: RouteAccess | undefined,
) => Promise<Verdict>;
/** A party's answer: in, not theirs to know of, or as far as the policy allows on a record. */
type Verdict = 'allowed' | 'hidden' | { decideOn: RecordResource };

type ParamRule =
  /** A person's or case's record: the policy decides with the route's action. */
  | { kind: 'record'; resolve: (tx: Tx, id: string) => Promise<RecordResource | undefined> }
  /** A record two organisations share: the caller must be a party to it. */
  | { kind: 'party'; ask: Ask }
  /** The organisation's own things (units, rounds, routines…): names no person. */
  | { kind: 'organisation' };

const caseOf = async (tx: Tx, caseId: string | null | undefined) => {
  const record = caseId ? await findCase(tx, caseId) : undefined;
  return record ? caseResource(record) : undefined;
};

/** A record that belongs to one case (its `caseId`): decided as that case. */
const caseHolding =
  (table: 'riskAssessments' | 'caseTasks' | 'caseHandovers') => async (tx: Tx, id: string) =>
    caseOf(tx, await findCaseIdOf(tx, table, id));

const meetingParty: Ask = async (ctx, tx, meetingId) =>
  (await meetingVisibleTo(ctx, tx, meetingId)) ? 'allowed' : 'hidden';

/** A record that belongs to one meeting (its `meetingId`): whoever may see the meeting. */
const meetingHolding =
  (table: 'meetingItems' | 'meetingActions'): Ask =>
  async (ctx, tx, id, action, declared) => {
    const row = await findMeetingIdOf(tx, table, id);
    return row ? meetingParty(ctx, tx, row.meetingId, action, declared) : 'hidden';
  };

export const recordParams: Record<string, ParamRule> = {
  personId: {
    kind: 'record',
    resolve: async (tx, id) => {
      const person = await findPerson(tx, id);
      return person ? personResource(person) : undefined;
    },
  },
  caseId: { kind: 'record', resolve: (tx, id) => caseOf(tx, id) },
  assessmentId: { kind: 'record', resolve: caseHolding('riskAssessments') },
  measureId: {
    kind: 'record',
    resolve: async (tx, id) => caseOf(tx, await findCaseIdOfMeasure(tx, id)),
  },
  taskId: { kind: 'record', resolve: caseHolding('caseTasks') },
  handoverId: { kind: 'record', resolve: caseHolding('caseHandovers') },
  linkRequestId: {
    kind: 'record',
    // A request to link is the asked victim's case's to answer.
    resolve: async (tx, id) => caseOf(tx, await findCaseIdAskedByLinkRequest(tx, id)),
  },
  mergeId: {
    kind: 'record',
    // A merge is decided as the record that was kept.
    resolve: async (tx, id) => {
      const merge = await findMergeSurvivor(tx, id);
      const person = merge ? await findPerson(tx, merge.survivorId) : undefined;
      return person ? personResource(person) : undefined;
    },
  },
  consentId: {
    kind: 'record',
    resolve: async (tx, id) => {
      const consent = await findConsent(tx, id);
      const person = consent ? await findPerson(tx, consent.personId) : undefined;
      return consent && person ? consentResource(consent, personResource(person)) : undefined;
    },
  },
  referralId: {
    kind: 'party',
    ask: async (ctx, tx, id, action) => {
      const row = await findReferral(tx, id);
      return row && (await handlingOf(ctx, tx, row, action)) ? 'allowed' : 'hidden';
    },
  },
  meetingId: { kind: 'party', ask: meetingParty },
  itemId: { kind: 'party', ask: meetingHolding('meetingItems') },
  actionId: { kind: 'party', ask: meetingHolding('meetingActions') },
  requestId: {
    kind: 'party',
    // A request for a place carries needs and counts, never identity. The provider's keepers
    // answer it (housing.keep in the receiving organisation); the placing side acts on it only as
    // far as it may act on the case it was sent from.
    ask: async (ctx, tx, id, action, declared) => {
      const row = await findHousingRequestParties(tx, id);
      if (!row) return 'hidden';
      if (declared === 'housing.keep')
        return row.toOrganisationId === ctx.actor.organisationId ? 'allowed' : 'hidden';
      if (row.fromOrganisationId !== ctx.actor.organisationId) return 'hidden';
      const sentFrom = await caseOf(tx, row.caseId);
      return sentFrom ? { decideOn: sentFrom } : 'hidden';
    },
  },
  code: { kind: 'organisation' },
  housingUnitId: { kind: 'organisation' },
  instrumentId: { kind: 'organisation' },
  providerId: { kind: 'organisation' },
  roundId: { kind: 'organisation' },
  routineId: { kind: 'organisation' },
  sessionId: { kind: 'organisation' },
  surveyId: { kind: 'organisation' },
  unitId: { kind: 'organisation' },
};

const recordActions: ReadonlySet<string> = new Set<Action>([
  'person.read',
  'person.update',
  'person.readProtectedAddress',
  'case.read',
  'case.write',
]);

const paramsOf = (url: string) => [...url.matchAll(/:([A-Za-z]+)/g)].map((match) => match[1]!);

/** A route that names a path parameter the gate does not know stops the server from starting. */
export const assertKnownParams = (url: string, method: string | string[]) => {
  for (const name of paramsOf(url))
    if (!recordParams[name])
      throw new Error(
        `Route ${String(method)} ${url} names :${name}, which the record gate does not know. ` +
          'Say in src/server/platform/http/record-gate.ts what kind of record it is.',
      );
};

/**
 * The action the gate asks about a record: the route's declared action when it is one about
 * records; otherwise the record must only be visible (break-glass is opened on a person the
 * caller may not read yet — that is what it is for).
 */
const gateAction = (request: FastifyRequest): Action | 'visible' => {
  const { access, recordAccess } = request.routeOptions.config;
  if (recordAccess) return recordAccess;
  return typeof access === 'string' && recordActions.has(access) ? (access as Action) : 'visible';
};

const decide = async (
  ctx: CommandContext,
  tx: Tx,
  request: FastifyRequest,
  name: string,
  id: string,
) => {
  const rule = recordParams[name]!;
  const attempted = `${request.method} ${request.routeOptions.url ?? ''}`;
  const hidden = () =>
    new AuditedNotFound(ctx, {
      message: 'Uppgiften finns inte eller är inte synlig för dig.',
      details: { attempted, [name]: id },
    });
  if (rule.kind === 'organisation') return;
  const asked = gateAction(request);
  if (rule.kind === 'party') {
    const action = asked === 'visible' ? 'case.read' : asked;
    const declared = request.routeOptions.config.access;
    const verdict = await rule.ask(ctx, tx, id, action, declared);
    if (verdict === 'hidden') throw hidden();
    if (verdict === 'allowed') return;
    return refuseUnlessAllowed(ctx, verdict.decideOn, action, { attempted, [name]: id });
  }
  const resource = await rule.resolve(tx, id);
  if (!resource) throw hidden();
  if (asked === 'visible') return;
  refuseUnlessAllowed(ctx, resource, asked, { attempted, [name]: id });
};

const refuseUnlessAllowed = (
  ctx: CommandContext,
  resource: RecordResource,
  action: Action,
  details: Record<string, string>,
) => {
  const decision = can(ctx.actor, action, resource, ctx.now());
  if (!decision.allowed)
    throw new AuditedDenial(ctx, { personId: resource.personId, reason: decision.reason, details });
};

/** Ids in a path are uuids; anything else is not a record of ours (the route's schema says so). */
const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const registerRecordGate = (app: FastifyInstance, deps: AppDeps) => {
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/')) assertKnownParams(route.url, route.method);
  });
  app.addHook('preValidation', async (request) => {
    const params = request.params as Record<string, string> | undefined;
    if (!params || !request.actor) return;
    const named = Object.entries(params).filter(
      ([name, value]) =>
        (recordParams[name]?.kind ?? 'organisation') !== 'organisation' && uuidShape.test(value),
    );
    if (named.length === 0) return;
    const ctx = commandContext(request, deps);
    await runAudited(ctx, async (tx) => {
      for (const [name, id] of named) await decide(ctx, tx, request, name, id);
    });
  });
};
