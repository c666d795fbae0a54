import { z } from 'zod';

/**
 * The shared factor vocabulary (instruments/common-factors.json). Every instrument maps its
 * items onto these codes, so FREDA, SARA:SV and a police assessment can be read side by side
 * (digest 000: police and social services do not understand each other's instruments).
 */
const text = z.object({ sv: z.string().min(1), en: z.string().min(1) }).strict();

export const factorVocabularySchema = z
  .object({
    version: z.string().regex(/^\d+\.\d+\.\d+$/),
    groups: z.array(z.object({ code: z.string(), label: text }).strict()).min(1),
    factors: z
      .array(z.object({ code: z.string(), group: z.string(), label: text }).strict())
      .min(1),
  })
  .strict()
  .superRefine((vocabulary, context) => {
    const groups = new Set(vocabulary.groups.map((group) => group.code));
    const seen = new Set<string>();
    vocabulary.factors.forEach((factor, index) => {
      if (!groups.has(factor.group))
        context.addIssue({
          code: 'custom',
          path: ['factors', index, 'group'],
          message: `unknown group "${factor.group}"`,
        });
      if (seen.has(factor.code))
        context.addIssue({
          code: 'custom',
          path: ['factors', index, 'code'],
          message: `duplicate factor "${factor.code}"`,
        });
      seen.add(factor.code);
    });
  });

export type FactorVocabulary = z.infer<typeof factorVocabularySchema>;
