import type { FastifyReply } from 'fastify';

/**
 * A file the browser saves rather than shows, never kept in a cache: printouts and exports hold
 * personal data.
 */
export const sendDownload = (
  reply: FastifyReply,
  file: { type: string; filename: string },
  body: Buffer | string,
) =>
  reply
    .type(file.type)
    .header('content-disposition', `attachment; filename="${file.filename}"`)
    .header('cache-control', 'no-store')
    .send(body);
