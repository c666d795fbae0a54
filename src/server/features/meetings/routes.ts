import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { meetingCriteria, meetingKinds } from '../../../domain/collaboration/meetings';
import { addMeetingAction, completeMeetingAction } from './meeting-actions';
import { addMeetingItem, addMeetingNote } from './meeting-agenda';
import { createMeeting, saveMinutes } from './meeting-commands';
import { listMeetings, readMeeting } from './meeting-queries';
import { addSipCommitment, readSip, saveSip } from '../collaboration/sip-commands';
import { recipientKinds } from '../../../domain/collaboration/grounds';
import { caseParams } from '../../../contract/cases';
import { commandContext } from '../../platform/http/command-context';
import type { AppDeps } from '../../platform/http/context';
import { calendarDate } from '../../../contract/calendar-date';

const tags = ['samverkansmöten'];
const meetingParams = z.object({ meetingId: z.string().uuid('Ogiltigt id') });
const itemParams = z.object({ itemId: z.string().uuid('Ogiltigt id') });
const created = { 201: z.object({ id: z.string() }) };

const meetingDetail = z.object({
  id: z.string(),
  kind: z.enum(meetingKinds),
  title: z.string(),
  heldOn: z.string(),
  hosted: z.boolean(),
  chairs: z.boolean(),
  participants: z.array(z.string()),
  minutes: z.string().nullable(),
  version: z.number().int(),
  items: z.array(
    z.object({
      id: z.string(),
      pseudonym: z.string(),
      name: z.string().nullable(),
      namesAllowed: z.boolean(),
      caseId: z.string().nullable(),
      criteria: z.array(z.string()),
      rationale: z.string(),
      repeat: z.boolean(),
      notes: z.array(
        z.object({
          id: z.string(),
          organisation: z.string(),
          author: z.string(),
          body: z.string(),
          writtenAt: z.string(),
        }),
      ),
      actions: z.array(
        z.object({
          id: z.string(),
          ownerAgency: z.string(),
          description: z.string(),
          dueOn: z.string(),
          done: z.boolean(),
          overdue: z.boolean(),
          version: z.number().int(),
        }),
      ),
    }),
  ),
});

/** Collaboration meetings: agencies, cases by pseudonym, what each agency knows, the action plan. */
export const registerMeetingRoutes = (instance: FastifyInstance, deps: AppDeps) => {
  const app = instance.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/meetings',
    {
      config: { access: 'case.read' },
      schema: {
        tags,
        response: {
          200: z.array(
            z.object({
              id: z.string(),
              kind: z.enum(meetingKinds),
              title: z.string(),
              heldOn: z.string(),
              hosted: z.boolean(),
            }),
          ),
        },
      },
    },
    async (request) => listMeetings(commandContext(request, deps)),
  );

  app.post(
    '/api/meetings',
    {
      config: { access: 'case.write' },
      schema: {
        tags,
        body: z.object({
          unitId: z.string().uuid('Välj enhet'),
          kind: z.enum(meetingKinds).default('collaboration'),
          title: z.string().max(200),
          heldOn: calendarDate,
          participantOrganisationIds: z.array(z.string().uuid()).max(30).default([]),
        }),
        response: created,
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createMeeting(commandContext(request, deps), request.body)),
  );

  app.get(
    '/api/meetings/:meetingId',
    {
      config: { access: 'case.read' },
      schema: { tags, params: meetingParams, response: { 200: meetingDetail } },
    },
    async (request) => readMeeting(commandContext(request, deps), request.params.meetingId),
  );

  app.post(
    '/api/meetings/:meetingId/items',
    {
      config: { access: 'case.write' },
      schema: {
        tags,
        params: meetingParams,
        body: z.object({
          caseId: z.string().uuid('Välj ärende'),
          criteria: z.array(z.enum(meetingCriteria)).max(meetingCriteria.length).default([]),
          rationale: z.string().max(4000),
          groundCode: z.string().max(100).nullable().default(null),
          assessmentNote: z.string().max(4000).default(''),
        }),
        response: created,
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await addMeetingItem(
            commandContext(request, deps),
            request.params.meetingId,
            request.body,
          ),
        ),
  );

  app.post(
    '/api/meeting-items/:itemId/notes',
    {
      config: { access: 'case.read' },
      schema: {
        tags,
        params: itemParams,
        body: z.object({ body: z.string().max(4000) }),
        response: created,
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await addMeetingNote(commandContext(request, deps), request.params.itemId, request.body),
        ),
  );

  app.post(
    '/api/meeting-items/:itemId/actions',
    {
      config: { access: 'case.write' },
      schema: {
        tags,
        params: itemParams,
        body: z.object({
          ownerAgency: z.string().max(200),
          description: z.string().max(2000),
          dueOn: calendarDate,
        }),
        response: created,
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await addMeetingAction(
            commandContext(request, deps),
            request.params.itemId,
            request.body,
          ),
        ),
  );

  app.post(
    '/api/meeting-actions/:actionId/done',
    {
      config: { access: 'case.write' },
      schema: {
        tags,
        params: z.object({ actionId: z.string().uuid('Ogiltigt id') }),
        body: z.object({ version: z.number().int().positive() }),
        response: { 200: z.object({ id: z.string() }) },
      },
    },
    async (request) =>
      completeMeetingAction(commandContext(request, deps), request.params.actionId, request.body),
  );

  app.put(
    '/api/meetings/:meetingId/minutes',
    {
      config: { access: 'case.write' },
      schema: {
        tags,
        params: meetingParams,
        body: z.object({ minutes: z.string().max(20000), version: z.number().int().positive() }),
        response: { 200: z.object({ version: z.number().int() }) },
      },
    },
    async (request) =>
      saveMinutes(commandContext(request, deps), request.params.meetingId, request.body),
  );

  // Chosen with the recipient picker: a unit or organisation by id, an outside agency in words.
  const sipParticipant = z.object({
    kind: z.enum(recipientKinds),
    organisationId: z.string().uuid().nullable().default(null),
    unitId: z.string().uuid().nullable().default(null),
    label: z.string().trim().min(2, 'Skriv verksamhetens namn').max(200),
  });
  const sipResponse = z
    .object({
      id: z.string(),
      participants: z.array(sipParticipant),
      coordinatorAgency: z.string(),
      goal: z.string(),
      followUpOn: z.string(),
      version: z.number().int(),
      commitments: z.array(
        z.object({
          id: z.string(),
          agency: z.string(),
          what: z.string(),
          dueOn: z.string(),
          done: z.boolean(),
          version: z.number().int(),
        }),
      ),
    })
    .nullable();

  app.get(
    '/api/cases/:caseId/sip',
    {
      config: { access: 'case.read' },
      schema: { tags: ['sip'], params: caseParams, response: { 200: sipResponse } },
    },
    async (request) => readSip(commandContext(request, deps), request.params.caseId),
  );

  app.put(
    '/api/cases/:caseId/sip',
    {
      config: { access: 'case.write' },
      schema: {
        tags: ['sip'],
        params: caseParams,
        body: z.object({
          participants: z.array(sipParticipant).max(10),
          coordinatorAgency: z.string().max(200),
          goal: z.string().max(4000),
          followUpOn: calendarDate,
          version: z.number().int().min(0).default(0),
        }),
        response: { 200: sipResponse },
      },
    },
    async (request) => saveSip(commandContext(request, deps), request.params.caseId, request.body),
  );

  app.post(
    '/api/cases/:caseId/sip/commitments',
    {
      config: { access: 'case.write' },
      schema: {
        tags: ['sip'],
        params: caseParams,
        body: z.object({
          agency: z.string().max(200),
          what: z.string().max(2000),
          dueOn: calendarDate,
        }),
        response: { 201: sipResponse },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await addSipCommitment(
            commandContext(request, deps),
            request.params.caseId,
            request.body,
          ),
        ),
  );
};
