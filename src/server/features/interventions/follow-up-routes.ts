import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  readFollowUp,
  recordRating,
  recordSatisfaction,
  saveFollowUpPlan,
} from './follow-up-commands';
import {
  ratingPhases,
  satisfactionSubjects,
  violenceSince,
} from '../../../domain/follow-up/ratings';
import { commandContext } from '../../platform/http/command-context';
import type { AppDeps } from '../../platform/http/context';
import { caseParams } from '../../../contract/cases';
import { calendarDate, created, tags } from '../../../contract/interventions';

/** Following the client: the person's own ratings, satisfaction and follow-up after closure. */
export const registerFollowUpRoutes = (instance: FastifyInstance, deps: AppDeps) => {
  const app = instance.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/cases/:caseId/follow-up',
    {
      config: { access: 'case.read' },
      schema: {
        tags,
        params: caseParams,
        response: {
          200: z.object({
            ratings: z.array(
              z.object({
                id: z.string(),
                phase: z.enum(ratingPhases),
                ratedOn: z.string(),
                wellbeing: z.number().int(),
                safety: z.number().int(),
                violence: z.enum(violenceSince),
                comment: z.string(),
              }),
            ),
            change: z
              .object({
                wellbeing: z.object({ from: z.number(), to: z.number() }),
                safety: z.object({ from: z.number(), to: z.number() }),
              })
              .nullable(),
            satisfaction: z.array(
              z.object({
                id: z.string(),
                subject: z.enum(satisfactionSubjects),
                about: z.string(),
                score: z.number().int(),
                answeredOn: z.string(),
                comment: z.string(),
              }),
            ),
            plan: z
              .object({
                consent: z.boolean(),
                closedOn: z.string(),
                dates: z.array(z.string()),
                version: z.number().int(),
              })
              .nullable(),
          }),
        },
      },
    },
    async (request) => readFollowUp(commandContext(request, deps), request.params.caseId),
  );

  app.post(
    '/api/cases/:caseId/ratings',
    {
      config: { access: 'case.write' },
      schema: {
        tags,
        params: caseParams,
        body: z.object({
          phase: z.enum(ratingPhases, 'Välj när skattningen gjordes.'),
          ratedOn: calendarDate,
          wellbeing: z.number({ error: 'Välj ett värde från 0 till 10.' }).int(),
          safety: z.number({ error: 'Välj ett värde från 0 till 10.' }).int(),
          violence: z.enum(violenceSince).default('notAnswered'),
          comment: z.string().max(2000).default(''),
        }),
        response: created,
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await recordRating(commandContext(request, deps), request.params.caseId, request.body),
        ),
  );

  app.post(
    '/api/cases/:caseId/satisfaction',
    {
      config: { access: 'case.write' },
      schema: {
        tags,
        params: caseParams,
        body: z.object({
          subject: z.enum(satisfactionSubjects),
          interventionTypeId: z
            .string()
            .uuid('Välj en insats ur katalogen.')
            .nullable()
            .default(null),
          housingProvider: z.string().max(200).default(''),
          score: z.number({ error: 'Välj ett svar från 1 till 5.' }).int(),
          comment: z.string().max(2000).default(''),
        }),
        response: created,
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await recordSatisfaction(
            commandContext(request, deps),
            request.params.caseId,
            request.body,
          ),
        ),
  );

  app.put(
    '/api/cases/:caseId/follow-up-plan',
    {
      config: { access: 'case.write' },
      schema: {
        tags,
        params: caseParams,
        body: z.object({
          consent: z.boolean(),
          closedOn: calendarDate,
          version: z.number().int().default(0),
        }),
        response: { 200: z.object({ dates: z.array(z.string()) }) },
      },
    },
    async (request) =>
      saveFollowUpPlan(commandContext(request, deps), request.params.caseId, request.body),
  );
};
