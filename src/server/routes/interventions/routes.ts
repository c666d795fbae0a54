import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readAdvice, recordAdviceContact } from '../../commands/advice-commands';
import { changeGroupPlace, createGroup, listGroups } from '../../commands/group-commands';
import {
  readFollowUp,
  recordRating,
  recordSatisfaction,
  saveFollowUpPlan,
} from '../../commands/follow-up-commands';
import {
  ratingPhases,
  satisfactionSubjects,
  violenceSince,
} from '../../../domain/follow-up/ratings';
import {
  addInterventionType,
  endIntervention,
  extendIntervention,
  grantIntervention,
  listInterventionTypes,
  readInterventions,
  recordInterventionSession,
} from '../../commands/intervention-commands';
import {
  eligibilities,
  interventionProviders,
  interventionTargets,
} from '../../../domain/interventions/catalogue';
import { sessionOutcomes } from '../../../domain/interventions/quota';
import { firstContactItems, ladderLevels } from '../../../domain/interventions/perpetrator-pathway';
import { commandContext } from '../../http/command-context';
import type { AppDeps } from '../../http/context';
import { caseParams } from '../cases/schemas';

const tags = ['insatser'];
const contactModes = ['inPerson', 'phone', 'digital'] as const;
const sessionKinds = ['session', 'betweenContact'] as const;
const sessionModes = ['inPerson', 'phone', 'digital', 'group'] as const;
const endReasons = ['completed', 'dropout', 'referredOn', 'other'] as const;

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

const calendarDate = z.iso.date('Ange ett datum som finns, som ÅÅÅÅ-MM-DD');
const typeId = z.string().uuid('Välj en insats ur katalogen.');
const created = { 201: z.object({ id: z.string() }) };

const interventionType = z.object({
  id: z.string(),
  name: z.string(),
  target: z.enum(interventionTargets),
  eligibility: z.enum(eligibilities),
  provider: z.enum(interventionProviders),
  defaultSessions: z.number().int(),
  defaultWeeks: z.number().int().nullable(),
  groupBased: z.boolean(),
});

const grantedView = z.object({
  id: z.string(),
  typeId: z.string(),
  typeName: z.string(),
  eligibility: z.enum(eligibilities),
  provider: z.enum(interventionProviders),
  decidedOn: z.string(),
  grantedSessions: z.number().int(),
  goals: z.array(z.string()),
  materials: z.string(),
  adaptations: z.string(),
  endedOn: z.string().nullable(),
  endReason: z.enum(endReasons).nullable(),
  dropoutReason: z.string().nullable(),
  quota: z.object({
    granted: z.number().int(),
    used: z.number().int(),
    remaining: z.number().int(),
    nearEnd: z.boolean(),
  }),
  sessions: z.array(
    z.object({
      id: z.string(),
      heldOn: z.string(),
      kind: z.enum(sessionKinds),
      mode: z.enum(sessionModes),
      outcome: z.enum(sessionOutcomes),
      note: z.string(),
    }),
  ),
  extensions: z.array(
    z.object({
      id: z.string(),
      sessions: z.number().int(),
      decidedOn: z.string(),
      decidedByRole: z.string(),
      reason: z.string(),
    }),
  ),
  version: z.number().int(),
});

/** Interventions on a case: råd och service with its counter, the ladder and signposting. */
export const registerInterventionRoutes = (instance: FastifyInstance, deps: AppDeps) => {
  const app = instance.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/intervention-types',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        response: { 200: z.array(interventionType.extend({ createdAt: z.string() })) },
      },
    },
    async (request) => listInterventionTypes(commandContext(request, deps)),
  );

  app.post(
    '/api/intervention-types',
    {
      config: { access: 'organisation.administer' },
      schema: {
        tags,
        body: interventionType.omit({ id: true }).extend({
          name: z.string().max(200),
          defaultSessions: z.number({ error: 'Ange antalet samtal.' }).int(),
          defaultWeeks: z.number().int().nullable().default(null),
          groupBased: z.boolean().default(false),
        }),
        response: created,
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await addInterventionType(commandContext(request, deps), request.body)),
  );

  app.get(
    '/api/cases/:caseId/interventions',
    {
      config: { access: 'case.read' },
      schema: { tags, params: caseParams, response: { 200: z.array(grantedView) } },
    },
    async (request) => readInterventions(commandContext(request, deps), request.params.caseId),
  );

  app.post(
    '/api/cases/:caseId/interventions',
    {
      config: { access: 'case.write' },
      schema: {
        tags,
        params: caseParams,
        body: z.object({
          typeId,
          grantedSessions: z.number().int().nullable().default(null),
          decidedOn: calendarDate,
          goals: z.array(z.string().max(500)).max(10).default([]),
          materials: z.string().max(4000).default(''),
          adaptations: z.string().max(4000).default(''),
        }),
        response: created,
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await grantIntervention(
            commandContext(request, deps),
            request.params.caseId,
            request.body,
          ),
        ),
  );

  app.post(
    '/api/cases/:caseId/interventions/sessions',
    {
      config: { access: 'case.write' },
      schema: {
        tags,
        params: caseParams,
        body: z.object({
          typeId,
          heldOn: calendarDate,
          kind: z.enum(sessionKinds).default('session'),
          mode: z.enum(sessionModes, 'Välj hur samtalet hölls.'),
          outcome: z.enum(sessionOutcomes, 'Välj hur det gick.'),
          note: z.string().max(4000).default(''),
        }),
        response: created,
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await recordInterventionSession(
            commandContext(request, deps),
            request.params.caseId,
            request.body,
          ),
        ),
  );

  app.post(
    '/api/cases/:caseId/interventions/extensions',
    {
      config: { access: 'case.write' },
      schema: {
        tags,
        params: caseParams,
        body: z.object({
          typeId,
          sessions: z.number({ error: 'Ange antalet samtal.' }).int(),
          reason: z.string().max(4000),
        }),
        response: { 201: z.object({ sessions: z.number().int() }) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await extendIntervention(
            commandContext(request, deps),
            request.params.caseId,
            request.body,
          ),
        ),
  );

  app.post(
    '/api/cases/:caseId/interventions/end',
    {
      config: { access: 'case.write' },
      schema: {
        tags,
        params: caseParams,
        body: z.object({
          typeId,
          endedOn: calendarDate,
          reason: z.enum(endReasons, 'Välj hur insatsen slutade.'),
          dropoutReason: z.string().max(2000).default(''),
          version: z.number().int(),
        }),
        response: { 200: z.object({ ended: z.boolean() }) },
      },
    },
    async (request) =>
      endIntervention(commandContext(request, deps), request.params.caseId, request.body),
  );

  app.get(
    '/api/cases/:caseId/follow-up',
    {
      config: { access: 'case.read' },
      schema: {
        tags,
        params: caseParams,
        response: {
          200: z.object({
            ratings: z.array(
              z.object({
                id: z.string(),
                phase: z.enum(ratingPhases),
                ratedOn: z.string(),
                wellbeing: z.number().int(),
                safety: z.number().int(),
                violence: z.enum(violenceSince),
                comment: z.string(),
              }),
            ),
            change: z
              .object({
                wellbeing: z.object({ from: z.number(), to: z.number() }),
                safety: z.object({ from: z.number(), to: z.number() }),
              })
              .nullable(),
            satisfaction: z.array(
              z.object({
                id: z.string(),
                subject: z.enum(satisfactionSubjects),
                about: z.string(),
                score: z.number().int(),
                answeredOn: z.string(),
                comment: z.string(),
              }),
            ),
            plan: z
              .object({
                consent: z.boolean(),
                closedOn: z.string(),
                dates: z.array(z.string()),
                version: z.number().int(),
              })
              .nullable(),
          }),
        },
      },
    },
    async (request) => readFollowUp(commandContext(request, deps), request.params.caseId),
  );

  app.post(
    '/api/cases/:caseId/ratings',
    {
      config: { access: 'case.write' },
      schema: {
        tags,
        params: caseParams,
        body: z.object({
          phase: z.enum(ratingPhases, 'Välj när skattningen gjordes.'),
          ratedOn: calendarDate,
          wellbeing: z.number({ error: 'Välj ett värde från 0 till 10.' }).int(),
          safety: z.number({ error: 'Välj ett värde från 0 till 10.' }).int(),
          violence: z.enum(violenceSince).default('notAnswered'),
          comment: z.string().max(2000).default(''),
        }),
        response: created,
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await recordRating(commandContext(request, deps), request.params.caseId, request.body),
        ),
  );

  app.post(
    '/api/cases/:caseId/satisfaction',
    {
      config: { access: 'case.write' },
      schema: {
        tags,
        params: caseParams,
        body: z.object({
          subject: z.enum(satisfactionSubjects),
          interventionTypeId: z
            .string()
            .uuid('Välj en insats ur katalogen.')
            .nullable()
            .default(null),
          housingProvider: z.string().max(200).default(''),
          score: z.number({ error: 'Välj ett svar från 1 till 5.' }).int(),
          comment: z.string().max(2000).default(''),
        }),
        response: created,
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await recordSatisfaction(
            commandContext(request, deps),
            request.params.caseId,
            request.body,
          ),
        ),
  );

  app.put(
    '/api/cases/:caseId/follow-up-plan',
    {
      config: { access: 'case.write' },
      schema: {
        tags,
        params: caseParams,
        body: z.object({
          consent: z.boolean(),
          closedOn: calendarDate,
          version: z.number().int().default(0),
        }),
        response: { 200: z.object({ dates: z.array(z.string()) }) },
      },
    },
    async (request) =>
      saveFollowUpPlan(commandContext(request, deps), request.params.caseId, request.body),
  );

  app.get(
    '/api/intervention-groups',
    {
      config: { access: 'case.read' },
      schema: {
        tags,
        response: {
          200: z.array(
            z.object({
              id: z.string(),
              theme: z.string(),
              capacity: z.number().int(),
              typeName: z.string(),
              startsOn: z.string(),
              figures: z.object({
                waiting: z.number().int(),
                inGroup: z.number().int(),
                freePlaces: z.number().int(),
                longestWaitDays: z.number().int().nullable(),
                medianWaitDaysOfAdmitted: z.number().nullable(),
              }),
              people: z.array(
                z.object({
                  caseId: z.string(),
                  name: z.string(),
                  addedOn: z.string(),
                  admittedOn: z.string().nullable(),
                }),
              ),
            }),
          ),
        },
      },
    },
    async (request) => listGroups(commandContext(request, deps)),
  );

  app.post(
    '/api/intervention-groups',
    {
      config: { access: 'case.write' },
      schema: {
        tags,
        body: z.object({
          typeId,
          theme: z.string().max(200),
          capacity: z.number({ error: 'Ange antalet platser.' }).int(),
          startsOn: calendarDate,
        }),
        response: created,
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createGroup(commandContext(request, deps), request.body)),
  );

  app.post(
    '/api/cases/:caseId/group-places',
    {
      config: { access: 'case.write' },
      schema: {
        tags,
        params: caseParams,
        body: z.object({
          groupId: z.string().uuid('Välj en grupp.'),
          action: z.enum(['join', 'admit', 'leave']),
        }),
        response: { 200: z.object({ action: z.enum(['join', 'admit', 'leave']) }) },
      },
    },
    async (request) =>
      changeGroupPlace(commandContext(request, deps), request.params.caseId, request.body),
  );

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
          heldOn: z.iso.date('Ange ett datum som finns, som ÅÅÅÅ-MM-DD'),
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
