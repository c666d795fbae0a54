import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { grantIntervention, readInterventions } from './intervention-commands';
import {
  endIntervention,
  extendIntervention,
  recordInterventionSession,
} from './intervention-sessions';
import { addInterventionType, listInterventionTypes } from './intervention-types';
import {
  eligibilities,
  interventionProviders,
  interventionTargets,
} from '../../../domain/interventions/catalogue';
import { sessionOutcomes } from '../../../domain/interventions/quota';
import { commandContext } from '../../platform/http/command-context';
import type { AppDeps } from '../../platform/http/context';
import { caseParams } from '../../../contract/cases';
import { registerAdviceRoutes } from './advice-routes';
import { registerFollowUpRoutes } from './follow-up-routes';
import { registerGroupRoutes } from './group-routes';
import { calendarDate, created, tags, typeId } from '../../../contract/interventions';

const sessionKinds = ['session', 'betweenContact'] as const;
const sessionModes = ['inPerson', 'phone', 'digital', 'group'] as const;
const endReasons = ['completed', 'dropout', 'referredOn', 'other'] as const;

const interventionType = z.object({
  id: z.string(),
  name: z.string(),
  target: z.enum(interventionTargets),
  eligibility: z.enum(eligibilities),
  provider: z.enum(interventionProviders),
  defaultSessions: z.number().int(),
  defaultWeeks: z.number().int().nullable(),
  groupBased: z.boolean(),
});

const grantedView = z.object({
  id: z.string(),
  typeId: z.string(),
  typeName: z.string(),
  eligibility: z.enum(eligibilities),
  provider: z.enum(interventionProviders),
  decidedOn: z.string(),
  grantedSessions: z.number().int(),
  goals: z.array(z.string()),
  materials: z.string(),
  adaptations: z.string(),
  endedOn: z.string().nullable(),
  endReason: z.enum(endReasons).nullable(),
  dropoutReason: z.string().nullable(),
  quota: z.object({
    granted: z.number().int(),
    used: z.number().int(),
    remaining: z.number().int(),
    nearEnd: z.boolean(),
  }),
  sessions: z.array(
    z.object({
      id: z.string(),
      heldOn: z.string(),
      kind: z.enum(sessionKinds),
      mode: z.enum(sessionModes),
      outcome: z.enum(sessionOutcomes),
      note: z.string(),
    }),
  ),
  extensions: z.array(
    z.object({
      id: z.string(),
      sessions: z.number().int(),
      decidedOn: z.string(),
      decidedByRole: z.string(),
      reason: z.string(),
    }),
  ),
  version: z.number().int(),
});

/**
 * Interventions: the organisation's catalogue and, on a case, grants, sessions against the quota,
 * extensions and the end; with them råd och service, groups and following the client.
 */
export const registerInterventionRoutes = (instance: FastifyInstance, deps: AppDeps) => {
  const app = instance.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/intervention-types',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        response: { 200: z.array(interventionType.extend({ createdAt: z.string() })) },
      },
    },
    async (request) => listInterventionTypes(commandContext(request, deps)),
  );

  app.post(
    '/api/intervention-types',
    {
      config: { access: 'organisation.administer' },
      schema: {
        tags,
        body: interventionType.omit({ id: true }).extend({
          name: z.string().max(200),
          defaultSessions: z.number({ error: 'Ange antalet samtal.' }).int(),
          defaultWeeks: z.number().int().nullable().default(null),
          groupBased: z.boolean().default(false),
        }),
        response: created,
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await addInterventionType(commandContext(request, deps), request.body)),
  );

  app.get(
    '/api/cases/:caseId/interventions',
    {
      config: { access: 'case.read' },
      schema: { tags, params: caseParams, response: { 200: z.array(grantedView) } },
    },
    async (request) => readInterventions(commandContext(request, deps), request.params.caseId),
  );

  app.post(
    '/api/cases/:caseId/interventions',
    {
      config: { access: 'case.write' },
      schema: {
        tags,
        params: caseParams,
        body: z.object({
          typeId,
          grantedSessions: z.number().int().nullable().default(null),
          decidedOn: calendarDate,
          goals: z.array(z.string().max(500)).max(10).default([]),
          materials: z.string().max(4000).default(''),
          adaptations: z.string().max(4000).default(''),
        }),
        response: created,
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await grantIntervention(
            commandContext(request, deps),
            request.params.caseId,
            request.body,
          ),
        ),
  );

  app.post(
    '/api/cases/:caseId/interventions/sessions',
    {
      config: { access: 'case.write' },
      schema: {
        tags,
        params: caseParams,
        body: z.object({
          typeId,
          heldOn: calendarDate,
          kind: z.enum(sessionKinds).default('session'),
          mode: z.enum(sessionModes, 'Välj hur samtalet hölls.'),
          outcome: z.enum(sessionOutcomes, 'Välj hur det gick.'),
          note: z.string().max(4000).default(''),
        }),
        response: created,
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await recordInterventionSession(
            commandContext(request, deps),
            request.params.caseId,
            request.body,
          ),
        ),
  );

  app.post(
    '/api/cases/:caseId/interventions/extensions',
    {
      config: { access: 'case.write' },
      schema: {
        tags,
        params: caseParams,
        body: z.object({
          typeId,
          sessions: z.number({ error: 'Ange antalet samtal.' }).int(),
          reason: z.string().max(4000),
        }),
        response: { 201: z.object({ sessions: z.number().int() }) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await extendIntervention(
            commandContext(request, deps),
            request.params.caseId,
            request.body,
          ),
        ),
  );

  app.post(
    '/api/cases/:caseId/interventions/end',
    {
      config: { access: 'case.write' },
      schema: {
        tags,
        params: caseParams,
        body: z.object({
          typeId,
          endedOn: calendarDate,
          reason: z.enum(endReasons, 'Välj hur insatsen slutade.'),
          dropoutReason: z.string().max(2000).default(''),
          version: z.number().int(),
        }),
        response: { 200: z.object({ ended: z.boolean() }) },
      },
    },
    async (request) =>
      endIntervention(commandContext(request, deps), request.params.caseId, request.body),
  );

  registerFollowUpRoutes(instance, deps);
  registerGroupRoutes(instance, deps);
  registerAdviceRoutes(instance, deps);
};
