import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isDomainError } from '../../../domain/errors';
import { finishOidcSignIn, startOidcSignIn } from './oidc-sign-in';
import type { AppDeps } from '../../platform/http/context';
import { setSessionCookie } from './session-cookie';

const tags = ['inloggning'];
const origin = (request: FastifyRequest) => `${request.protocol}://${request.host}`;

/** Sign-in through a municipality's own OpenID Connect provider. Both steps are browser redirects. */
export const registerOidcRoutes = (instance: FastifyInstance, deps: AppDeps) => {
  const app = instance.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/auth/oidc/:providerId/start',
    {
      config: { access: 'public' },
      schema: { tags, params: z.object({ providerId: z.string().uuid() }) },
    },
    async (request, reply) =>
      reply.redirect(await startOidcSignIn(deps, request.params.providerId, origin(request))),
  );

  app.get(
    '/api/auth/oidc/callback',
    {
      config: { access: 'public' },
      schema: {
        tags,
        querystring: z
          .object({ state: z.string().optional(), code: z.string().optional() })
          .passthrough(),
      },
    },
    async (request, reply) => {
      try {
        const { token } = await finishOidcSignIn(
          deps,
          new URL(request.url, origin(request)),
          origin(request),
          request.id,
        );
        setSessionCookie(reply, deps, token);
        return reply.redirect('/');
      } catch (error) {
        // Back to the login page with a reason the page can explain; never a bare error page.
        const reason = isDomainError(error) ? (error.reason ?? error.code) : 'oidc.failed';
        if (!isDomainError(error)) request.log.error({ err: error }, 'OIDC sign-in failed');
        return reply.redirect(`/?loginError=${encodeURIComponent(reason)}`);
      }
    },
  );
};
