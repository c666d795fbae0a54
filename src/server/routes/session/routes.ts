import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { roleIds } from '../../../domain/access/roles';
import { describeSession, switchOrganisation } from '../../commands/session-commands';
import { requireSession } from '../../http/command-context';
import type { AppDeps } from '../../http/context';
import { presentOrganisations } from '../../presenters/session.presenter';

const tags = ['session'];

const sessionResponse = z.discriminatedUnion('signedIn', [
  z.object({ signedIn: z.literal(false) }),
  z.object({
    signedIn: z.literal(true),
    secondFactorPending: z.boolean(),
    user: z.object({
      id: z.string(),
      username: z.string(),
      displayName: z.string(),
      fictitious: z.boolean(),
    }),
    activeOrganisationId: z.string().nullable(),
    organisations: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        kind: z.string(),
        fictitious: z.boolean(),
        units: z.array(
          z.object({
            id: z.string(),
            name: z.string(),
            roles: z.array(z.enum(roleIds)),
            roleTitlesSv: z.array(z.string()),
            roleTitlesEn: z.array(z.string()),
          }),
        ),
      }),
    ),
  }),
]);

export const registerSessionRoutes = (instance: FastifyInstance, deps: AppDeps) => {
  const app = instance.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/session',
    { config: { access: 'public' }, schema: { tags, response: { 200: sessionResponse } } },
    async (request) => {
      const session = request.fristadSession;
      if (!session) return { signedIn: false as const };
      const pending = session.secondFactorNeeded && !session.secondFactorDone;
      const { user, grants } = await describeSession(deps, session);
      return {
        signedIn: true as const,
        secondFactorPending: pending,
        user,
        activeOrganisationId: pending ? null : session.organisationId,
        // Before the second factor, show who is signing in but nothing about where they work.
        organisations: pending ? [] : presentOrganisations(grants),
      };
    },
  );

  app.post(
    '/api/session/organisation',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        body: z.object({ organisationId: z.string().uuid() }),
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async (request) => {
      await switchOrganisation(
        deps,
        requireSession(request),
        request.body.organisationId,
        request.id,
      );
      return { ok: true as const };
    },
  );
};
