import {
  answerLinkRequest,
  readLinkRequests,
  requestVictimLink,
} from '../collaboration/link-by-person';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  answerChildren,
  assignOwner,
  changeStage,
  linkCases,
  listCases,
  openCase,
  readCase,
} from './case-commands';
import { exportCases, printCaseSummary } from './case-documents';
import { referCase } from '../referrals/refer-case';
import { listReports, reportConcern } from './report-of-concern';
import { recordScreening, screeningCoverage } from '../persons/screening-commands';
import { commandContext } from '../../platform/http/command-context';
import type { AppDeps } from '../../platform/http/context';
import { sendDownload } from '../../platform/http/download';
import {
  caseDetailResponse,
  documentQuery,
  childrenBody,
  referralBody,
  referralResponse,
  reportBody,
  reportListResponse,
  reportResponse,
  caseListResponse,
  caseParams,
  caseSummaryResponse,
  coverageQuery,
  coverageResponse,
  linkBody,
  listQuery,
  openCaseBody,
  ownerBody,
  screeningBody,
  screeningResponse,
  stageBody,
} from '../../../contract/cases';

const tags = ['ärenden'];

/** Case routes: schema → command (loads, asks the policy, audits) → presenter. */
export const registerCaseRoutes = (instance: FastifyInstance, deps: AppDeps) => {
  const app = instance.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/cases',
    {
      config: { access: 'case.read' },
      schema: { tags, querystring: listQuery, response: { 200: caseListResponse } },
    },
    async (request) => listCases(commandContext(request, deps), request.query),
  );

  app.post(
    '/api/cases',
    {
      config: { access: 'case.write' },
      schema: { tags, body: openCaseBody, response: { 201: caseSummaryResponse } },
    },
    async (request, reply) =>
      reply.status(201).send(await openCase(commandContext(request, deps), request.body)),
  );

  app.get(
    '/api/cases/export.csv',
    {
      config: { access: 'case.read' },
      schema: {
        tags,
        querystring: listQuery,
        produces: ['text/csv'],
        summary: 'The intake list or my cases as CSV (masked as on screen)',
      },
    },
    async (request, reply) =>
      sendDownload(
        reply,
        { type: 'text/csv; charset=utf-8', filename: 'arenden.csv' },
        await exportCases(commandContext(request, deps), request.query),
      ),
  );

  app.get(
    '/api/cases/:caseId/summary.pdf',
    {
      config: { access: 'case.read' },
      schema: {
        tags,
        params: caseParams,
        querystring: documentQuery,
        produces: ['application/pdf'],
        summary: 'A printable case summary (masked for the viewer)',
      },
    },
    async (request, reply) =>
      sendDownload(
        reply,
        { type: 'application/pdf', filename: 'arendesammanfattning.pdf' },

        await printCaseSummary(
          commandContext(request, deps),
          request.params.caseId,
          request.query.lang,
        ),
      ),
  );

  app.get(
    '/api/cases/:caseId',
    {
      config: { access: 'case.read' },
      schema: { tags, params: caseParams, response: { 200: caseDetailResponse } },
    },
    async (request) => readCase(commandContext(request, deps), request.params.caseId),
  );

  app.post(
    '/api/cases/:caseId/stage',
    {
      config: { access: 'case.write' },
      schema: { tags, params: caseParams, body: stageBody, response: { 200: caseSummaryResponse } },
    },
    async (request) =>
      changeStage(commandContext(request, deps), request.params.caseId, request.body),
  );

  app.post(
    '/api/cases/:caseId/owner',
    {
      config: { access: 'case.write' },
      schema: { tags, params: caseParams, body: ownerBody, response: { 200: caseSummaryResponse } },
    },
    async (request) =>
      assignOwner(commandContext(request, deps), request.params.caseId, request.body),
  );

  app.post(
    '/api/cases/:caseId/links',
    {
      config: { access: 'case.write' },
      schema: {
        tags,
        params: caseParams,
        body: linkBody,
        response: { 201: z.object({ ok: z.literal(true) }) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await linkCases(commandContext(request, deps), request.params.caseId, request.body)),
  );

  app.post(
    '/api/cases/:caseId/links/by-personal-number',
    {
      config: { access: 'case.write' },
      schema: {
        tags,
        params: caseParams,
        body: z.object({ personalNumber: z.string().max(20) }),
        // The same answer whether or not she has a case: her own team decides on the link.
        response: { 202: z.object({ requested: z.literal(true) }) },
      },
    },
    async (request, reply) =>
      reply
        .status(202)
        .send(
          await requestVictimLink(
            commandContext(request, deps),
            request.params.caseId,
            request.body,
          ),
        ),
  );

  app.get(
    '/api/cases/:caseId/link-requests',
    {
      config: { access: 'case.read' },
      schema: {
        tags,
        params: caseParams,
        response: {
          200: z.array(
            z.object({
              id: z.string(),
              fromUnitName: z.string(),
              requestedAt: z.string(),
              status: z.enum(['pending', 'accepted', 'declined']),
              answeredAt: z.string().nullable(),
              version: z.number().int(),
            }),
          ),
        },
      },
    },
    async (request) => readLinkRequests(commandContext(request, deps), request.params.caseId),
  );

  app.post(
    '/api/link-requests/:linkRequestId/answer',
    {
      config: { access: 'case.write' },
      schema: {
        tags,
        params: z.object({ linkRequestId: z.string().uuid() }),
        body: z.object({ accept: z.boolean(), version: z.number().int().positive() }),
        response: {
          200: z.object({ status: z.enum(['accepted', 'declined']), version: z.number().int() }),
        },
      },
    },
    async (request) =>
      answerLinkRequest(commandContext(request, deps), request.params.linkRequestId, request.body),
  );

  app.post(
    '/api/screenings',
    {
      config: { access: 'case.write' },
      schema: { tags, body: screeningBody, response: { 201: screeningResponse } },
    },
    async (request, reply) =>
      reply.status(201).send(await recordScreening(commandContext(request, deps), request.body)),
  );

  app.get(
    '/api/screenings/coverage',
    {
      config: { access: 'statistics.read' },
      schema: { tags, querystring: coverageQuery, response: { 200: coverageResponse } },
    },
    async (request) => screeningCoverage(commandContext(request, deps), request.query),
  );

  app.post(
    '/api/cases/:caseId/children',
    {
      config: { access: 'case.write' },
      schema: {
        tags,
        params: caseParams,
        body: childrenBody,
        response: { 200: caseSummaryResponse },
      },
    },
    async (request) =>
      answerChildren(commandContext(request, deps), request.params.caseId, request.body),
  );

  app.post(
    '/api/cases/:caseId/reports-of-concern',
    {
      config: { access: 'case.read' },
      schema: { tags, params: caseParams, body: reportBody, response: { 201: reportResponse } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await reportConcern(commandContext(request, deps), request.params.caseId, request.body),
        ),
  );

  app.get(
    '/api/cases/:caseId/reports-of-concern',
    {
      config: { access: 'case.read' },
      schema: { tags, params: caseParams, response: { 200: reportListResponse } },
    },
    async (request) => listReports(commandContext(request, deps), request.params.caseId),
  );

  app.post(
    '/api/referrals',
    {
      config: { access: 'case.write' },
      schema: { tags, body: referralBody, response: { 201: referralResponse } },
    },
    async (request, reply) =>
      reply.status(201).send(await referCase(commandContext(request, deps), request.body)),
  );
};
