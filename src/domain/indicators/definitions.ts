import { z } from 'zod';
import { caseTypes } from '../cases/catalogues';

/**
 * Indicator definitions (catalogues/indicators.json): what each figure counts, said in plain
 * words, so a coordinator can check a number against its description and a county can trust
 * that "ärenden" means the same in every municipality (digest 004: results could not be
 * compared). The arithmetic is in compute.ts, keyed by id; the two are tested to match.
 */
const text = z.object({ sv: z.string().min(1), en: z.string().min(1) }).strict();

export const indicatorIds = [
  'actualisedCases',
  'casesWithIntervention',
  'closedGoalReached',
  'screeningCoverage',
  'standardisedRiskAssessment',
  'overdueReassessments',
  'overduePlanReviews',
  'childrenWithoutInvestigation',
  'interventionWaitDays',
  'placementsStarted',
  'placementLength',
  'unmetHousingNeeds',
  'saferByOwnRating',
  'noViolenceByOwnRating',
  'childCasesActualised',
  'childInvestigationsOpened',
  'childCasesWithIntervention',
] as const;
export type IndicatorId = (typeof indicatorIds)[number];

export const indicatorGroups = [
  'kolada',
  'identification',
  'risk',
  'children',
  'housing',
  'outcome',
] as const;

/**
 * per10k: a count per 10,000 adult inhabitants (a count where no population applies, as for a
 * unit); share: a part of a whole; count: a number; medianDays: the median of a set of lengths.
 */
export const measures = ['per10k', 'share', 'count', 'medianDays'] as const;
export type Measure = (typeof measures)[number];

const caseTypeCodes = caseTypes.map((type) => type.code) as [string, ...string[]];
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/**
 * Where a definition comes from. An official one (Kolada's key figures) names the publisher,
 * the page, the publisher's own wording in short and the day it was last checked against it;
 * Fristad's own figures name what they rest on (a report, a regulation) the same way, so a
 * county reading a number can tell a national definition from a local one.
 */
const sourceSchema = z
  .object({
    kind: z.enum(['official', 'own']),
    publisher: z.string().min(1),
    title: z.string().min(1),
    url: z.string().url().optional(),
    published: isoDay.optional(),
    /** The source's own wording, in short (Swedish, as published). */
    wording: z.string().min(1),
    checkedOn: isoDay,
  })
  .strict();

/** An earlier definition of the same figure, kept so figures computed under it can be read. */
const earlierDefinitionSchema = z
  .object({
    version: z.number().int().min(1),
    caseTypes: z.array(z.enum(caseTypeCodes)).min(1).optional(),
    description: text,
    /** What changed when it was replaced, and why. */
    replacedBecause: text,
  })
  .strict();

export const indicatorDefinitionSchema = z
  .object({
    id: z.enum(indicatorIds),
    group: z.enum(indicatorGroups),
    measure: z.enum(measures),
    /** The case types counted, where the figure is about cases. */
    caseTypes: z.array(z.enum(caseTypeCodes)).min(1).optional(),
    /**
     * Raised whenever what is counted changes. A figure carries the version it was computed
     * under, so a figure handed to the county keeps its meaning after the definition changes.
     */
    definitionVersion: z.number().int().min(1),
    label: text,
    description: text,
    source: sourceSchema,
    earlier: z.array(earlierDefinitionSchema).default([]),
  })
  .strict()
  .refine(
    (definition) =>
      definition.earlier.every((earlier) => earlier.version < definition.definitionVersion),
    { message: 'an earlier definition must have a lower version', path: ['earlier'] },
  );
export type IndicatorDefinition = z.infer<typeof indicatorDefinitionSchema>;

export const indicatorCatalogueSchema = z
  .object({
    version: z.string().regex(/^\d+\.\d+\.\d+$/),
    /** Counts from 1 up to this (exclusive) are never shown outside the organisation. */
    suppressBelow: z.number().int().min(2),
    indicators: z.array(indicatorDefinitionSchema),
  })
  .strict()
  .superRefine((catalogue, context) => {
    const ids = catalogue.indicators.map((indicator) => indicator.id);
    for (const id of indicatorIds)
      if (ids.filter((candidate) => candidate === id).length !== 1)
        context.addIssue({
          code: 'custom',
          path: ['indicators'],
          message: `indicator "${id}" must be defined exactly once`,
        });
  });
export type IndicatorCatalogue = z.infer<typeof indicatorCatalogueSchema>;
