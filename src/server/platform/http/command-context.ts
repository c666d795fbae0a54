import type { FastifyRequest } from 'fastify';
import { DomainError } from '../../../domain/errors';
import type { AppDeps, CommandContext, RequestSession } from './context';

/** The command context for a request that passed its access declaration. */
export const commandContext = (request: FastifyRequest, deps: AppDeps): CommandContext => {
  const actor = request.actor;
  if (!actor) throw new DomainError('auth.required');
  return {
    ...deps,
    actor,
    requestId: request.id,
    scope: { organisationId: actor.organisationId, userId: actor.userId },
  };
};

export const requireSession = (request: FastifyRequest): RequestSession => {
  if (!request.fristadSession)
    throw new DomainError('auth.required', { message: 'Logga in för att fortsätta.' });
  return request.fristadSession;
};
