/**
 * Writes instruments/instrument.schema.json from the zod schema in src/domain/risk/instrument.ts,
 * for editors that validate JSON as it is typed. A test fails if the file is out of date.
 * Run: npm run instruments:schema
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { instrumentJsonSchema } from '../src/domain/risk/instrument-json-schema';
import { instrumentsDir } from '../src/server/platform/catalogues/instruments';

writeFileSync(
  join(instrumentsDir, 'instrument.schema.json'),
  `${JSON.stringify(instrumentJsonSchema(), null, 2)}\n`,
);
