import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  anonymisedCaseRows,
  countyIndicators,
  ownIndicators,
  publishIndicators,
  releasedIndicators,
} from './indicator-commands';
import { tableToCsv, tablesToXlsx, type ExportTable } from '../../platform/documents/table-export';
import { commandContext } from '../../platform/http/command-context';
import type { AppDeps } from '../../platform/http/context';
import { sendDownload } from '../../platform/http/download';
import { caseRowTable, indicatorTables } from './export-tables';
import {
  countyResponse,
  definitionsResponse,
  exportQuery,
  ownResponse,
  periodQuery,
} from '../../../contract/indicators';

const tags = ['nyckeltal'];

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** CSV holds one table (the first); XLSX holds them all, one sheet each. */
const spreadsheet = async (format: 'csv' | 'xlsx', tables: ExportTable[], name: string) =>
  format === 'csv'
    ? { type: 'text/csv; charset=utf-8', filename: `${name}.csv`, body: tableToCsv(tables[0]!) }
    : { type: xlsxType, filename: `${name}.xlsx`, body: await tablesToXlsx(tables) };

/** Indicators: the organisation's dashboard, exports, publication to the county, the county view. */
export const registerIndicatorRoutes = (instance: FastifyInstance, deps: AppDeps) => {
  const app = instance.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/indicators/definitions',
    {
      config: { access: 'statistics.read' },
      schema: { tags, response: { 200: definitionsResponse } },
    },
    async () => deps.indicators,
  );

  app.get(
    '/api/indicators',
    {
      config: { access: 'statistics.read' },
      schema: { tags, querystring: periodQuery, response: { 200: ownResponse } },
    },
    async (request) => ownIndicators(commandContext(request, deps), request.query),
  );

  app.get(
    '/api/indicators/export',
    {
      config: { access: 'statistics.read' },
      schema: {
        tags,
        querystring: exportQuery,
        produces: ['text/csv', xlsxType],
        summary: 'The figures as they may leave the organisation (small counts withheld)',
      },
    },
    async (request, reply) => {
      const { format, lang, ...period } = request.query;
      const released = await releasedIndicators(commandContext(request, deps), period, format);
      const file = await spreadsheet(
        format,
        indicatorTables(deps.indicators, released.levels, period, lang),
        `nyckeltal-${period.from}-${period.to}`,
      );
      return sendDownload(reply, file, file.body);
    },
  );

  app.get(
    '/api/indicators/case-rows',
    {
      config: { access: 'statistics.read' },
      schema: {
        tags,
        querystring: exportQuery,
        produces: ['text/csv', xlsxType],
        summary: 'Anonymised case rows for external evaluation (k-anonymous)',
      },
    },
    async (request, reply) => {
      const { format, lang, ...period } = request.query;
      const rows = await anonymisedCaseRows(commandContext(request, deps), period, format);
      const file = await spreadsheet(
        format,
        [caseRowTable(rows, lang)],
        `arenderader-${period.from}-${period.to}`,
      );
      return sendDownload(reply, file, file.body);
    },
  );

  app.post(
    '/api/indicators/publications',
    {
      config: { access: 'statistics.read' },
      schema: {
        tags,
        body: periodQuery,
        response: { 201: z.object({ id: z.string(), publishedAt: z.string() }) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await publishIndicators(commandContext(request, deps), request.body)),
  );

  app.get(
    '/api/indicators/county',
    {
      config: { access: 'statistics.read' },
      schema: { tags, querystring: periodQuery, response: { 200: countyResponse } },
    },
    async (request) => countyIndicators(commandContext(request, deps), request.query),
  );
};
