import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { prevalenceCategories } from '../../../domain/prevalence/survey';
import { compareSurvey, createSurvey, listSurveys, reportCounts } from './prevalence-commands';
import { commandContext } from '../../platform/http/command-context';
import type { AppDeps } from '../../platform/http/context';
import { calendarDate } from '../../../contract/calendar-date';

const tags = ['punktprevalens'];
const surveyParams = z.object({ surveyId: z.string().uuid() });

/** Point-prevalence surveys: start one, report a unit's known cases, compare with the records. */
export const registerPrevalenceRoutes = (instance: FastifyInstance, deps: AppDeps) => {
  const app = instance.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/prevalence-surveys',
    { config: { access: 'signedIn' }, schema: { tags } },
    async (request) => listSurveys(commandContext(request, deps)),
  );

  app.post(
    '/api/prevalence-surveys',
    {
      config: { access: 'statistics.read' },
      schema: {
        tags,
        body: z.object({
          title: z.string().max(200),
          opensOn: calendarDate,
          closesOn: calendarDate,
        }),
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createSurvey(commandContext(request, deps), request.body)),
  );

  app.put(
    '/api/prevalence-surveys/:surveyId/reports',
    {
      config: { access: 'case.read' },
      schema: {
        tags,
        params: surveyParams,
        body: z.object({
          unitId: z.string().uuid('Välj enheten du rapporterar för.'),
          counts: z
            .array(
              z.object({
                category: z.enum(prevalenceCategories),
                count: z
                  .number({ error: 'Ange ett antal, 0 eller fler.' })
                  .int('Ange ett heltal.')
                  .min(0, 'Ange ett antal, 0 eller fler.')
                  .max(100_000),
              }),
            )
            .min(1, 'Ange minst ett antal.')
            .max(prevalenceCategories.length),
        }),
      },
    },
    async (request) =>
      reportCounts(commandContext(request, deps), request.params.surveyId, request.body),
  );

  app.get(
    '/api/prevalence-surveys/:surveyId',
    { config: { access: 'statistics.read' }, schema: { tags, params: surveyParams } },
    async (request) => compareSurvey(commandContext(request, deps), request.params.surveyId),
  );
};
