/**
 * The indicators' contract: what the routes accept and answer, and the types the web app reads
 * them with, written once.
 */
import { z } from 'zod';
import { indicatorGroups, indicatorIds, measures } from '../domain/indicators/definitions';
import { calendarDate } from './calendar-date';

export const periodQuery = z.object({ from: calendarDate, to: calendarDate });
export const exportQuery = periodQuery.extend({
  format: z.enum(['csv', 'xlsx']).default('xlsx'),
  lang: z.enum(['sv', 'en']).default('sv'),
});

export const figure = z.object({
  id: z.enum(indicatorIds),
  definitionVersion: z.number().int(),
  count: z.number().nullable(),
  base: z.number().nullable(),
  value: z.number().nullable(),
});
export const releasedFigure = figure.extend({ suppressed: z.boolean() });

export const ownResponse = z.object({
  period: periodQuery,
  catalogueVersion: z.string(),
  organisation: z.object({ name: z.string(), kind: z.string(), adults: z.number().nullable() }),
  mayPublish: z.boolean(),
  publishedAt: z.string().nullable(),
  /** What was handed to the county for the period, as computed then: read beside today's. */
  published: z
    .object({
      publishedAt: z.string(),
      catalogueVersion: z.string(),
      figures: z.array(releasedFigure),
    })
    .nullable(),
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
  totals: z.array(
    figure.extend({ withheldIn: z.number().int(), olderDefinitionIn: z.number().int() }),
  ),
});

const text = z.object({ sv: z.string(), en: z.string() });
export const definitionsResponse = z.object({
  version: z.string(),
  suppressBelow: z.number().int(),
  indicators: z.array(
    z.object({
      id: z.enum(indicatorIds),
      group: z.enum(indicatorGroups),
      measure: z.enum(measures),
      definitionVersion: z.number().int(),
      label: text,
      description: text,
      source: z.object({
        kind: z.enum(['official', 'own']),
        publisher: z.string(),
        title: z.string(),
        url: z.string().optional(),
        published: z.string().optional(),
        wording: z.string(),
        checkedOn: z.string(),
      }),
      earlier: z.array(
        z.object({ version: z.number().int(), description: text, replacedBecause: text }),
      ),
    }),
  ),
});

export type Definitions = z.infer<typeof definitionsResponse>;
export type IndicatorDefinition = Definitions['indicators'][number];
export type OwnIndicators = z.infer<typeof ownResponse>;
export type CountyIndicators = z.infer<typeof countyResponse>;
/** A figure as any of the answers carries it: computed, released (maybe withheld) or a total. */
export type AnyFigure = z.infer<typeof figure> & {
  suppressed?: boolean;
  withheldIn?: number;
  olderDefinitionIn?: number;
};
