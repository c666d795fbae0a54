import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { childrenWithoutInvestigation } from './children-overview';
import { recordCaseEvent } from './record-case-event';
import { acknowledgeHandover, cancelHandover, proposeHandover } from './case-handover';
import { addTask, completeTask } from './case-tasks';
import { myWorkList } from './work-list';
import { commandContext } from '../../platform/http/command-context';
import type { AppDeps } from '../../platform/http/context';
import {
  cancelledResponse,
  caseEventBody,
  caseEventResponse,
  caseParams,
  caseSummaryResponse,
  childrenGapsResponse,
  handoverBody,
  handoverParams,
  handoverResponse,
  taskBody,
  taskDoneBody,
  taskParams,
  taskResponse,
  workListResponse,
} from '../../../contract/cases';

const tags = ['ärenden'];

/** The work around a case: events that change the risk, tasks, hand-overs and work lists. */
export const registerCaseWorkRoutes = (instance: FastifyInstance, deps: AppDeps) => {
  const app = instance.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/work-lists/children-without-investigation',
    { config: { access: 'case.read' }, schema: { tags, response: { 200: childrenGapsResponse } } },
    async (request) => childrenWithoutInvestigation(commandContext(request, deps)),
  );

  app.post(
    '/api/cases/:caseId/events',
    {
      config: { access: 'case.write' },
      schema: {
        tags,
        params: caseParams,
        body: caseEventBody,
        response: { 201: caseEventResponse },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await recordCaseEvent(commandContext(request, deps), request.params.caseId, request.body),
        ),
  );
  app.post(
    '/api/cases/:caseId/tasks',
    {
      config: { access: 'case.write' },
      schema: { tags, params: caseParams, body: taskBody, response: { 201: taskResponse } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await addTask(commandContext(request, deps), request.params.caseId, request.body)),
  );

  app.post(
    '/api/tasks/:taskId/done',
    {
      config: { access: 'case.write' },
      schema: { tags, params: taskParams, body: taskDoneBody, response: { 200: taskResponse } },
    },
    async (request) =>
      completeTask(commandContext(request, deps), request.params.taskId, request.body),
  );

  app.post(
    '/api/cases/:caseId/handovers',
    {
      config: { access: 'case.write' },
      schema: {
        tags,
        params: caseParams,
        body: handoverBody,
        response: { 201: handoverResponse },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await proposeHandover(commandContext(request, deps), request.params.caseId, request.body),
        ),
  );

  app.post(
    '/api/handovers/:handoverId/acknowledge',
    {
      config: { access: 'case.read' },
      schema: { tags, params: handoverParams, response: { 200: caseSummaryResponse } },
    },
    async (request) =>
      acknowledgeHandover(commandContext(request, deps), request.params.handoverId),
  );

  app.post(
    '/api/handovers/:handoverId/cancel',
    {
      config: { access: 'case.write' },
      schema: { tags, params: handoverParams, response: { 200: cancelledResponse } },
    },
    async (request) => cancelHandover(commandContext(request, deps), request.params.handoverId),
  );

  app.get(
    '/api/work-lists/mine',
    { config: { access: 'case.read' }, schema: { tags, response: { 200: workListResponse } } },
    async (request) => myWorkList(commandContext(request, deps)),
  );
};
