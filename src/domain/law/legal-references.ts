import { z } from 'zod';
import { longDate } from '../calendar';
import data from '../../../catalogues/legal-references.json';

/**
 * The law catalogue (catalogues/legal-references.json): every legal reference Fristad shows,
 * as data with its dates. A reference is a rule in plain words (the duty to report a child at
 * risk) that one or more provisions have carried over time: socialtjänstlagen (2001:453) until
 * 30 June 2025, socialtjänstlagen (2025:400) since, with later amendments from their own day.
 * What is cited is resolved for the day of the event it concerns, so a report of concern from
 * June 2025 cites the old act and one from today the new. A number that could not be checked
 * against the statute text is marked "att verifiera", never guessed; no other file may write a
 * legal reference as free text (tests/law/no-free-text-law.test.ts).
 */
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const text = z.object({ sv: z.string().min(1), en: z.string().min(1) }).strict();
const source = z.object({ title: z.string().min(1), url: z.string().url() }).strict();

/** verified: seen in the statute text or an authority's quotation of it; secondary: seen only in
 * a secondary source (guidance, a law firm); toVerify: not seen, shown with "att verifiera". */
export const verificationStatuses = ['verified', 'secondary', 'toVerify'] as const;
export type VerificationStatus = (typeof verificationStatuses)[number];

const statuteSchema = z
  .object({
    id: z.string().min(1),
    name: z.string().min(1),
    sfs: z.string().regex(/^\d{4}:\d{1,4}$/),
    from: isoDay.optional(),
    to: isoDay.optional(),
    replacedBy: z.string().optional(),
    source,
  })
  .strict();

const provisionSchema = z
  .object({
    statute: z.string().min(1),
    /** Absent where the number in a new act could not be verified. */
    chapter: z.string().regex(/^\d+$/).optional(),
    section: z
      .string()
      .regex(/^\d+( [a-z])?$/)
      .optional(),
    from: isoDay.optional(),
    to: isoDay.optional(),
    status: z.enum(verificationStatuses),
    note: z.string().optional(),
    source,
  })
  .strict()
  .refine((provision) => provision.status === 'toVerify' || provision.section !== undefined, {
    message: 'a checked provision has a section number',
  });

const referenceSchema = z
  .object({
    id: z.string().regex(/^[a-z]+\.[A-Za-z]+$/),
    meaning: text,
    provisions: z.array(provisionSchema).min(1),
  })
  .strict();

export const legalCatalogueSchema = z
  .object({
    version: z.string().regex(/^\d+\.\d+\.\d+$/),
    statutes: z.array(statuteSchema).min(1),
    references: z.array(referenceSchema).min(1),
  })
  .strict()
  .superRefine((catalogue, context) => {
    const statutes = new Set(catalogue.statutes.map((statute) => statute.id));
    const ids = new Set<string>();
    catalogue.references.forEach((reference, index) => {
      if (ids.has(reference.id))
        context.addIssue({ code: 'custom', path: ['references', index], message: 'twice' });
      ids.add(reference.id);
      for (const provision of reference.provisions)
        if (!statutes.has(provision.statute))
          context.addIssue({
            code: 'custom',
            path: ['references', index],
            message: `unknown statute "${provision.statute}"`,
          });
      // The provisions follow each other in time: none overlaps the next.
      reference.provisions.forEach((provision, at) => {
        const next = reference.provisions[at + 1];
        if (next && (!provision.to || (next.from && next.from <= provision.to)))
          context.addIssue({
            code: 'custom',
            path: ['references', index, 'provisions', at],
            message: 'provisions overlap in time',
          });
      });
    });
  });
export type LegalCatalogue = z.infer<typeof legalCatalogueSchema>;
export type Statute = LegalCatalogue['statutes'][number];
export type Provision = LegalCatalogue['references'][number]['provisions'][number];

/** The catalogue, read once; the same file in the server and in the browser. */
export const legalCatalogue: LegalCatalogue = legalCatalogueSchema.parse(data);

export type LegalReferenceId = string;

/** A reference as it applies on one day: what it means and which provision carried it then. */
export type ResolvedReference = {
  id: LegalReferenceId;
  meaning: { sv: string; en: string };
  statute: Statute;
  provision: Provision;
  /** "14 kap. 1 § socialtjänstlagen (2001:453)", or the act alone where the number is unknown. */
  citation: string;
  /** The provision's own dates, falling back on the act's. */
  inForce: { from: string | null; to: string | null };
  status: VerificationStatus;
};

export class UnknownLegalReferenceError extends Error {
  constructor(id: string) {
    super(`legal reference "${id}" is not in catalogues/legal-references.json`);
  }
}

export const isLegalReference = (id: string, catalogue = legalCatalogue) =>
  catalogue.references.some((reference) => reference.id === id);

const covers = (from: string | undefined, to: string | undefined, day: string) =>
  (!from || from <= day) && (!to || day <= to);

const citationOf = (provision: Provision, statute: Statute) => {
  const act = `${statute.name} (${statute.sfs})`;
  if (!provision.section) return act;
  const place = provision.chapter
    ? `${provision.chapter} kap. ${provision.section} §`
    : `${provision.section} §`;
  return `${place} ${act}`;
};

const resolved = (
  catalogue: LegalCatalogue,
  reference: LegalCatalogue['references'][number],
  provision: Provision,
): ResolvedReference => {
  const statute = catalogue.statutes.find((entry) => entry.id === provision.statute)!;
  return {
    id: reference.id,
    meaning: reference.meaning,
    statute,
    provision,
    citation: citationOf(provision, statute),
    inForce: {
      from: provision.from ?? statute.from ?? null,
      to: provision.to ?? statute.to ?? null,
    },
    status: provision.status,
  };
};

/**
 * The provision that carried a reference on a day (YYYY-MM-DD): the day of the event it
 * concerns, not today. Before the first known provision the earliest is given, after the last
 * the latest, so an old record still names the rule.
 */
export const resolveLegalReference = (
  id: LegalReferenceId,
  day: string,
  catalogue = legalCatalogue,
): ResolvedReference => {
  const reference = catalogue.references.find((entry) => entry.id === id);
  if (!reference) throw new UnknownLegalReferenceError(id);
  const inForce = reference.provisions.find((provision) => {
    const statute = catalogue.statutes.find((entry) => entry.id === provision.statute)!;
    return covers(provision.from ?? statute.from, provision.to ?? statute.to, day);
  });
  const provision =
    inForce ??
    (day < (reference.provisions[0]!.from ?? '')
      ? reference.provisions[0]!
      : reference.provisions.at(-1)!);
  return resolved(catalogue, reference, provision);
};

/** Every provision a reference has had, oldest first (the docs page and the guidance list). */
export const provisionsOf = (id: LegalReferenceId, catalogue = legalCatalogue) => {
  const reference = catalogue.references.find((entry) => entry.id === id);
  if (!reference) throw new UnknownLegalReferenceError(id);
  return reference.provisions.map((provision) => resolved(catalogue, reference, provision));
};

/** "gäller sedan 1 juli 2025", "gällde till och med 30 juni 2025": the dates a reader needs. */
export const inForceText = (reference: ResolvedReference, language: 'sv' | 'en') => {
  const { from, to } = reference.inForce;
  if (language === 'sv') {
    if (from && to) return `gällde ${longDate(from, 'sv')} – ${longDate(to, 'sv')}`;
    if (to) return `gällde till och med ${longDate(to, 'sv')}`;
    if (from) return `gäller sedan ${longDate(from, 'sv')}`;
    return 'gäller';
  }
  if (from && to) return `in force ${longDate(from, 'en')} – ${longDate(to, 'en')}`;
  if (to) return `in force until ${longDate(to, 'en')}`;
  if (from) return `in force since ${longDate(from, 'en')}`;
  return 'in force';
};

/** The mark a reader sees beside a number that could not be checked. */
export const toVerifyText = { sv: 'att verifiera', en: 'to be verified' } as const;

/**
 * One line for documents, logs and plain text: "14 kap. 1 § socialtjänstlagen (2001:453),
 * gällde till och med 30 juni 2025", with "att verifiera" where it applies.
 */
export const citeLegalReference = (
  id: LegalReferenceId,
  day: string,
  language: 'sv' | 'en' = 'sv',
  catalogue = legalCatalogue,
) => {
  const reference = resolveLegalReference(id, day, catalogue);
  const unverified = reference.status === 'toVerify' ? ` (${toVerifyText[language]})` : '';
  return `${reference.citation}${unverified}, ${inForceText(reference, language)}`;
};
