import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ping } from '../db/database';
import type { AppDeps } from './context';

export const registerHealthRoutes = (app: FastifyInstance, deps: AppDeps) => {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/health',
    {
      config: { access: 'public' },
      schema: { response: { 200: z.object({ status: z.literal('ok') }) }, tags: ['drift'] },
    },
    async () => {
      await ping(deps.db);
      return { status: 'ok' as const };
    },
  );
};
