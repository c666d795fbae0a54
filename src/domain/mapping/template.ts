import { z } from 'zod';
import { indicatorIds } from '../indicators/definitions';

/**
 * Questionnaire templates for county mapping rounds (kartläggning), as data
 * (catalogues/mapping-templates.json). Shipped: the Västernorrland structure — five sections,
 * the 0–10 scale with its anchor texts and three open questions (digest 001) — and an
 * Östergötland-style indicator catalogue (digest 004). A county can add its own.
 */
const text = z.object({ sv: z.string().min(1), en: z.string().min(1) }).strict();
const option = z.object({ code: z.string().min(1), sv: z.string().min(1), en: z.string().min(1) });

export const answerKinds = ['number', 'yesNoPartial', 'multi', 'text'] as const;
const answerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('number') }).strict(),
  z.object({ kind: z.literal('yesNoPartial') }).strict(),
  z.object({ kind: z.literal('multi'), options: z.array(option).min(2) }).strict(),
  z.object({ kind: z.literal('text') }).strict(),
]);

const itemSchema = z
  .object({
    id: z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/),
    text,
    answer: answerSchema,
    /** A Fristad indicator shown beside the item, and filled in where the item is a number. */
    prefill: z.enum(indicatorIds).optional(),
    /** Ask where a number comes from (case system, own count, an estimate). */
    askSource: z.boolean().default(false),
  })
  .strict();
export type MappingItem = z.infer<typeof itemSchema>;

export const openQuestionIds = ['works', 'next', 'countySupport'] as const;
export type OpenQuestionId = (typeof openQuestionIds)[number];

const templateSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/),
    name: text,
    source: z.string().min(1),
    sections: z
      .array(z.object({ id: z.string().min(1), title: text, items: z.array(itemSchema).min(1) }))
      .min(1),
    scale: z
      .object({
        question: text,
        min: z.literal(0),
        max: z.literal(10),
        high: text,
        low: text,
      })
      .strict()
      .optional(),
    openQuestions: z
      .array(z.object({ id: z.enum(openQuestionIds), text, reportHeading: text }).strict())
      .optional(),
  })
  .strict();
export type MappingTemplate = z.infer<typeof templateSchema>;

export const mappingCatalogueSchema = z
  .object({
    version: z.string().regex(/^\d+\.\d+\.\d+$/),
    participantRoles: z.array(option).min(1),
    themes: z.array(option).min(1),
    templates: z.array(templateSchema).min(1),
  })
  .strict()
  .superRefine((catalogue, context) => {
    const seen = new Set<string>();
    catalogue.templates.forEach((template, index) => {
      if (seen.has(template.id))
        context.addIssue({
          code: 'custom',
          path: ['templates', index, 'id'],
          message: `duplicate template "${template.id}"`,
        });
      seen.add(template.id);
      const items = template.sections.flatMap((section) => section.items.map((item) => item.id));
      const duplicate = items.find((id, position) => items.indexOf(id) !== position);
      if (duplicate)
        context.addIssue({
          code: 'custom',
          path: ['templates', index, 'sections'],
          message: `duplicate item "${duplicate}"`,
        });
    });
  });
export type MappingCatalogue = z.infer<typeof mappingCatalogueSchema>;

export const itemsOf = (template: MappingTemplate) =>
  template.sections.flatMap((section) => section.items);
