import { hkdfSync, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { csrfBinding, registerRequestAuth } from '../auth/request-auth';
import { registerAuthRoutes } from '../../features/sign-in/routes';
import { registerCaseRoutes } from '../../features/cases/routes';
import { registerCaseWorkRoutes } from '../../features/cases/work-routes';
import { registerAuditRoutes } from '../../features/audit-log/routes';
import { registerAssessmentRoutes } from '../../features/risk/routes';
import { registerPlanRoutes } from '../../features/plans/routes';
import { registerCollaborationRoutes } from '../../features/collaboration/routes';
import { registerReferralRoutes } from '../../features/referrals/routes';
import { registerMeetingRoutes } from '../../features/meetings/routes';
import { registerHousingRoutes } from '../../features/housing/routes';
import { registerInterventionRoutes } from '../../features/interventions/routes';
import { registerIndicatorRoutes } from '../../features/indicators/routes';
import { registerMappingRoutes } from '../../features/mapping/routes';
import { registerPrevalenceRoutes } from '../../features/prevalence/routes';
import { registerGovernanceRoutes } from '../../features/governance/routes';
import { registerTrainingRoutes } from '../../features/training/routes';
import { registerHealthRoutes } from './health-routes';
import { registerOidcRoutes } from '../../features/sign-in/oidc-routes';
import { registerPersonRoutes } from '../../features/persons/routes';
import { registerSessionRoutes } from '../../features/sign-in/session-routes';
import type { AppDeps } from './context';
import { errorHandler } from './error-handler';
import { registerRecordGate } from './record-gate';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The key the CSRF tokens are signed with: derived from the active key, never stored. */
const csrfKey = (keys: AppDeps['keys']) =>
  Buffer.from(hkdfSync('sha256', keys.keys.get(keys.activeKeyId)!, '', 'fristad csrf', 32));

/** Builds the HTTP server. Routes are registered here; each declares its access rule. */
export const buildApp = async (
  deps: AppDeps,
  options: {
    webRoot?: string;
    logger?: boolean;
    /** Where the log goes (stdout when not given); tests read it. */
    logStream?: NodeJS.WritableStream;
  } = {},
): Promise<FastifyInstance> => {
  const app = Fastify({
    logger: options.logger
      ? {
          level: deps.config.logLevel,
          ...(options.logStream ? { stream: options.logStream } : {}),
          // A request is logged by its path only: query strings carry search texts (the start of
          // a personnummer), and bodies are never logged.
          serializers: {
            req: (request: { id: string; method: string; url: string }) => ({
              id: request.id,
              method: request.method,
              path: request.url.split('?')[0],
            }),
          },
          // Cookies and tokens never reach the log; bodies are not logged at all.
          redact: [
            'req.headers.cookie',
            'req.headers["x-csrf-token"]',
            'req.headers.authorization',
            'res.headers["set-cookie"]',
          ],
        }
      : false,
    bodyLimit: 256 * 1024,
    genReqId: () => randomUUID(),
    // X-Forwarded-For only from the proxies the installation names; otherwise anyone could pick
    // the address the sign-in limits count on.
    trustProxy: deps.config.trustedProxies.length > 0 ? deps.config.trustedProxies : false,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);

  // Deny by default: an /api route that does not say who may call it stops the server.
  app.addHook('onRoute', (route) => {
    if (
      route.url.startsWith('/api/') &&
      !route.url.startsWith('/api/docs') &&
      route.config?.access === undefined
    ) {
      throw new Error(`Route ${route.method} ${route.url} does not declare its access`);
    }
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
  });
  await app.register(cookie);
  await app.register(csrf, {
    sessionPlugin: '@fastify/cookie',
    // The token is bound to the session it was given in: one taken before sign-in, or from
    // another session, is refused (the web app then fetches a new one and asks again).
    csrfOpts: { userInfo: true, hmacKey: csrfKey(deps.keys) },
    getUserInfo: csrfBinding,
    cookieKey: 'fristad_csrf',
    cookieOpts: {
      httpOnly: true,
      sameSite: 'strict',
      path: '/',
      secure: deps.config.secureCookies,
    },
  });
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Fristad API',
        version: '0.1.0',
        description: 'Fristad JSON API. Every personal-data call is audited.',
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  // Double-submit CSRF check on every state-changing API call, signed in or not (login too).
  app.addHook('onRequest', (request, reply, done) => {
    const access = request.routeOptions.config.access;
    if (access === undefined || safeMethods.has(request.method)) return done();
    app.csrfProtection(request, reply, done);
  });
  // Nothing the API answers is kept by a browser or proxy cache: it names people.
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
    return payload;
  });
  registerRequestAuth(app, deps);
  registerRecordGate(app, deps);

  await app.register(async (api) => {
    registerHealthRoutes(api, deps);
    registerAuthRoutes(api, deps);
    registerOidcRoutes(api, deps);
    registerSessionRoutes(api, deps);
    registerPersonRoutes(api, deps);
    registerCaseRoutes(api, deps);
    registerCaseWorkRoutes(api, deps);
    registerAuditRoutes(api, deps);
    registerAssessmentRoutes(api, deps);
    registerPlanRoutes(api, deps);
    registerCollaborationRoutes(api, deps);
    registerReferralRoutes(api, deps);
    registerMeetingRoutes(api, deps);
    registerHousingRoutes(api, deps);
    registerInterventionRoutes(api, deps);
    registerIndicatorRoutes(api, deps);
    registerMappingRoutes(api, deps);
    registerPrevalenceRoutes(api, deps);
    registerGovernanceRoutes(api, deps);
    registerTrainingRoutes(api, deps);
  });

  const webRoot = options.webRoot ?? resolve('dist/web');
  if (existsSync(webRoot)) {
    await app.register(fastifyStatic, { root: webRoot, index: 'index.html', wildcard: false });
  }
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || !existsSync(webRoot) || request.method !== 'GET') {
      return reply.status(404).type('application/problem+json').send({
        type: 'about:blank',
        title: 'Finns inte',
        status: 404,
        code: 'not_found',
        requestId: request.id,
      });
    }
    // The web app routes on the client; every other GET gets its shell.
    return reply.type('text/html').sendFile('index.html');
  });

  return app;
};
