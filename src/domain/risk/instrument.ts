import { z } from 'zod';

/**
 * The instrument definition format. Instruments (FREDA, SARA:SV, PATRIARK …) are data: JSON files
 * in instruments/, validated against this schema when the server starts, versioned, and exported
 * as a JSON Schema (instruments/instrument.schema.json) for people who write them by hand.
 * Item labels are short paraphrased factor names, never a manual's text.
 */
const text = z.object({ sv: z.string().min(1), en: z.string().min(1) }).strict();
const code = z.string().regex(/^[a-z][A-Za-z0-9]*$/, 'camelCase code: letters and digits');

const choiceOption = z
  .object({
    code,
    label: text,
    /** Points towards the instrument's score, if it has one. */
    points: z.number().optional(),
    /** This option means "not known / insufficient information" (counts as missing). */
    unknown: z.boolean().default(false),
    /** For the common risk picture: how far this answer says the factor is present. */
    presence: z.enum(['present', 'partly', 'absent', 'unknown']).optional(),
  })
  .strict();

export const scaleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('choice'), options: z.array(choiceOption).min(2) }).strict(),
  z
    .object({
      kind: z.literal('number'),
      min: z.number(),
      max: z.number(),
      /** Whole numbers only (counts, days). */
      integer: z.boolean().default(true),
      unit: text.optional(),
    })
    .strict(),
]);

export const informationSources = [
  'victim',
  'perpetrator',
  'child',
  'records',
  'police',
  'otherAgency',
  'relative',
  'other',
] as const;

const item = z
  .object({
    id: code,
    label: text,
    scale: code,
    /** Must be answered (an explicit "unknown" counts as answered, but is listed before signing). */
    required: z.boolean().default(true),
    /** Rated separately now (current) and earlier (past), as SPJ instruments do. */
    currentAndPast: z.boolean().default(false),
    /** Short guidance in our own words on what the item is about. */
    guidance: text.optional(),
    /** Shared factor codes this item informs (instruments/common-factors.json). */
    factors: z.array(code).default([]),
  })
  .strict();

const section = z.object({ id: code, title: text, items: z.array(item).min(1) }).strict();

const judgement = z
  .object({
    id: code,
    label: text,
    scale: code,
    required: z.boolean().default(true),
    guidance: text.optional(),
  })
  .strict();

export const instrumentSchema = z
  .object({
    $schema: z.string().optional(),
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'kebab-case id'),
    /** Semantic version of this definition; a signed assessment keeps the version it used. */
    version: z.string().regex(/^\d+\.\d+\.\d+$/, 'version as major.minor.patch'),
    name: text,
    description: text,
    kind: z.enum(['screening', 'descriptive', 'actuarial', 'structuredJudgement', 'judgementOnly']),
    /** Whose situation is assessed. */
    subjects: z.array(z.enum(['victim', 'perpetrator', 'child'])).min(1),
    licence: z
      .object({
        note: text,
        /** The organisation must record its permission or licence before using it. */
        requiresPermission: z.boolean(),
        /** Users should have recorded training in it. */
        requiresTraining: z.boolean(),
      })
      .strict(),
    /** Where the structure comes from and what has not been checked against the manual. */
    sourceNote: text,
    scales: z.record(code, scaleSchema),
    sections: z.array(section),
    /** A score where the instrument has one. Nothing derives the judgement from it. */
    score: z
      .object({ method: z.literal('sumOfPoints'), label: text })
      .strict()
      .nullable(),
    judgements: z.array(judgement).min(1),
    /** Scenario-based judgements (PATRIARK, SAM): each scenario gets a description and a level. */
    scenarios: z
      .object({ levelScale: code, min: z.number().int().min(0) })
      .strict()
      .nullable(),
    /** Ask for the victim's own appraisal of the risk, on this scale. */
    victimAppraisal: z.object({ scale: code }).strict().nullable(),
  })
  .strict();

export type InstrumentDefinition = z.infer<typeof instrumentSchema>;
export type InstrumentItem = InstrumentDefinition['sections'][number]['items'][number];
export type Scale = z.infer<typeof scaleSchema>;

export type DefinitionError = { path: string; message: string };

const pathText = (path: readonly PropertyKey[]) =>
  path
    .map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`))
    .join('')
    .replace(/^\./, '');

/**
 * Reads a definition: the schema first, then the rules a schema cannot say (unique ids, every
 * scale and factor that is named exists). Every problem comes with the path where it is.
 */
export const parseInstrument = (
  json: unknown,
  knownFactors: ReadonlySet<string>,
): { ok: true; instrument: InstrumentDefinition } | { ok: false; errors: DefinitionError[] } => {
  const parsed = instrumentSchema.safeParse(json);
  if (!parsed.success)
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) => ({
        path: pathText(issue.path),
        message: issue.message,
      })),
    };
  const instrument = parsed.data;
  const errors: DefinitionError[] = [];
  const scale = (name: string, path: string) => {
    if (!(name in instrument.scales)) errors.push({ path, message: `unknown scale "${name}"` });
  };
  const seen = new Set<string>();
  instrument.sections.forEach((sectionEntry, sectionIndex) =>
    sectionEntry.items.forEach((itemEntry, itemIndex) => {
      const path = `sections[${sectionIndex}].items[${itemIndex}]`;
      if (seen.has(itemEntry.id))
        errors.push({ path: `${path}.id`, message: `duplicate item id "${itemEntry.id}"` });
      seen.add(itemEntry.id);
      scale(itemEntry.scale, `${path}.scale`);
      itemEntry.factors.forEach((factor, factorIndex) => {
        if (!knownFactors.has(factor))
          errors.push({
            path: `${path}.factors[${factorIndex}]`,
            message: `unknown factor "${factor}"`,
          });
      });
    }),
  );
  const judgementIds = new Set<string>();
  instrument.judgements.forEach((entry, index) => {
    if (judgementIds.has(entry.id))
      errors.push({
        path: `judgements[${index}].id`,
        message: `duplicate judgement id "${entry.id}"`,
      });
    judgementIds.add(entry.id);
    scale(entry.scale, `judgements[${index}].scale`);
  });
  if (instrument.scenarios) scale(instrument.scenarios.levelScale, 'scenarios.levelScale');
  if (instrument.victimAppraisal) scale(instrument.victimAppraisal.scale, 'victimAppraisal.scale');
  Object.entries(instrument.scales).forEach(([name, entry]) => {
    if (entry.kind === 'number' && entry.min > entry.max)
      errors.push({ path: `scales.${name}.min`, message: 'min is greater than max' });
    if (entry.kind === 'choice') {
      const codes = entry.options.map((option) => option.code);
      const duplicate = codes.find((option, index) => codes.indexOf(option) !== index);
      if (duplicate)
        errors.push({ path: `scales.${name}.options`, message: `duplicate option "${duplicate}"` });
    }
  });
  if (instrument.score) {
    const scored = instrument.sections
      .flatMap((entry) => entry.items)
      .some((entry) => {
        const itemScale = instrument.scales[entry.scale];
        return (
          itemScale?.kind === 'choice' &&
          itemScale.options.some((option) => option.points !== undefined)
        );
      });
    if (!scored) errors.push({ path: 'score', message: 'a score needs options with points' });
  }
  return errors.length ? { ok: false, errors } : { ok: true, instrument };
};
