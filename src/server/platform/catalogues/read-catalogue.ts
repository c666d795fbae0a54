import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { InvalidDefinitionError } from '../../../domain/risk/catalogue';

/** catalogues/ at the repository root, next to src/. */
export const cataloguesDir = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../../../catalogues',
);

/** Reads one catalogue file and validates it; a broken file stops the start with its paths. */
export const readCatalogue = <T>(dir: string, file: string, schema: z.ZodType<T>): T => {
  const parsed = schema.safeParse(JSON.parse(readFileSync(join(dir, file), 'utf8')));
  if (!parsed.success)
    throw new InvalidDefinitionError(
      file,
      parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
    );
  return parsed.data;
};
