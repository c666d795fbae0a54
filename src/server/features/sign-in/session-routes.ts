import type { FastifyInstance } from 'fastify';
import { changeUnitSettings } from '../organisation/unit-settings';
import {
  changeOrganisationSettings,
  readOrganisationSettings,
} from '../organisation/organisation-settings';
import { commandContext } from '../../platform/http/command-context';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { describeSession, listOrganisationUnits, switchWorkplace } from './session-commands';
import { requireSession } from '../../platform/http/command-context';
import type { AppDeps } from '../../platform/http/context';
import { presentActions, presentOrganisations } from './session.presenter';
import { sessionResponse } from '../../../contract/session';

const tags = ['session'];

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
        activeUnitId: pending ? null : session.unitId,
        actions: pending ? [] : presentActions(grants, session.organisationId),
        // Before the second factor, show who is signing in but nothing about where they work.
        organisations: pending ? [] : presentOrganisations(grants),
      };
    },
  );

  app.post(
    '/api/session/workplace',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        body: z.object({
          /** The organisation to work in; the user must hold a role there. */
          organisationId: z.string().uuid(),
          /** A unit in it where the user holds a role; the first one if left out. */
          unitId: z.string().uuid().optional(),
        }),
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async (request) => {
      await switchWorkplace(deps, requireSession(request), request.body, request.id);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/units',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        response: {
          200: z.array(
            z.object({
              id: z.string(),
              name: z.string(),
              kind: z.string(),
              routineScreening: z.boolean(),
              version: z.number().int(),
            }),
          ),
        },
      },
    },
    async (request) => listOrganisationUnits(deps, request.actor!.organisationId),
  );

  app.patch(
    '/api/units/:unitId',
    {
      config: { access: 'organisation.administer' },
      schema: {
        tags,
        params: z.object({ unitId: z.string().uuid() }),
        body: z.object({
          /** Ask the routine questions about violence at intake in this unit. */
          routineScreening: z.boolean(),
          version: z.number().int().positive(),
        }),
        response: {
          200: z.object({
            id: z.string(),
            name: z.string(),
            kind: z.string(),
            routineScreening: z.boolean(),
            version: z.number().int(),
          }),
        },
      },
    },
    async (request) =>
      changeUnitSettings(commandContext(request, deps), request.params.unitId, request.body),
  );

  const settings = z.object({
    reassessmentDays: z.object({
      low: z.number().int().min(1).max(365),
      medium: z.number().int().min(1).max(365),
      high: z.number().int().min(1).max(365),
    }),
    adviceRule: z
      .object({
        sessionCap: z.number().int().min(1).max(50).nullable(),
        maxDays: z.number().int().min(1).max(730).nullable(),
      })
      .optional(),
    /** Who may grant interventions and how many sessions each role may add at once. */
    decisionDelegation: z
      .object({
        grant: z.array(z.enum(['caseWorker', 'teamLeader'])).max(2),
        extension: z.object({
          caseWorker: z.number().int().min(0).max(100),
          teamLeader: z.number().int().min(0).max(100),
        }),
      })
      .optional(),
    version: z.number().int(),
  });

  app.get(
    '/api/organisation/settings',
    {
      config: { access: 'signedIn' },
      schema: { tags, response: { 200: settings } },
    },
    async (request) => readOrganisationSettings(commandContext(request, deps)),
  );

  app.patch(
    '/api/organisation/settings',
    {
      config: { access: 'organisation.administer' },
      schema: { tags, body: settings, response: { 200: settings } },
    },
    async (request) => changeOrganisationSettings(commandContext(request, deps), request.body),
  );
};
