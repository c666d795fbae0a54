import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../../domain/access/policy';
import { rolesNeedSecondFactor, roles } from '../../../domain/access/roles';
import { DomainError } from '../../../domain/errors';
import { sessionExpiry, shouldTouchSession } from '../../../domain/identity/sign-in-rules';
import { appendAuditEvent } from '../audit/audit.repository';
import { asSystem, inScope } from '../db/transaction';
import type { AppDeps, RequestSession, RouteAccess } from '../http/context';
import { buildActor, loadBreakGlass, loadHeldRoles } from './actor';
import { endSession, findLiveSession, hashToken, touchSession } from './session.repository';

export const sessionCookie = 'fristad_session';

/** What a CSRF token is bound to: the session cookie, or a fixed word before signing in. */
export const csrfBinding = (request: { cookies: Record<string, string | undefined> }) =>
  request.cookies[sessionCookie] || 'no-session';

/**
 * Resolves the session cookie to a session and, once fully signed in, to the policy's actor.
 * Then enforces the route's declared access. Runs before every /api route.
 */
export const registerRequestAuth = (app: FastifyInstance, deps: AppDeps): void => {
  app.decorateRequest('fristadSession', null);
  app.decorateRequest('actor', null);

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const access = request.routeOptions.config.access;
    if (access === undefined) return; // not an API route (static files)
    const token = request.cookies[sessionCookie];
    const resolved = token ? await resolve(deps, token, reply, access) : null;
    request.fristadSession = resolved?.session ?? null;
    if (access === 'public') return;

    const session = request.fristadSession;
    if (!session)
      throw new DomainError('auth.required', { message: 'Logga in för att fortsätta.' });
    if (access === 'session') return;
    if (session.secondFactorNeeded && !session.secondFactorDone) {
      throw new DomainError('auth.second_factor_required', { message: 'Ange koden från din app.' });
    }
    if (!resolved?.actor) {
      throw new DomainError('access.denied', {
        message: 'Välj organisation.',
        reason: 'access.no_organisation',
      });
    }
    request.actor = resolved.actor;
    if (access === 'signedIn') return;
    if (!resolved.actor.roles.some((grant) => roles[grant.role].actions.includes(access))) {
      // A refusal is a fact the log review must see, even at the door.
      const actor = resolved.actor;
      await inScope(deps.db, { organisationId: actor.organisationId, userId: actor.userId }, (tx) =>
        appendAuditEvent(
          tx,
          {
            type: 'access.denied',
            organisationId: actor.organisationId,
            actorUserId: actor.userId,
            personId: null,
            outcome: 'denied',
            reason: 'access.role_lacks_action',
            requestId: request.id,
            details: { attempted: access, route: request.routeOptions.url ?? '' },
          },
          deps.now(),
        ),
      );
      throw new DomainError('access.denied', {
        message: 'Din roll ger inte behörighet till detta.',
        reason: 'access.role_lacks_action',
      });
    }
  });
};

/**
 * One transaction per request for who is asking: the session, the roles held and, when the
 * route needs an actor, live break-glass grants.
 */
const resolve = async (
  deps: AppDeps,
  token: string,
  reply: FastifyReply,
  access: RouteAccess,
): Promise<{ session: RequestSession; actor: Actor | null } | null> => {
  const now = deps.now();
  const idHash = hashToken(token);
  return asSystem(deps.db, async (tx) => {
    const row = await findLiveSession(tx, idHash);
    if (!row) return null;
    const expired = sessionExpiry(row, now, deps.config.signIn);
    if (expired) {
      await endSession(tx, idHash, now);
      reply.clearCookie(sessionCookie, { path: '/' });
      throw new DomainError('auth.session_expired', {
        message: 'Du har loggats ut. Logga in igen.',
        reason: `session.${expired}`,
      });
    }
    if (shouldTouchSession(row.lastSeenAt, now)) await touchSession(tx, idHash, now);
    const held = await loadHeldRoles(tx, row.userId);
    const session: RequestSession = {
      idHash,
      userId: row.userId,
      organisationId: row.organisationId,
      unitId: row.unitId,
      authMethod: row.authMethod,
      secondFactorDone: row.secondFactorAt !== null,
      secondFactorNeeded: rolesNeedSecondFactor(held.map((grant) => grant.role)),
    };
    const signedIn = !session.secondFactorNeeded || session.secondFactorDone;
    if (access === 'public' || access === 'session' || !signedIn || !row.organisationId)
      return { session, actor: null };
    return {
      session,
      actor: buildActor({
        userId: row.userId,
        organisationId: row.organisationId,
        held,
        breakGlass: await loadBreakGlass(tx, row.userId, row.organisationId, now),
        secondFactorVerified: signedIn,
      }),
    };
  });
};
