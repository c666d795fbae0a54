import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { changeGroupPlace, createGroup, listGroups } from './group-commands';
import { commandContext } from '../../platform/http/command-context';
import type { AppDeps } from '../../platform/http/context';
import { caseParams } from '../../../contract/cases';
import { calendarDate, created, tags, typeId } from '../../../contract/interventions';

/** Groups with their waiting lists, and a case's place in one. */
export const registerGroupRoutes = (instance: FastifyInstance, deps: AppDeps) => {
  const app = instance.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/intervention-groups',
    {
      config: { access: 'case.read' },
      schema: {
        tags,
        response: {
          200: z.array(
            z.object({
              id: z.string(),
              theme: z.string(),
              capacity: z.number().int(),
              typeName: z.string(),
              startsOn: z.string(),
              figures: z.object({
                waiting: z.number().int(),
                inGroup: z.number().int(),
                freePlaces: z.number().int(),
                longestWaitDays: z.number().int().nullable(),
                medianWaitDaysOfAdmitted: z.number().nullable(),
              }),
              people: z.array(
                z.object({
                  caseId: z.string(),
                  name: z.string(),
                  addedOn: z.string(),
                  admittedOn: z.string().nullable(),
                }),
              ),
            }),
          ),
        },
      },
    },
    async (request) => listGroups(commandContext(request, deps)),
  );

  app.post(
    '/api/intervention-groups',
    {
      config: { access: 'case.write' },
      schema: {
        tags,
        body: z.object({
          typeId,
          theme: z.string().max(200),
          capacity: z.number({ error: 'Ange antalet platser.' }).int(),
          startsOn: calendarDate,
        }),
        response: created,
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createGroup(commandContext(request, deps), request.body)),
  );

  app.post(
    '/api/cases/:caseId/group-places',
    {
      config: { access: 'case.write' },
      schema: {
        tags,
        params: caseParams,
        body: z.object({
          groupId: z.string().uuid('Välj en grupp.'),
          action: z.enum(['join', 'admit', 'leave']),
        }),
        response: { 200: z.object({ action: z.enum(['join', 'admit', 'leave']) }) },
      },
    },
    async (request) =>
      changeGroupPlace(commandContext(request, deps), request.params.caseId, request.body),
  );
};
