import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  printAssessment,
  readAssessment,
  saveDraft,
  signAssessment,
  startAssessment,
} from './assessment-commands';
import { listInstruments, permitInstrument, recordTraining } from './instrument-settings';
import { caseRiskPicture, overdueReassessments } from './risk-picture';
import { commandContext } from '../../platform/http/command-context';
import type { AppDeps } from '../../platform/http/context';
import { sendDownload } from '../../platform/http/download';
import { caseParams, documentQuery, workListResponse } from '../../../contract/cases';
import {
  assessmentParams,
  assessmentResponse,
  draftBody,
  instrumentListResponse,
  instrumentParams,
  permissionBody,
  riskPictureResponse,
  signBody,
  startBody,
  startResponse,
  trainingBody,
} from '../../../contract/risk';

const tags = ['riskbedömning'];

/** Risk assessment routes: instruments, drafts, signing, the common risk picture. */
export const registerAssessmentRoutes = (instance: FastifyInstance, deps: AppDeps) => {
  const app = instance.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/instruments',
    {
      config: { access: 'signedIn' },
      schema: { tags, response: { 200: instrumentListResponse } },
    },
    async (request) => listInstruments(commandContext(request, deps)),
  );

  app.get(
    '/api/instruments/:instrumentId',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        params: instrumentParams,
        summary: 'An instrument definition (the format is instruments/instrument.schema.json)',
      },
    },
    async (request, reply) => {
      const definition = deps.instruments.instruments.get(request.params.instrumentId);
      if (!definition)
        return reply.status(404).send({
          type: 'about:blank',
          title: 'Instrumentet finns inte.',
          status: 404,
          code: 'not_found',
        });
      return definition;
    },
  );

  app.post(
    '/api/instrument-permissions',
    {
      config: { access: 'organisation.administer' },
      schema: {
        tags,
        body: permissionBody,
        response: { 201: z.object({ permitted: z.literal(true) }) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await permitInstrument(commandContext(request, deps), request.body)),
  );

  app.post(
    '/api/trainings',
    {
      config: { access: 'case.read' },
      schema: {
        tags,
        body: trainingBody,
        response: { 201: z.object({ recorded: z.literal(true) }) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await recordTraining(commandContext(request, deps), request.body)),
  );

  app.post(
    '/api/cases/:caseId/assessments',
    {
      config: { access: 'case.write' },
      schema: { tags, params: caseParams, body: startBody, response: { 201: startResponse } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await startAssessment(commandContext(request, deps), request.params.caseId, request.body),
        ),
  );

  app.get(
    '/api/assessments/:assessmentId',
    {
      config: { access: 'case.read' },
      schema: { tags, params: assessmentParams, response: { 200: assessmentResponse } },
    },
    async (request) => readAssessment(commandContext(request, deps), request.params.assessmentId),
  );

  app.get(
    '/api/assessments/:assessmentId/document.pdf',
    {
      config: { access: 'case.read' },
      schema: {
        tags,
        params: assessmentParams,
        querystring: documentQuery,
        produces: ['application/pdf'],
        summary: 'A printable risk assessment (masked for the viewer)',
      },
    },
    async (request, reply) =>
      sendDownload(
        reply,
        { type: 'application/pdf', filename: 'riskbedomning.pdf' },

        await printAssessment(
          commandContext(request, deps),
          request.params.assessmentId,
          request.query.lang,
        ),
      ),
  );

  app.put(
    '/api/assessments/:assessmentId/draft',
    {
      config: { access: 'case.write' },
      schema: {
        tags,
        params: assessmentParams,
        body: draftBody,
        response: { 200: assessmentResponse },
      },
    },
    async (request) =>
      saveDraft(commandContext(request, deps), request.params.assessmentId, request.body),
  );

  app.post(
    '/api/assessments/:assessmentId/sign',
    {
      config: { access: 'case.write' },
      schema: {
        tags,
        params: assessmentParams,
        body: signBody,
        response: { 200: assessmentResponse },
      },
    },
    async (request) =>
      signAssessment(commandContext(request, deps), request.params.assessmentId, request.body),
  );

  app.get(
    '/api/cases/:caseId/risk-picture',
    {
      config: { access: 'case.read' },
      schema: { tags, params: caseParams, response: { 200: riskPictureResponse } },
    },
    async (request) => caseRiskPicture(commandContext(request, deps), request.params.caseId),
  );

  app.get(
    '/api/work-lists/overdue-reassessments',
    {
      config: { access: 'case.read' },
      schema: { tags, response: { 200: workListResponse.shape.tasks } },
    },
    async (request) => overdueReassessments(commandContext(request, deps)),
  );
};
