import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCatalogue, type InstrumentCatalogue } from '../../../domain/risk/catalogue';

/** instruments/ at the repository root, next to src/. */
export const instrumentsDir = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../../../instruments',
);

const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

/** Reads and validates every definition; the server does not start with an invalid one. */
export const loadInstrumentCatalogue = (dir = instrumentsDir): InstrumentCatalogue =>
  buildCatalogue(
    readJson(join(dir, 'common-factors.json')),
    readdirSync(dir)
      .filter(
        (file) =>
          file.endsWith('.json') &&
          !['common-factors.json', 'instrument.schema.json'].includes(file),
      )
      .sort()
      .map((file) => ({ file, json: readJson(join(dir, file)) })),
  );
