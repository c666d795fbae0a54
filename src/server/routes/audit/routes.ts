import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { protectionLevels } from '../../../domain/identity/protected-identity';
import { readAuditLog } from '../../commands/audit-log';
import { commandContext } from '../../http/command-context';
import type { AppDeps } from '../../http/context';

const tags = ['logg'];

const auditQuery = z
  .object({
    personId: z.string().uuid().nullable().default(null),
    userId: z.string().uuid().nullable().default(null),
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

/** Audit log review: events per person or per user, masked like every other view. */
export const registerAuditRoutes = (instance: FastifyInstance, deps: AppDeps) => {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/audit/events',
    {
      config: { access: 'audit.read' },
      schema: { tags, querystring: auditQuery, response: { 200: z.array(auditEntry) } },
    },
    async (request) =>
      readAuditLog(commandContext(request, deps), {
        personId: request.query.personId,
        actorUserId: request.query.userId,
        from: request.query.from,
        to: request.query.to,
        limit: request.query.limit,
      }),
  );
};
