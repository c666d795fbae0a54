import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readAdvice, recordAdviceContact } from './advice-commands';
import { firstContactItems, ladderLevels } from '../../../domain/interventions/perpetrator-pathway';
import { commandContext } from '../../platform/http/command-context';
import type { AppDeps } from '../../platform/http/context';
import { caseParams } from '../../../contract/cases';
import { tags } from '../../../contract/interventions';
import { calendarDate } from '../../../contract/calendar-date';

const contactModes = ['inPerson', 'phone', 'digital'] as const;

const adviceView = z.object({
  inService: z.boolean(),
  rule: z.object({ sessionCap: z.number().int().nullable(), maxDays: z.number().int().nullable() }),
  status: z.object({
    count: z.number().int(),
    remaining: z.number().int().nullable(),
    state: z.enum(['open', 'lastSession', 'atCap', 'expired']),
    offerInvestigation: z.boolean(),
    messageSv: z.string().nullable(),
  }),
  firstContact: z.object({
    remaining: z.array(z.enum(firstContactItems)),
    askRiskNow: z.boolean(),
  }),
  contacts: z.array(
    z.object({
      id: z.string(),
      heldOn: z.string(),
      mode: z.enum(contactModes),
      anonymous: z.boolean(),
      covered: z.array(z.enum(firstContactItems)),
      note: z.string(),
    }),
  ),
  ladder: z.array(
    z.object({
      code: z.enum(ladderLevels.map((level) => level.code) as [string, ...string[]]),
      owner: z.enum(['socialServices', 'region']),
      sv: z.string(),
      en: z.string(),
    }),
  ),
  resources: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      phone: z.string(),
      forWhom: z.enum(['victims', 'perpetrators', 'children', 'everyone']),
      descriptionSv: z.string(),
      descriptionEn: z.string(),
    }),
  ),
});

/** Råd och service on a case: the counter against the organisation's rule, the ladder, signposting. */
export const registerAdviceRoutes = (instance: FastifyInstance, deps: AppDeps) => {
  const app = instance.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/cases/:caseId/advice',
    {
      config: { access: 'case.read' },
      schema: { tags, params: caseParams, response: { 200: adviceView } },
    },
    async (request) => readAdvice(commandContext(request, deps), request.params.caseId),
  );

  app.post(
    '/api/cases/:caseId/advice/contacts',
    {
      config: { access: 'case.write' },
      schema: {
        tags,
        params: caseParams,
        body: z.object({
          heldOn: calendarDate,
          mode: z.enum(contactModes, 'Välj hur samtalet hölls.'),
          anonymous: z.boolean().default(false),
          covered: z.array(z.enum(firstContactItems)).max(firstContactItems.length).default([]),
          note: z.string().max(4000).default(''),
        }),
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await recordAdviceContact(
            commandContext(request, deps),
            request.params.caseId,
            request.body,
          ),
        ),
  );
};
