import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listHousingUnits, saveHousingUnit } from './housing-directory';
import { answerPlaceRequest, releaseOfferedPlaces, withdrawPlaceRequest } from './housing-offers';
import { listPlaceRequests, sendPlaceRequest } from './housing-requests';
import { listUnmetNeeds, recordUnmetNeed } from './housing-unmet-needs';
import {
  addPlacementChild,
  addPlacementVisit,
  readPlacements,
  recordExit,
  saveExitPlan,
  startPlacement,
} from './placement-commands';
import { commandContext } from '../../platform/http/command-context';
import type { AppDeps } from '../../platform/http/context';
import { caseParams } from '../../../contract/cases';
import {
  answerBody,
  versionBody,
  childBody,
  created,
  directoryQuery,
  exitBody,
  exitPlanBody,
  housingUnitBody,
  housingUnitParams,
  housingUnitView,
  placeRequestBody,
  placeRequestView,
  placementBody,
  placementView,
  requestParams,
  tags,
  unmetNeedBody,
  unmetNeedView,
  visitBody,
} from '../../../contract/housing';

/**
 * Protected housing across the county: the directory kept by providers, requests for places
 * between organisations, and the placing case's stays with children, visits and the way out.
 */
export const registerHousingRoutes = (instance: FastifyInstance, deps: AppDeps) => {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  const ctx = (request: Parameters<typeof commandContext>[0]) => commandContext(request, deps);

  app.get(
    '/api/housing/units',
    {
      config: { access: 'signedIn' },
      schema: { tags, querystring: directoryQuery, response: { 200: z.array(housingUnitView) } },
    },
    async (request) => listHousingUnits(ctx(request), request.query.needs),
  );

  app.post(
    '/api/housing/units',
    {
      config: { access: 'housing.keep' },
      schema: { tags, body: housingUnitBody, response: created },
    },
    async (request, reply) =>
      reply.status(201).send(await saveHousingUnit(ctx(request), null, request.body)),
  );

  app.put(
    '/api/housing/units/:housingUnitId',
    {
      config: { access: 'housing.keep' },
      schema: {
        tags,
        params: housingUnitParams,
        body: housingUnitBody,
        response: { 200: z.object({ id: z.string() }) },
      },
    },
    async (request) => saveHousingUnit(ctx(request), request.params.housingUnitId, request.body),
  );

  app.get(
    '/api/housing/requests',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        querystring: z.object({ caseId: z.string().uuid('Ogiltigt id').optional() }),
        response: { 200: z.array(placeRequestView) },
      },
    },
    async (request) => listPlaceRequests(ctx(request), request.query.caseId ?? null),
  );

  app.post(
    '/api/cases/:caseId/housing-requests',
    {
      config: { access: 'case.write' },
      schema: { tags, params: caseParams, body: placeRequestBody, response: created },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await sendPlaceRequest(ctx(request), request.params.caseId, request.body)),
  );

  app.post(
    '/api/housing/requests/:requestId/answer',
    {
      config: { access: 'housing.keep' },
      schema: {
        tags,
        params: requestParams,
        body: answerBody,
        response: { 200: z.object({ status: z.enum(['offered', 'declined']) }) },
      },
    },
    async (request) => answerPlaceRequest(ctx(request), request.params.requestId, request.body),
  );

  app.post(
    '/api/housing/requests/:requestId/withdraw',
    {
      config: { access: 'case.write' },
      schema: {
        tags,
        params: requestParams,
        body: versionBody,
        response: {
          200: z.object({ status: z.literal('withdrawn'), placesReleased: z.boolean() }),
        },
      },
    },
    async (request) => withdrawPlaceRequest(ctx(request), request.params.requestId, request.body),
  );

  app.post(
    '/api/housing/requests/:requestId/release',
    {
      config: { access: 'housing.keep' },
      schema: {
        tags,
        params: requestParams,
        body: versionBody,
        response: { 200: z.object({ released: z.literal(true) }) },
      },
    },
    async (request) => releaseOfferedPlaces(ctx(request), request.params.requestId, request.body),
  );

  app.get(
    '/api/housing/unmet-needs',
    {
      config: { access: 'case.read' },
      schema: { tags, response: { 200: z.array(unmetNeedView) } },
    },
    async (request) => listUnmetNeeds(ctx(request)),
  );

  app.post(
    '/api/housing/unmet-needs',
    { config: { access: 'case.write' }, schema: { tags, body: unmetNeedBody, response: created } },
    async (request, reply) =>
      reply.status(201).send(await recordUnmetNeed(ctx(request), request.body)),
  );

  app.get(
    '/api/cases/:caseId/placements',
    {
      config: { access: 'case.read' },
      schema: { tags, params: caseParams, response: { 200: z.array(placementView) } },
    },
    async (request) => readPlacements(ctx(request), request.params.caseId),
  );

  app.post(
    '/api/cases/:caseId/placements',
    {
      config: { access: 'case.write' },
      schema: { tags, params: caseParams, body: placementBody, response: created },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await startPlacement(ctx(request), request.params.caseId, request.body)),
  );

  app.post(
    '/api/cases/:caseId/placement/children',
    {
      config: { access: 'case.write' },
      schema: { tags, params: caseParams, body: childBody, response: created },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await addPlacementChild(ctx(request), request.params.caseId, request.body)),
  );

  app.post(
    '/api/cases/:caseId/placement/visits',
    {
      config: { access: 'case.write' },
      schema: { tags, params: caseParams, body: visitBody, response: created },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await addPlacementVisit(ctx(request), request.params.caseId, request.body)),
  );

  app.put(
    '/api/cases/:caseId/placement/exit-plan',
    {
      config: { access: 'case.write' },
      schema: {
        tags,
        params: caseParams,
        body: exitPlanBody,
        response: { 200: z.object({ version: z.number().int(), openItems: z.array(z.string()) }) },
      },
    },
    async (request) => saveExitPlan(ctx(request), request.params.caseId, request.body),
  );

  app.post(
    '/api/cases/:caseId/placement/exit',
    {
      config: { access: 'case.write' },
      schema: {
        tags,
        params: caseParams,
        body: exitBody,
        response: { 200: z.object({ released: z.boolean() }) },
      },
    },
    async (request) => recordExit(ctx(request), request.params.caseId, request.body),
  );
};
