import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { startPractice } from '../../commands/training-commands';
import { commandContext } from '../../http/command-context';
import type { AppDeps } from '../../http/context';

const tags = ['övning'];

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
        .send(await startPractice(commandContext(request, deps), request.body.scenarioId)),
  );
};
