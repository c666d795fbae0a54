import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { rolesNeedSecondFactor, roles, type RoleId } from '../../domain/access/roles';
import { sessionExpiry, shouldTouchSession } from '../../domain/identity/sign-in-rules';
import { DomainError } from '../../domain/errors';
import { asSystem } from '../db/transaction';
import type { AppDeps, RequestSession } from '../http/context';
import { loadActor } from './actor';
import { endSession, findLiveSession, hashToken, touchSession } from './session.repository';

export const sessionCookie = 'fristad_session';

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
    if (token) request.fristadSession = await resolveSession(deps, token, reply);
    if (access === 'public') return;

    const session = request.fristadSession;
    if (!session)
      throw new DomainError('auth.required', { message: 'Logga in för att fortsätta.' });
    if (access === 'session') return;
    if (session.secondFactorNeeded && !session.secondFactorDone) {
      throw new DomainError('auth.second_factor_required', { message: 'Ange koden från din app.' });
    }
    if (!session.organisationId) {
      throw new DomainError('access.denied', {
        message: 'Välj organisation.',
        reason: 'access.no_organisation',
      });
    }
    const organisationId = session.organisationId;
    request.actor = await asSystem(deps.db, (tx) =>
      loadActor(tx, {
        userId: session.userId,
        organisationId,
        secondFactorVerified: session.secondFactorDone || !session.secondFactorNeeded,
        now: deps.now(),
      }),
    );
    if (access === 'signedIn') return;
    const mayEver = request.actor.roles.some((grant) => roles[grant.role].actions.includes(access));
    if (!mayEver) {
      throw new DomainError('access.denied', {
        message: 'Din roll ger inte behörighet till detta.',
        reason: 'access.role_lacks_action',
      });
    }
  });
};

const resolveSession = async (
  deps: AppDeps,
  token: string,
  reply: FastifyReply,
): Promise<RequestSession | null> => {
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
    const held = await tx
      .selectFrom('roleAssignments')
      .select('role')
      .where('userId', '=', row.userId)
      .execute();
    return {
      idHash,
      userId: row.userId,
      organisationId: row.organisationId,
      unitId: row.unitId,
      authMethod: row.authMethod,
      secondFactorDone: row.secondFactorAt !== null,
      secondFactorNeeded: rolesNeedSecondFactor(held.map((grant) => grant.role as RoleId)),
    };
  });
};
