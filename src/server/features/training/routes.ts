import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { endPractice, listMyPractice, startPractice } from './training-commands';
import { commandContext } from '../../platform/http/command-context';
import type { AppDeps } from '../../platform/http/context';
import { caseSummaryResponse } from '../../../contract/cases';

const tags = ['övning'];
const text = z.object({ sv: z.string(), en: z.string() });

/** Training mode: the scenario library and practice cases opened from it. */
export const registerTrainingRoutes = (instance: FastifyInstance, deps: AppDeps) => {
  const app = instance.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/training/scenarios',
    { config: { access: 'signedIn' }, schema: { tags } },
    async () => deps.scenarios,
  );

  app.post(
    '/api/training/practice-cases',
    {
      config: { access: 'case.write' },
      schema: {
        tags,
        body: z.object({ scenarioId: z.string().min(1, 'Välj en övning.') }),
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await startPractice(
            commandContext(request, deps),
            request.body.scenarioId,
            request.fristadSession?.unitId ?? null,
          ),
        ),
  );

  app.get(
    '/api/training/practice-cases',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        response: {
          200: z.object({
            practices: z.array(
              z.object({
                case: caseSummaryResponse,
                scenario: z.object({ id: z.string(), title: text }).nullable(),
                steps: z.array(z.object({ text, status: z.enum(['done', 'notYet', 'reflect']) })),
              }),
            ),
          }),
        },
      },
    },
    async (request) => listMyPractice(commandContext(request, deps)),
  );

  app.post(
    '/api/training/practice-cases/:caseId/end',
    {
      config: { access: 'case.write' },
      schema: {
        tags,
        params: z.object({ caseId: z.string().uuid('Ogiltigt id') }),
        body: z.object({ version: z.number().int().positive() }),
        response: { 200: caseSummaryResponse },
      },
    },
    async (request) =>
      endPractice(commandContext(request, deps), request.params.caseId, request.body.version),
  );
};
