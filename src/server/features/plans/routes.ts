import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { measureSchema } from '../../../domain/risk-management/measures';
import { addLocalMeasure, listMeasures, setMeasureEnabled } from './organisation-measures';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { printSafetyPlan } from './print-plan';
import { followThrough } from './plan-follow-through';
import { addMeasure, changeMeasureStatus, rejectSuggestion } from './plan-measures';
import { readSafetyPlan } from './plan-view';
import { updatePlan } from './safety-plan-commands';
import { overdueTasks } from '../risk/risk-picture';
import { commandContext } from '../../platform/http/command-context';
import type { AppDeps } from '../../platform/http/context';
import { sendDownload } from '../../platform/http/download';
import { caseParams, workListResponse } from '../../../contract/cases';
import {
  addMeasureBody,
  assessmentParams,
  checklistsResponse,
  measuresResponse,
  followThroughBody,
  measureParams,
  planBody,
  planDocumentQuery,
  planResponse,
  rejectBody,
  statusBody,
} from '../../../contract/plans';

const tags = ['skyddsplan'];

/** Safety plan routes: suggestions, measures with owners and statuses, review, follow-through. */
export const registerPlanRoutes = (instance: FastifyInstance, deps: AppDeps) => {
  const app = instance.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/cases/:caseId/safety-plan',
    {
      config: { access: 'case.read' },
      schema: { tags, params: caseParams, response: { 200: planResponse } },
    },
    async (request) => readSafetyPlan(commandContext(request, deps), request.params.caseId),
  );

  app.put(
    '/api/cases/:caseId/safety-plan',
    {
      config: { access: 'case.write' },
      schema: { tags, params: caseParams, body: planBody, response: { 200: planResponse } },
    },
    async (request) =>
      updatePlan(commandContext(request, deps), request.params.caseId, request.body),
  );

  app.post(
    '/api/cases/:caseId/safety-plan/measures',
    {
      config: { access: 'case.write' },
      schema: { tags, params: caseParams, body: addMeasureBody, response: { 201: planResponse } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await addMeasure(commandContext(request, deps), request.params.caseId, request.body)),
  );

  app.post(
    '/api/cases/:caseId/safety-plan/rejections',
    {
      config: { access: 'case.write' },
      schema: { tags, params: caseParams, body: rejectBody, response: { 201: planResponse } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await rejectSuggestion(
            commandContext(request, deps),
            request.params.caseId,
            request.body,
          ),
        ),
  );

  app.post(
    '/api/plan-measures/:measureId/status',
    {
      config: { access: 'case.write' },
      schema: { tags, params: measureParams, body: statusBody, response: { 200: planResponse } },
    },
    async (request) =>
      changeMeasureStatus(commandContext(request, deps), request.params.measureId, request.body),
  );

  app.post(
    '/api/assessments/:assessmentId/follow-through',
    {
      config: { access: 'case.write' },
      schema: {
        tags,
        params: assessmentParams,
        body: followThroughBody,
        response: { 200: planResponse },
      },
    },
    async (request) =>
      followThrough(commandContext(request, deps), request.params.assessmentId, request.body),
  );

  app.get(
    '/api/cases/:caseId/safety-plan.pdf',
    {
      config: { access: 'case.read' },
      schema: {
        tags,
        params: caseParams,
        querystring: planDocumentQuery,
        produces: ['application/pdf'],
        summary: 'The plan as a PDF, or a summary for one partner (masked for the recipient)',
      },
    },
    async (request, reply) =>
      sendDownload(
        reply,
        {
          type: 'application/pdf',
          filename: request.query.recipient
            ? 'sammanfattning-for-samverkan.pdf'
            : 'skydds-och-atgardsplan.pdf',
        },
        await printSafetyPlan(commandContext(request, deps), request.params.caseId, request.query),
      ),
  );

  app.get(
    '/api/measures',
    { config: { access: 'signedIn' }, schema: { tags, response: { 200: measuresResponse } } },
    async (request) => listMeasures(commandContext(request, deps)),
  );

  app.post(
    '/api/measures',
    {
      config: { access: 'organisation.administer' },
      schema: { tags, body: measureSchema, response: { 201: measuresResponse } },
    },
    async (request, reply) =>
      reply.status(201).send(await addLocalMeasure(commandContext(request, deps), request.body)),
  );

  app.put(
    '/api/measures/:code/enabled',
    {
      config: { access: 'organisation.administer' },
      schema: {
        tags,
        params: z.object({ code: z.string().max(100) }),
        body: z.object({ enabled: z.boolean() }),
        response: { 200: measuresResponse },
      },
    },
    async (request) =>
      setMeasureEnabled(commandContext(request, deps), request.params.code, request.body.enabled),
  );

  app.get(
    '/api/checklists',
    { config: { access: 'case.read' }, schema: { tags, response: { 200: checklistsResponse } } },
    async () => deps.riskManagement.checklists.checklists,
  );

  app.get(
    '/api/work-lists/overdue-reviews',
    {
      config: { access: 'case.read' },
      schema: { tags, response: { 200: workListResponse.shape.tasks } },
    },
    async (request) => overdueTasks(commandContext(request, deps), 'planReview'),
  );
};
