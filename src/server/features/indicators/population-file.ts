import { readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import type { Kysely } from 'kysely';
import { readPopulationRows, type PopulationRow } from '../../../domain/indicators/population';
import type { Database } from '../../platform/db/schema';
import { asSystem } from '../../platform/db/transaction';
import { insertPopulation } from './indicator.repository';

/** SCB's exports use semicolons, hand-made files often commas: take whichever the header has. */
const delimiterOf = (text: string) => ((text.split('\n')[0] ?? '').includes(';') ? ';' : ',');

/** Parses a population file; throws with every bad line named. */
export const parsePopulationFile = (text: string): PopulationRow[] => {
  const records = parse(text.replace(/^\uFEFF/, ''), {
    columns: (header: string[]) => header.map((name) => name.trim().toLowerCase()),
    delimiter: delimiterOf(text),
    skip_empty_lines: true,
    trim: true,
  }) as Record<string, string>[];
  const read = readPopulationRows(records);
  if (!read.ok) throw new Error(`Befolkningsfilen kunde inte läsas:\n${read.problems.join('\n')}`);
  return read.rows;
};

// The query lives in the repository; seeding and tests store population through this module.
export { insertPopulation };

/** Loads a file in one transaction: all lines or none. */
export const loadPopulationFile = async (db: Kysely<Database>, path: string, now: Date) => {
  const rows = parsePopulationFile(readFileSync(path, 'utf8'));
  await asSystem(db, (tx) => insertPopulation(tx, rows, basename(path), now));
  return rows.length;
};

/** The demo's invented population (data/population/ovningslan.csv). */
export const demoPopulationFile = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../../../data/population/ovningslan.csv',
);
