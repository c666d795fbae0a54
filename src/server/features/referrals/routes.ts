import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recipientKinds } from '../../../domain/collaboration/grounds';
import { answerReferral } from './referral-answers';
import { postReferralMessage, sendReferral } from './referral-commands';
import { countyOrganisations, recipientDirectory, referralDirectory } from './referral-directory';
import { listReferrals, readReferral, referralsOfCase } from './referral-queries';
import { readContactDirectory, recordContact } from '../governance/contact-directory';
import {
  contactFunctions,
  type ContactFunction,
} from '../../../domain/collaboration/contact-functions';
import { commandContext } from '../../platform/http/command-context';
import type { AppDeps } from '../../platform/http/context';
import { caseParams } from '../../../contract/cases';
import {
  answerBody,
  directoryResponse,
  messageBody,
  referralDetail,
  referralParams,
  referralSummary,
  sendReferralBody,
} from '../../../contract/referrals';
import { calendarDate } from '../../../contract/calendar-date';

const tags = ['överlämningar'];

/**
 * Hand-overs between organisations: police to social services, one municipality to another,
 * social services to the region. Acknowledged by the receiver, with a thread both sides read.
 */
export const registerReferralRoutes = (instance: FastifyInstance, deps: AppDeps) => {
  const app = instance.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/referral-directory',
    { config: { access: 'case.write' }, schema: { tags, response: { 200: directoryResponse } } },
    async (request) => referralDirectory(commandContext(request, deps)),
  );

  app.get(
    '/api/recipient-directory',
    {
      // Names of the county's units only, as the regional directory shows every organisation.
      config: { access: 'signedIn' },
      schema: {
        tags,
        response: {
          200: z.array(
            z.object({
              organisationId: z.string(),
              organisationName: z.string(),
              unitId: z.string(),
              unitName: z.string(),
              recipientKind: z.enum(recipientKinds),
            }),
          ),
        },
      },
    },
    async (request) => recipientDirectory(commandContext(request, deps)),
  );

  app.get(
    '/api/contact-directory',
    {
      config: { access: 'signedIn' },
      schema: {
        tags: ['kontakter'],
        response: {
          200: z.array(
            z.object({
              id: z.string(),
              organisationId: z.string(),
              organisationName: z.string(),
              functionCode: z.string(),
              holderName: z.string(),
              phone: z.string(),
              hours: z.string(),
              outOfHours: z.string(),
              validFrom: z.string(),
              validTo: z.string().nullable(),
              current: z.boolean(),
              own: z.boolean(),
            }),
          ),
        },
      },
    },
    async (request) => readContactDirectory(commandContext(request, deps)),
  );

  app.post(
    '/api/contact-directory',
    {
      config: { access: 'organisation.administer' },
      schema: {
        tags: ['kontakter'],
        body: z.object({
          functionCode: z.enum(contactFunctions.map((entry) => entry.code) as [ContactFunction]),
          holderName: z.string().max(200),
          phone: z.string().max(40),
          hours: z.string().max(200).default(''),
          outOfHours: z.string().max(500),
          validFrom: calendarDate,
        }),
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await recordContact(commandContext(request, deps), request.body)),
  );

  app.get(
    '/api/county-organisations',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        response: {
          200: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string() })),
        },
      },
    },
    async (request) => countyOrganisations(commandContext(request, deps)),
  );

  app.post(
    '/api/cases/:caseId/referrals',
    {
      config: { access: 'case.write' },
      schema: {
        tags,
        params: caseParams,
        body: sendReferralBody,
        response: {
          201: z.object({ id: z.string(), kind: z.string(), acknowledgeBy: z.string() }),
        },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await sendReferral(commandContext(request, deps), request.params.caseId, request.body),
        ),
  );

  app.get(
    '/api/cases/:caseId/referrals',
    {
      config: { access: 'case.read' },
      schema: { tags, params: caseParams, response: { 200: z.array(referralSummary) } },
    },
    async (request) => referralsOfCase(commandContext(request, deps), request.params.caseId),
  );

  app.get(
    '/api/referrals',
    {
      config: { access: 'case.read' },
      schema: { tags, response: { 200: z.array(referralSummary) } },
    },
    async (request) => listReferrals(commandContext(request, deps)),
  );

  app.get(
    '/api/referrals/:referralId',
    {
      config: { access: 'case.read' },
      schema: { tags, params: referralParams, response: { 200: referralDetail } },
    },
    async (request) => readReferral(commandContext(request, deps), request.params.referralId),
  );

  app.post(
    '/api/referrals/:referralId/answer',
    {
      config: { access: 'case.write' },
      schema: {
        tags,
        params: referralParams,
        body: answerBody,
        response: { 200: z.object({ caseId: z.string().nullable() }) },
      },
    },
    async (request) =>
      answerReferral(commandContext(request, deps), request.params.referralId, request.body),
  );

  app.post(
    '/api/referrals/:referralId/messages',
    {
      config: { access: 'case.write' },
      schema: {
        tags,
        params: referralParams,
        body: messageBody,
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await postReferralMessage(
            commandContext(request, deps),
            request.params.referralId,
            request.body,
          ),
        ),
  );
};
