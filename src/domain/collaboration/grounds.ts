import { z } from 'zod';
import type { FieldProblem } from '../field-issues';
import { isLegalReference } from '../law/legal-references';

/**
 * Legal grounds for disclosing information across a secrecy border (catalogues/disclosure-grounds.json).
 * Digest 000: staff who do not know what they may share share nothing. Each ground says, in plain
 * Swedish, when it can be used; the catalogue is versioned so a disclosure records the wording
 * that was in force when it was decided.
 */
const text = z.object({ sv: z.string().min(1), en: z.string().min(1) }).strict();

/** Who receives: another secrecy area inside the authority, or an outside body. */
export const recipientKinds = [
  'internal',
  'socialServices',
  'police',
  'healthCare',
  'prosecutorOrCourt',
  'other',
] as const;
export type RecipientKind = (typeof recipientKinds)[number];

export const groundSchema = z
  .object({
    code: z.string().regex(/^[a-z][A-Za-z0-9]*$/),
    /** The provisions it rests on, as law catalogue ids; resolved for the day of a disclosure. */
    legalReferences: z.array(
      z.string().refine(isLegalReference, { message: 'not in the law catalogue' }),
    ),
    title: text,
    /** When the ground can be used, said to a case worker without a lawyer at hand. */
    guidance: text,
    /** Recipients the ground allows; empty means any recipient. */
    recipientKinds: z.array(z.enum(recipientKinds)),
    requires: z
      .object({
        /** A consent on record that covers the recipient (osl.consent). */
        consent: z.boolean().default(false),
        /** The person is younger than this many years (osl.youngPersonCrimePrevention: 21). */
        subjectUnderAge: z.number().int().positive().optional(),
        /** The information concerns a child (duty to report). */
        concernsChild: z.boolean().default(false),
        /** The decision maker must write down the assessment (harm or necessity test). */
        assessmentNote: z.boolean(),
        /** The decision maker must name the provision (the "other" ground). */
        provisionText: z.boolean().default(false),
      })
      .strict(),
    /** What is unverified about the wording; shown to administrators, not hidden. */
    sourceNote: z.string().optional(),
  })
  .strict();

export const groundCatalogueSchema = z
  .object({ version: z.string().regex(/^\d+\.\d+\.\d+$/), grounds: z.array(groundSchema).min(1) })
  .strict()
  .superRefine((catalogue, context) => {
    const seen = new Set<string>();
    catalogue.grounds.forEach((ground, index) => {
      if (seen.has(ground.code))
        context.addIssue({
          code: 'custom',
          path: ['grounds', index, 'code'],
          message: `duplicate ground "${ground.code}"`,
        });
      seen.add(ground.code);
    });
  });

export type DisclosureGround = z.infer<typeof groundSchema>;
export type DisclosureGroundCatalogue = z.infer<typeof groundCatalogueSchema>;

/** What is known about a planned disclosure when the grounds are weighed. */
export type DisclosureSituation = {
  recipientKind: RecipientKind;
  /** The person's age in whole years, or null when unknown (no personnummer). */
  subjectAge: number | null;
  /** A consent on record covers this recipient now. */
  consentCovers: boolean;
  concernsChild: boolean;
};

export type GroundApplicability = {
  code: string;
  applies: boolean;
  /** Why the ground cannot be used here, in plain Swedish; null when it can. */
  whyNotSv: string | null;
  whyNotEn: string | null;
};

const whyNot = (
  ground: DisclosureGround,
  situation: DisclosureSituation,
): { sv: string; en: string } | null => {
  if (ground.recipientKinds.length > 0 && !ground.recipientKinds.includes(situation.recipientKind))
    return {
      sv: 'Gäller inte den här mottagaren.',
      en: 'Does not apply to this recipient.',
    };
  if (ground.requires.consent && !situation.consentCovers)
    return {
      sv: 'Det finns inget gällande samtycke som omfattar mottagaren.',
      en: 'No valid consent on record covers the recipient.',
    };
  const limit = ground.requires.subjectUnderAge;
  if (limit !== undefined && (situation.subjectAge === null || situation.subjectAge >= limit))
    return {
      sv: `Gäller bara personer under ${limit} år.`,
      en: `Applies only to persons under ${limit}.`,
    };
  if (ground.requires.concernsChild && !situation.concernsChild)
    return {
      sv: 'Gäller bara uppgifter om barn.',
      en: 'Applies only to information about a child.',
    };
  return null;
};

/** Every ground with whether it could apply here and, if not, why: the "which grounds could apply" view. */
export const weighGrounds = (
  catalogue: DisclosureGroundCatalogue,
  situation: DisclosureSituation,
): GroundApplicability[] =>
  catalogue.grounds.map((ground) => {
    const reason = whyNot(ground, situation);
    return {
      code: ground.code,
      applies: reason === null,
      whyNotSv: reason?.sv ?? null,
      whyNotEn: reason?.en ?? null,
    };
  });

/** The shortest assessment that says something: "ok" or "se ovan" is not an assessment. */
export const assessmentNoteMinLength = 20;

export type DisclosureDecision = {
  groundCode: string | null;
  assessmentNote: string;
  provisionText: string;
};

export type { FieldProblem };

/**
 * Checks a disclosure decision: a ground is chosen, it applies to the situation, and the
 * assessment and provision it needs are written. Returns the problems by field (empty: lawful).
 */
export const checkDisclosure = (
  catalogue: DisclosureGroundCatalogue,
  situation: DisclosureSituation,
  decision: DisclosureDecision,
): FieldProblem[] => {
  if (!decision.groundCode)
    return [
      {
        field: 'groundCode',
        message:
          'Välj vilket lagrum som gör att uppgifterna får lämnas ut. Utan lagrum lämnas inget ut.',
        code: 'required',
      },
    ];
  const ground = catalogue.grounds.find((entry) => entry.code === decision.groundCode);
  if (!ground)
    return [{ field: 'groundCode', message: 'Lagrummet finns inte i katalogen.', code: 'notAnId' }];
  const reason = whyNot(ground, situation);
  if (reason)
    return [
      {
        field: 'groundCode',
        message: `${ground.title.sv}: ${reason.sv}`,
        code: 'groundDoesNotApply',
      },
    ];
  const problems: FieldProblem[] = [];
  if (
    ground.requires.assessmentNote &&
    decision.assessmentNote.trim().length < assessmentNoteMinLength
  )
    problems.push({
      field: 'assessmentNote',
      message: `Skriv din bedömning (minst ${assessmentNoteMinLength} tecken): varför uppgifterna behöver lämnas och varför det inte skadar personen eller någon närstående.`,
      code: 'tooShort',
      limit: assessmentNoteMinLength,
    });
  if (ground.requires.provisionText && decision.provisionText.trim().length < 3)
    problems.push({
      field: 'provisionText',
      message: 'Ange vilket lagrum du stödjer dig på.',
      code: 'required',
    });
  return problems;
};
