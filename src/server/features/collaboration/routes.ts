import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { raiseConcern, readConcerns } from './concern-commands';
import { readConsents, recordConsent, withdrawConsent } from './consent-commands';
import {
  casesSharedWithMe,
  readDisclosures,
  recordDisclosure,
  weighDisclosure,
} from './disclosure-commands';
import { commandContext } from '../../platform/http/command-context';
import type { AppDeps } from '../../platform/http/context';
import { caseParams, caseSummary } from '../../../contract/cases';
import { personParams } from '../../../contract/persons';
import {
  concernBody,
  concernsResponse,
  consentBody,
  consentParams,
  consentResponse,
  disclosureBody,
  disclosureResponse,
  groundCatalogueResponse,
  weighQuery,
  weighResponse,
  withdrawalBody,
} from '../../../contract/collaboration';

const tags = ['samverkan'];

/**
 * Collaboration under secrecy: consents and refusals, disclosures with their legal ground,
 * cases shared across secrecy areas, and concern for a victim raised in a perpetrator's case.
 */
export const registerCollaborationRoutes = (instance: FastifyInstance, deps: AppDeps) => {
  const app = instance.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/disclosure-grounds',
    {
      config: { access: 'signedIn' },
      schema: { tags, response: { 200: groundCatalogueResponse } },
    },
    async () => ({
      version: deps.disclosureGrounds.version,
      grounds: deps.disclosureGrounds.grounds.map(({ code, legalReferences, title, guidance }) => ({
        code,
        legalReferences,
        title,
        guidance,
      })),
    }),
  );

  app.get(
    '/api/persons/:personId/consents',
    {
      config: { access: 'person.read' },
      schema: { tags, params: personParams, response: { 200: z.array(consentResponse) } },
    },
    async (request) => readConsents(commandContext(request, deps), request.params.personId),
  );

  app.post(
    '/api/persons/:personId/consents',
    {
      config: { access: 'person.update' },
      schema: { tags, params: personParams, body: consentBody, response: { 201: consentResponse } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await recordConsent(commandContext(request, deps), request.params.personId, request.body),
        ),
  );

  app.post(
    '/api/consents/:consentId/withdrawal',
    {
      config: { access: 'person.update' },
      schema: {
        tags,
        params: consentParams,
        body: withdrawalBody,
        response: { 200: consentResponse },
      },
    },
    async (request) =>
      withdrawConsent(commandContext(request, deps), request.params.consentId, request.body),
  );

  app.get(
    '/api/cases/:caseId/disclosures',
    {
      config: { access: 'case.read' },
      schema: { tags, params: caseParams, response: { 200: z.array(disclosureResponse) } },
    },
    async (request) => readDisclosures(commandContext(request, deps), request.params.caseId),
  );

  app.get(
    '/api/cases/:caseId/disclosure-grounds',
    {
      config: { access: 'case.write' },
      schema: {
        tags,
        params: caseParams,
        querystring: weighQuery,
        response: { 200: weighResponse },
      },
    },
    async (request) =>
      weighDisclosure(commandContext(request, deps), request.params.caseId, request.query),
  );

  app.post(
    '/api/cases/:caseId/disclosures',
    {
      config: { access: 'case.write' },
      schema: {
        tags,
        params: caseParams,
        body: disclosureBody,
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await recordDisclosure(
            commandContext(request, deps),
            request.params.caseId,
            request.body,
          ),
        ),
  );

  app.get(
    '/api/cases/:caseId/concerns',
    {
      config: { access: 'case.read' },
      schema: { tags, params: caseParams, response: { 200: concernsResponse } },
    },
    async (request) => readConcerns(commandContext(request, deps), request.params.caseId),
  );

  app.post(
    '/api/cases/:caseId/concerns',
    {
      config: { access: 'case.write' },
      schema: {
        tags,
        params: caseParams,
        body: concernBody,
        response: {
          201: z.object({ id: z.string(), path: z.string(), notifiedCases: z.number().int() }),
        },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await raiseConcern(commandContext(request, deps), request.params.caseId, request.body),
        ),
  );

  app.get(
    '/api/work-lists/shared-with-me',
    {
      config: { access: 'case.read' },
      schema: { tags, response: { 200: z.array(caseSummary) } },
    },
    async (request) => casesSharedWithMe(commandContext(request, deps)),
  );
};
