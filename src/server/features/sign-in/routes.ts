import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { csrfBinding, sessionCookie } from '../../platform/auth/request-auth';
import { changeOwnPassword } from './change-password';
import { signInWithPassword } from './sign-in-with-password';
import { startTotpEnrolment, verifySecondFactor } from './second-factor';
import { signOut } from './session-commands';
import { requireSession } from '../../platform/http/command-context';
import { asSystem } from '../../platform/db/transaction';
import type { AppDeps } from '../../platform/http/context';
import { listEnabledProviders } from './oidc-provider.repository';
import {
  csrfResponse,
  enrolmentResponse,
  loginBody,
  loginResponse,
  providersResponse,
  totpBody,
} from '../../../contract/sign-in';
import { setSessionCookie } from './session-cookie';

const tags = ['inloggning'];

export const registerAuthRoutes = (instance: FastifyInstance, deps: AppDeps) => {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  const loginLimit = { max: deps.config.loginRatePerMinute, timeWindow: '1 minute' };

  app.get(
    '/api/auth/csrf',
    { config: { access: 'public' }, schema: { tags, response: { 200: csrfResponse } } },
    async (request, reply) => ({
      token: reply.generateCsrf({ userInfo: csrfBinding(request) }),
    }),
  );

  app.post(
    '/api/auth/login',
    {
      config: { access: 'public', rateLimit: loginLimit },
      schema: { tags, body: loginBody, response: { 200: loginResponse } },
    },
    async (request, reply) => {
      const result = await signInWithPassword(deps, {
        ...request.body,
        // The socket's address, or the client's as a configured proxy reports it (never a header
        // anyone can send).
        address: request.ip,
        requestId: request.id,
      });
      setSessionCookie(reply, deps, result.token);
      return { secondFactor: result.secondFactor };
    },
  );

  app.post(
    '/api/auth/totp',
    {
      config: { access: 'session', rateLimit: loginLimit },
      schema: { tags, body: totpBody, response: { 200: z.object({ ok: z.literal(true) }) } },
    },
    async (request, reply) => {
      const { token } = await verifySecondFactor(deps, requireSession(request), {
        code: request.body.code,
        address: request.ip,
        requestId: request.id,
        confirmEnrolment: false,
      });
      setSessionCookie(reply, deps, token);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/auth/totp/enrolment',
    { config: { access: 'session' }, schema: { tags, response: { 200: enrolmentResponse } } },
    async (request) => startTotpEnrolment(deps, requireSession(request)),
  );

  app.post(
    '/api/auth/totp/enrolment/confirm',
    {
      config: { access: 'session', rateLimit: loginLimit },
      schema: { tags, body: totpBody, response: { 200: z.object({ ok: z.literal(true) }) } },
    },
    async (request, reply) => {
      const { token } = await verifySecondFactor(deps, requireSession(request), {
        code: request.body.code,
        address: request.ip,
        requestId: request.id,
        confirmEnrolment: true,
      });
      setSessionCookie(reply, deps, token);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { access: 'session' },
      schema: { tags, response: { 200: z.object({ ok: z.literal(true) }) } },
    },
    async (request, reply) => {
      await signOut(deps, requireSession(request), request.id);
      reply.clearCookie(sessionCookie, { path: '/' });
      return { ok: true as const };
    },
  );

  app.get(
    '/api/auth/providers',
    { config: { access: 'public' }, schema: { tags, response: { 200: providersResponse } } },
    async () => asSystem(deps.db, listEnabledProviders),
  );

  app.post(
    '/api/auth/password',
    {
      config: { access: 'signedIn', rateLimit: loginLimit },
      schema: {
        tags,
        body: z.object({
          currentPassword: z.string().max(1000),
          newPassword: z.string().max(1000),
        }),
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async (request) =>
      changeOwnPassword(deps, requireSession(request), {
        ...request.body,
        address: request.ip,
        requestId: request.id,
      }),
  );
};
