import { z } from 'zod';
import { indicatorIds } from '../../../domain/indicators/definitions';
import { calendarDate } from '../calendar-date';

export const tags = ['nyckeltal'];

export const periodQuery = z.object({ from: calendarDate, to: calendarDate });
export const exportQuery = periodQuery.extend({
  format: z.enum(['csv', 'xlsx']).default('xlsx'),
  lang: z.enum(['sv', 'en']).default('sv'),
});

const figure = z.object({
  id: z.enum(indicatorIds),
  count: z.number().nullable(),
  base: z.number().nullable(),
  value: z.number().nullable(),
});
const releasedFigure = figure.extend({ suppressed: z.boolean() });

export const ownResponse = z.object({
  period: periodQuery,
  catalogueVersion: z.string(),
  organisation: z.object({ name: z.string(), kind: z.string(), adults: z.number().nullable() }),
  mayPublish: z.boolean(),
  publishedAt: z.string().nullable(),
  levels: z.array(
    z.object({ unitId: z.string().nullable(), name: z.string(), figures: z.array(figure) }),
  ),
});

export const countyResponse = z.object({
  period: periodQuery,
  county: z.object({ name: z.string(), code: z.string() }),
  municipalities: z.array(
    z.object({
      organisationId: z.string(),
      name: z.string(),
      publishedAt: z.string(),
      publishedBy: z.string(),
      figures: z.array(releasedFigure),
    }),
  ),
  totals: z.array(figure.extend({ withheldIn: z.number().int() })),
});

const text = z.object({ sv: z.string(), en: z.string() });
export const definitionsResponse = z.object({
  version: z.string(),
  suppressBelow: z.number().int(),
  indicators: z.array(
    z.object({
      id: z.enum(indicatorIds),
      group: z.string(),
      measure: z.string(),
      label: text,
      description: text,
    }),
  ),
});
