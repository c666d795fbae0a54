import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { protectionLevels } from '../../../domain/identity/protected-identity';
import { readAuditLog, readLogReviews, signLogReview } from './audit-log';
import { logReviewScopes } from '../../../domain/audit/log-review';
import { commandContext } from '../../platform/http/command-context';
import type { AppDeps } from '../../platform/http/context';

const tags = ['logg'];

const auditQuery = z
  .object({
    personId: z.string().uuid().nullable().default(null),
    userId: z.string().uuid().nullable().default(null),
    caseId: z.string().uuid().nullable().default(null),
    focus: z.enum(['protectedPersons', 'breakGlass']).nullable().default(null),
    from: z.coerce.date().default(() => new Date(0)),
    to: z.coerce.date().default(() => new Date('9999-12-31')),
    limit: z.coerce.number().int().min(1).max(1000).default(200),
  })
  .refine((query) => query.from < query.to, {
    message: 'Från-datum måste ligga före till-datum',
    path: ['from'],
  });

const auditEntry = z.object({
  id: z.string(),
  occurredAt: z.string(),
  type: z.string(),
  outcome: z.string(),
  reason: z.string().nullable(),
  breakGlass: z.boolean(),
  actor: z.object({ id: z.string(), name: z.string() }).nullable(),
  person: z
    .object({
      id: z.string(),
      name: z.string().nullable(),
      personalNumber: z.string().nullable(),
      protectionLevel: z.enum(protectionLevels),
    })
    .nullable(),
  details: z.record(z.string(), z.unknown()),
});

const signOffBody = z.object({
  scope: z.enum(logReviewScopes),
  subjectId: z.string().uuid().nullable().default(null),
  periodFrom: z.iso.date('Ange ett datum (ÅÅÅÅ-MM-DD).'),
  periodTo: z.iso.date('Ange ett datum (ÅÅÅÅ-MM-DD).'),
  findings: z.string().max(4000),
  deviations: z.boolean(),
});

const signedReview = z.object({
  id: z.string(),
  scope: z.enum(logReviewScopes),
  subjectId: z.string().nullable(),
  periodFrom: z.string(),
  periodTo: z.string(),
  eventsReviewed: z.number().int(),
  findings: z.string(),
  deviations: z.boolean(),
  signedAt: z.string(),
  reviewedByName: z.string(),
});

/**
 * Audit log review: events per person, per record, per user, or targeted at protected persons
 * and break-glass; masked like every other view; reviews signed with their findings.
 */
export const registerAuditRoutes = (instance: FastifyInstance, deps: AppDeps) => {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/audit/events',
    {
      config: { access: 'audit.read' },
      schema: {
        tags,
        querystring: auditQuery,
        response: { 200: z.object({ total: z.number().int(), events: z.array(auditEntry) }) },
      },
    },
    async (request) =>
      readAuditLog(commandContext(request, deps), {
        personId: request.query.personId,
        actorUserId: request.query.userId,
        caseId: request.query.caseId,
        focus: request.query.focus,
        from: request.query.from,
        to: request.query.to,
        limit: request.query.limit,
      }),
  );

  app.get(
    '/api/audit/reviews',
    {
      config: { access: 'audit.read' },
      schema: { tags, response: { 200: z.array(signedReview) } },
    },
    async (request) => readLogReviews(commandContext(request, deps)),
  );

  app.post(
    '/api/audit/reviews',
    {
      config: { access: 'audit.read' },
      schema: {
        tags,
        body: signOffBody,
        response: { 201: z.object({ id: z.string(), eventsReviewed: z.number().int() }) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await signLogReview(commandContext(request, deps), request.body)),
  );
};
