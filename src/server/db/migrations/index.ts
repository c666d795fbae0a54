import type { Migration, MigrationProvider } from 'kysely';
import * as foundation from './20261124000000-foundation';

/** Migrations in order. A merged migration is never edited; add a new one. */
const migrations: Record<string, Migration> = {
  '20261124000000-foundation': foundation,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
