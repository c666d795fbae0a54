import { z } from 'zod';
import { isLegalReference } from '../law/legal-references';

/**
 * Checklists for rare and urgent situations (catalogues/checklists.json): a worker in a small
 * municipality may meet honour-related violence or an acute placement once in years, so what to
 * remember is written down once, as data (digest 000: checklists are needed for rare cases).
 */
const text = z.object({ sv: z.string().min(1), en: z.string().min(1) }).strict();

export const checklistSchema = z
  .object({
    id: z.string().regex(/^[a-z][A-Za-z0-9]*$/),
    title: text,
    when: text,
    items: z
      .array(
        z
          .object({
            id: z.string().regex(/^[a-z][A-Za-z0-9]*$/),
            text,
            /** What the step rests on in law, as law catalogue ids. */
            legalReferences: z
              .array(z.string().refine(isLegalReference, { message: 'not in the law catalogue' }))
              .default([]),
          })
          .strict(),
      )
      .min(1),
  })
  .strict()
  .superRefine((checklist, context) => {
    const seen = new Set<string>();
    checklist.items.forEach((item, index) => {
      if (seen.has(item.id))
        context.addIssue({
          code: 'custom',
          path: ['items', index, 'id'],
          message: `duplicate item "${item.id}"`,
        });
      seen.add(item.id);
    });
  });

export const checklistCatalogueSchema = z
  .object({
    version: z.string().regex(/^\d+\.\d+\.\d+$/),
    checklists: z.array(checklistSchema).min(1),
  })
  .strict();

export type Checklist = z.infer<typeof checklistSchema>;
export type ChecklistCatalogue = z.infer<typeof checklistCatalogueSchema>;
