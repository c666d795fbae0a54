import { z } from 'zod';
import { caseTypes } from '../cases/catalogues';
import { childrenAnswers } from '../cases/stages';
import { practiceCheckSchema } from './feedback';

/**
 * Training mode's scenario library (catalogues/training-scenarios.json): situations drawn from
 * the reports behind Fristad, for a worker in a small municipality who meets five cases a year
 * to practise on an invented person before meeting a real one. A practice case is marked
 * everywhere and never counted in a statistic.
 */
const text = z.object({ sv: z.string().min(1), en: z.string().min(1) }).strict();

export const scenarioCatalogueSchema = z
  .object({
    version: z.string().regex(/^\d+\.\d+\.\d+$/),
    scenarios: z
      .array(
        z
          .object({
            id: z.string().regex(/^[a-z][a-z0-9-]*$/),
            title: text,
            situation: text,
            /** Steps to practise; each may name what in the case shows it was done. */
            practise: z
              .array(z.object({ text, checks: z.array(practiceCheckSchema).default([]) }).strict())
              .min(1),
            caseType: z.enum(caseTypes.map((type) => type.code) as [string, ...string[]]),
            hrv: z.boolean(),
            childrenAnswer: z.enum(childrenAnswers).nullable(),
            person: z
              .object({ givenName: z.string().min(1), familyName: z.string().min(1) })
              .strict(),
            /** Where in the reports the situation comes from. */
            source: z.string().min(1),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();
export type ScenarioCatalogue = z.infer<typeof scenarioCatalogueSchema>;
