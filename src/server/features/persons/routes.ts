import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createPerson,
  listPersons,
  openBreakGlass,
  readPerson,
  searchPersons,
  revealProtectedAddress,
  updatePerson,
} from './person-commands';
import { mergePersons, readDuplicates, undoMerge } from './person-merge';
import { commandContext } from '../../platform/http/command-context';
import type { AppDeps } from '../../platform/http/context';
import {
  breakGlassBody,
  createPersonBody,
  duplicatesResponse,
  mergeBody,
  mergeParams,
  mergeResponse,
  personParams,
  personResponse,
  reasonBody,
  registeredPersonResponse,
  updatePersonBody,
  updatedPersonResponse,
} from '../../../contract/persons';

const tags = ['personer'];

/** Person routes: schema → command (which loads, asks the policy, audits) → presenter. */
export const registerPersonRoutes = (instance: FastifyInstance, deps: AppDeps) => {
  const app = instance.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/persons',
    {
      config: { access: 'person.read' },
      schema: {
        tags,
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
        response: { 200: z.array(personResponse) },
      },
    },
    async (request) => listPersons(commandContext(request, deps), request.query.limit),
  );

  app.get(
    '/api/persons/search',
    {
      config: { access: 'person.read' },
      schema: {
        tags,
        querystring: z.object({
          /** A name (any words, each the start of a name) or an identity number with century. */
          q: z.string().max(100),
          limit: z.coerce.number().int().min(1).max(50).default(20),
        }),
        response: { 200: z.array(personResponse) },
      },
    },
    async (request) =>
      searchPersons(commandContext(request, deps), request.query.q, request.query.limit),
  );

  app.get(
    '/api/persons/:personId',
    {
      config: { access: 'person.read' },
      schema: { tags, params: personParams, response: { 200: personResponse } },
    },
    async (request) => readPerson(commandContext(request, deps), request.params.personId),
  );

  app.post(
    '/api/persons',
    {
      config: { access: 'person.create' },
      schema: {
        tags,
        body: createPersonBody,
        // 201: registered; 200: the number was registered already, and she is placed here.
        response: { 200: registeredPersonResponse, 201: registeredPersonResponse },
      },
    },
    async (request, reply) => {
      const person = await createPerson(commandContext(request, deps), request.body);
      return reply.status(person.registeredBefore ? 200 : 201).send(person);
    },
  );

  app.patch(
    '/api/persons/:personId',
    {
      config: { access: 'person.update' },
      schema: {
        tags,
        params: personParams,
        body: updatePersonBody,
        response: { 200: updatedPersonResponse },
      },
    },
    async (request) =>
      updatePerson(commandContext(request, deps), request.params.personId, request.body),
  );

  app.post(
    '/api/persons/:personId/protected-address',
    {
      config: { access: 'person.readProtectedAddress' },
      schema: { tags, params: personParams, body: reasonBody, response: { 200: personResponse } },
    },
    async (request) =>
      revealProtectedAddress(
        commandContext(request, deps),
        request.params.personId,
        request.body.reason,
      ),
  );

  app.post(
    '/api/persons/:personId/break-glass',
    {
      // Break-glass is opened on a person the caller may not read yet: it only has to exist.
      config: { access: 'breakGlass.open', recordAccess: 'visible' },
      schema: {
        tags,
        params: personParams,
        body: breakGlassBody,
        response: { 201: z.object({ id: z.string(), expiresAt: z.string() }) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await openBreakGlass(
            commandContext(request, deps),
            request.params.personId,
            request.body,
          ),
        ),
  );

  app.get(
    '/api/persons/:personId/duplicates',
    {
      config: { access: 'person.read' },
      schema: { tags, params: personParams, response: { 200: duplicatesResponse } },
    },
    async (request) => readDuplicates(commandContext(request, deps), request.params.personId),
  );

  app.post(
    '/api/persons/:personId/merges',
    {
      config: { access: 'person.update' },
      schema: { tags, params: personParams, body: mergeBody, response: { 200: mergeResponse } },
    },
    async (request) =>
      mergePersons(commandContext(request, deps), request.params.personId, request.body),
  );

  app.post(
    '/api/person-merges/:mergeId/undo',
    {
      config: { access: 'person.update' },
      schema: {
        tags,
        params: mergeParams,
        response: { 200: z.object({ mergeId: z.string(), undone: z.literal(true) }) },
      },
    },
    async (request) => undoMerge(commandContext(request, deps), request.params.mergeId),
  );
};
