import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every database test starts from a freshly migrated database. Migrating takes seconds, so it is
 * done once per run and copied: PostgreSQL creates each test's database from a migrated
 * template, PGlite loads a dump of a migrated data folder. Both are named by a hash of the
 * migrations, so a changed migration makes new ones.
 */
const migrationsDir = join(import.meta.dirname, '../../src/server/platform/db/migrations');

export const migrationsHash = (): string => {
  const hash = createHash('sha256');
  for (const name of readdirSync(migrationsDir).sort()) {
    hash.update(name);
    hash.update(readFileSync(join(migrationsDir, name)));
  }
  return hash.digest('hex').slice(0, 12);
};

export const templateDatabaseName = () => `fristad_template_${migrationsHash()}`;

export const pgliteImagePath = () =>
  join(
    import.meta.dirname,
    `../../node_modules/.cache/fristad-tests/pglite-${migrationsHash()}.tar`,
  );
