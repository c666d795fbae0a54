import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { answerStatuses, numberSources } from '../../../domain/mapping/answers';
import { sessionModes } from '../../../domain/mapping/sessions';
import { openQuestionIds } from '../../../domain/mapping/template';
import {
  codeAnswer,
  createRound,
  listRounds,
  mappingCandidates,
  prefillAnswers,
  printMappingReport,
  readRound,
  recordSession,
  saveAnswer,
} from './mapping-commands';
import { commandContext } from '../../platform/http/command-context';
import type { AppDeps } from '../../platform/http/context';
import { sendDownload } from '../../platform/http/download';
import { calendarDate } from '../../../contract/calendar-date';

const tags = ['kartläggning'];
const roundParams = z.object({ roundId: z.string().uuid() });
const id = z.string().uuid();
const created = { 201: z.object({ id: z.string() }) };

/** County mapping rounds: templates, municipalities, sessions, answers, coding and reports. */
export const registerMappingRoutes = (instance: FastifyInstance, deps: AppDeps) => {
  const app = instance.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/mapping/templates',
    { config: { access: 'mapping.conduct' }, schema: { tags } },
    async () => deps.mapping,
  );

  app.get(
    '/api/mapping/candidates',
    { config: { access: 'mapping.conduct' }, schema: { tags } },
    async (request) => mappingCandidates(commandContext(request, deps)),
  );

  app.get(
    '/api/mapping/rounds',
    { config: { access: 'mapping.conduct' }, schema: { tags } },
    async (request) => listRounds(commandContext(request, deps)),
  );

  app.post(
    '/api/mapping/rounds',
    {
      config: { access: 'mapping.conduct' },
      schema: {
        tags,
        body: z.object({
          name: z.string().trim().min(3, 'Ge kartläggningen ett namn.').max(200),
          templateId: z.string().min(1, 'Välj en mall.'),
          strategyPeriod: z.string().max(200).default(''),
          periodFrom: calendarDate,
          periodTo: calendarDate,
          municipalities: z
            .array(
              z.object({
                name: z.string().max(200),
                scbCode: z
                  .string()
                  .regex(/^\d{4}$/, 'Kommunkoden är fyra siffror.')
                  .nullable()
                  .default(null),
                organisationId: id.nullable().default(null),
              }),
            )
            .max(300),
        }),
        response: created,
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createRound(commandContext(request, deps), request.body)),
  );

  app.get(
    '/api/mapping/rounds/:roundId',
    { config: { access: 'mapping.conduct' }, schema: { tags, params: roundParams } },
    async (request) => readRound(commandContext(request, deps), request.params.roundId),
  );

  app.put(
    '/api/mapping/rounds/:roundId/answers',
    {
      config: { access: 'mapping.conduct' },
      schema: {
        tags,
        params: roundParams,
        body: z.object({
          municipalityId: id,
          itemId: z.string().min(1),
          status: z.enum(answerStatuses),
          value: z
            .union([z.number(), z.string().max(4000), z.array(z.string().max(100)).max(50)])
            .nullable()
            .default(null),
          source: z.enum(numberSources).nullable().default(null),
        }),
      },
    },
    async (request) =>
      saveAnswer(commandContext(request, deps), request.params.roundId, request.body),
  );

  app.post(
    '/api/mapping/rounds/:roundId/prefill',
    {
      config: { access: 'mapping.conduct' },
      schema: { tags, params: roundParams, body: z.object({ municipalityId: id }) },
    },
    async (request) =>
      prefillAnswers(
        commandContext(request, deps),
        request.params.roundId,
        request.body.municipalityId,
      ),
  );

  app.post(
    '/api/mapping/rounds/:roundId/sessions',
    {
      config: { access: 'mapping.conduct' },
      schema: {
        tags,
        params: roundParams,
        body: z.object({
          municipalityId: id,
          label: z.string().max(200),
          heldOn: calendarDate,
          mode: z.enum(sessionModes),
          participants: z
            .array(z.object({ role: z.string().max(50), count: z.number().int() }))
            .max(20),
          scale: z
            .number()
            .int('Skattningen är ett heltal 0–10.')
            .min(0, 'Skattningen är ett heltal 0–10.')
            .max(10, 'Skattningen är ett heltal 0–10.')
            .nullable()
            .default(null),
          openAnswers: z
            .array(z.object({ question: z.enum(openQuestionIds), text: z.string().max(2000) }))
            .max(60)
            .default([]),
        }),
        response: created,
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await recordSession(commandContext(request, deps), request.params.roundId, request.body),
        ),
  );

  app.put(
    '/api/mapping/sessions/:sessionId/themes',
    {
      config: { access: 'mapping.conduct' },
      schema: {
        tags,
        params: z.object({ sessionId: id }),
        body: z.object({
          answerIndex: z.number().int().min(0),
          themes: z.array(z.string().max(50)).max(10),
          version: z.number().int().positive(),
        }),
      },
    },
    async (request) =>
      codeAnswer(commandContext(request, deps), request.params.sessionId, request.body),
  );

  app.get(
    '/api/mapping/rounds/:roundId/report.pdf',
    {
      config: { access: 'mapping.conduct' },
      schema: {
        tags,
        params: roundParams,
        querystring: z.object({
          municipalityId: id.optional(),
          lang: z.enum(['sv', 'en']).default('sv'),
        }),
        produces: ['application/pdf'],
        summary: "A municipality's report, or the county synthesis",
      },
    },
    async (request, reply) =>
      sendDownload(
        reply,
        {
          type: 'application/pdf',
          filename: request.query.municipalityId
            ? 'kartlaggning-kommun.pdf'
            : 'kartlaggning-lan.pdf',
        },
        await printMappingReport(
          commandContext(request, deps),
          request.params.roundId,
          request.query.municipalityId ?? null,
          request.query.lang,
        ),
      ),
  );
};
