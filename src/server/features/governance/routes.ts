import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  agreementStatuses,
  partnerKinds,
  usageAnswers,
} from '../../../domain/governance/agreements';
import { listAgreements, saveAgreement } from './agreement-commands';
import { acknowledgeRoutine, listRoutines, saveRoutine } from './routine-commands';
import { routineSteps } from '../../../domain/governance/routines';
import { competenceCoverage, myCompetence, recordCompetence } from './competence-commands';
import { commandContext } from '../../platform/http/command-context';
import type { AppDeps } from '../../platform/http/context';
import { calendarDate } from '../../../contract/calendar-date';

const tags = ['styrning'];

/** The agreement register and the competence register. */
export const registerGovernanceRoutes = (instance: FastifyInstance, deps: AppDeps) => {
  const app = instance.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/agreements',
    { config: { access: 'signedIn' }, schema: { tags } },
    async (request) => listAgreements(commandContext(request, deps)),
  );

  app.put(
    '/api/agreements',
    {
      config: { access: 'statistics.read' },
      schema: {
        tags,
        body: z.object({
          id: z.string().uuid().nullable().default(null),
          version: z.number().int().positive().nullable().default(null),
          title: z.string().max(300),
          parties: z.array(z.string().max(200)).max(20),
          partnerKinds: z.array(z.enum(partnerKinds)).max(partnerKinds.length).default([]),
          status: z.enum(agreementStatuses),
          signedOn: calendarDate.nullable().default(null),
          reviewOn: calendarDate.nullable().default(null),
          usedInPractice: z.enum(usageAnswers).default('unknown'),
        }),
        response: { 200: z.object({ id: z.string() }) },
      },
    },
    async (request) => saveAgreement(commandContext(request, deps), request.body),
  );

  app.get(
    '/api/routines',
    {
      config: { access: 'signedIn' },
      schema: { tags, querystring: z.object({ step: z.enum(routineSteps).optional() }) },
    },
    async (request) => listRoutines(commandContext(request, deps), request.query.step ?? null),
  );

  app.post(
    '/api/routines',
    {
      config: { access: 'statistics.read' },
      schema: {
        tags,
        body: z.object({
          routineId: z.string().uuid().nullable().default(null),
          title: z.string().max(200),
          step: z.enum(routineSteps),
          body: z.string().max(20_000),
          approvedBy: z.string().max(200),
          validFrom: calendarDate,
        }),
        response: { 201: z.object({ id: z.string(), versionNo: z.number().int() }) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await saveRoutine(commandContext(request, deps), request.body)),
  );

  app.post(
    '/api/routines/:routineId/acknowledgements',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        params: z.object({ routineId: z.string().uuid() }),
        body: z.object({ versionNo: z.number().int().positive() }),
      },
    },
    async (request) =>
      acknowledgeRoutine(
        commandContext(request, deps),
        request.params.routineId,
        request.body.versionNo,
      ),
  );

  app.get(
    '/api/competence/courses',
    { config: { access: 'signedIn' }, schema: { tags } },
    async () => deps.competence,
  );

  app.get(
    '/api/competence/mine',
    { config: { access: 'signedIn' }, schema: { tags } },
    async (request) => myCompetence(commandContext(request, deps)),
  );

  app.post(
    '/api/competence/records',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        body: z.object({
          userId: z.string().uuid().nullable().default(null),
          courseCode: z.string().min(1, 'Välj en utbildning.'),
          completedOn: calendarDate,
        }),
        response: { 201: z.object({ courseCode: z.string() }) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await recordCompetence(commandContext(request, deps), request.body)),
  );

  app.get(
    '/api/competence/coverage',
    { config: { access: 'statistics.read' }, schema: { tags } },
    async (request) => competenceCoverage(commandContext(request, deps)),
  );
};
