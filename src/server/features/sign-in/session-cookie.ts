import type { FastifyReply } from 'fastify';
import { sessionCookie } from '../../platform/auth/request-auth';
import type { AppDeps } from '../../platform/http/context';

/** The session cookie: httpOnly, SameSite=Strict, Secure behind https, ends with the browser. */
export const setSessionCookie = (reply: FastifyReply, deps: AppDeps, token: string) =>
  reply.setCookie(sessionCookie, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: deps.config.secureCookies,
    path: '/',
  });
