import { z } from 'zod';

/**
 * The adult population (18 years and older) per municipality and year, from SCB's public
 * statistics, as a file the administrator loads each year: kommunkod, år, vuxna. Kolada's
 * figures are per 10,000 adults, so without it rates stay counts.
 */
export const populationRowSchema = z
  .object({
    kommunkod: z.string().regex(/^\d{4}$/, 'Kommunkoden är fyra siffror, till exempel 2281.'),
    år: z.coerce.number().int().min(1900).max(2200),
    vuxna: z.coerce.number().int().positive('Antalet vuxna måste vara större än noll.'),
  })
  .strict();
export type PopulationRow = { scbCode: string; year: number; adults: number };

/** Reads parsed CSV records; every bad line is named so the file can be fixed in one go. */
export const readPopulationRows = (
  records: readonly Record<string, string>[],
): { ok: true; rows: PopulationRow[] } | { ok: false; problems: string[] } => {
  const problems: string[] = [];
  const rows: PopulationRow[] = [];
  const seen = new Set<string>();
  records.forEach((record, index) => {
    const parsed = populationRowSchema.safeParse(record);
    const line = index + 2; // the header is line 1
    if (!parsed.success) {
      problems.push(`Rad ${line}: ${parsed.error.issues.map((issue) => issue.message).join(' ')}`);
      return;
    }
    const key = `${parsed.data.kommunkod}/${parsed.data.år}`;
    if (seen.has(key)) problems.push(`Rad ${line}: ${key} finns redan i filen.`);
    seen.add(key);
    rows.push({ scbCode: parsed.data.kommunkod, year: parsed.data.år, adults: parsed.data.vuxna });
  });
  if (rows.length === 0 && problems.length === 0) problems.push('Filen har inga rader.');
  return problems.length ? { ok: false, problems } : { ok: true, rows };
};

/** The population for a period: the year the period ends in, else the latest year before. */
export const adultsFor = (
  rows: readonly PopulationRow[],
  scbCode: string | null,
  periodTo: string,
): number | null => {
  const year = Number(periodTo.slice(0, 4));
  const candidates = rows
    .filter((row) => row.scbCode === scbCode && row.year <= year)
    .sort((a, b) => b.year - a.year);
  return candidates[0]?.adults ?? null;
};
