import { z } from 'zod';

/**
 * The measure catalogue (catalogues/measures.json): what can be done to manage a risk, grouped
 * by strategy as in structured risk management (monitoring, supervision, treatment, victim
 * safety planning). Each measure says who usually owns it and what it needs, so a worker in a
 * small municipality sees at once whom to call and what must be in place.
 */
const text = z.object({ sv: z.string().min(1), en: z.string().min(1) }).strict();

export const strategies = ['monitoring', 'supervision', 'treatment', 'victimSafety'] as const;
export const owners = [
  'socialServices',
  'police',
  'prosecutor',
  'region',
  'school',
  'housingCompany',
  'shelter',
  'taxAgency',
  'victim',
] as const;
export const needs = ['decision', 'consent', 'application'] as const;

export const measureSchema = z
  .object({
    code: z.string().regex(/^[a-z][A-Za-z0-9]*$/),
    label: text,
    strategy: z.enum(strategies),
    usualOwner: z.enum(owners),
    needs: z.array(z.enum(needs)),
    /** Counts as protection now when the risk is high (under-provision warning). */
    protective: z.boolean(),
    /** A far-reaching measure that should match a high assessed risk (over-provision warning). */
    intensive: z.boolean(),
    /** Meant for a child (e.g. a school safety plan). */
    forChild: z.boolean().default(false),
  })
  .strict();

export const measureCatalogueSchema = z
  .object({ version: z.string().regex(/^\d+\.\d+\.\d+$/), measures: z.array(measureSchema).min(1) })
  .strict()
  .superRefine((catalogue, context) => {
    const seen = new Set<string>();
    catalogue.measures.forEach((measure, index) => {
      if (seen.has(measure.code))
        context.addIssue({
          code: 'custom',
          path: ['measures', index, 'code'],
          message: `duplicate measure "${measure.code}"`,
        });
      seen.add(measure.code);
    });
  });

export type Measure = z.infer<typeof measureSchema>;
export type MeasureCatalogue = z.infer<typeof measureCatalogueSchema>;

/**
 * The catalogue an organisation works with: the default without the measures it has switched
 * off, followed by its own local measures.
 */
export const effectiveMeasures = (
  defaults: readonly Measure[],
  settings: readonly { code: string; enabled: boolean; custom: Measure | null }[],
): (Measure & { custom: boolean; enabled: boolean })[] => {
  const setting = new Map(settings.map((entry) => [entry.code, entry]));
  const shipped = defaults.map((measure) => ({
    ...measure,
    custom: false,
    enabled: setting.get(measure.code)?.enabled ?? true,
  }));
  const local = settings.flatMap((entry) =>
    entry.custom && !defaults.some((measure) => measure.code === entry.code)
      ? [{ ...entry.custom, custom: true, enabled: entry.enabled }]
      : [],
  );
  return [...shipped, ...local];
};
