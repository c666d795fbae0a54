import { defineConfig } from 'vitest/config';

/**
 * One test command, four layers: pure unit tests; database tests on embedded PGlite and again
 * on a PostgreSQL server; browser tests in Debian's Chromium.
 */
export default defineConfig({
  test: {
    testTimeout: 30_000,
    // Vitest's default is one worker fewer than the cores: on the two-core CI machine that ran
    // every file one after another. The database tests wait on PostgreSQL half the time, so two
    // files at once use both cores.
    maxWorkers: 2,
    // Migrates once per run; every database test copies the result (tests/helpers/migrated-images.ts).
    globalSetup: ['tests/helpers/global-setup.ts'],
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['src/**/*.test.ts', 'src/**/*.test.tsx'] },
      },
      {
        extends: true,
        test: {
          name: 'pglite',
          include: ['tests/db/**/*.test.ts'],
          // Each file builds its own database and app and closes them: the server's modules
          // can be loaded once per worker instead of once per file.
          isolate: false,
          env: { FRISTAD_TEST_DB: 'pglite' },
        },
      },
      {
        extends: true,
        test: {
          name: 'postgres',
          include: ['tests/db/**/*.test.ts'],
          // Each file builds its own database and app and closes them: the server's modules
          // can be loaded once per worker instead of once per file.
          isolate: false,
          env: { FRISTAD_TEST_DB: 'postgres' },
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/e2e/**/*.test.ts'],
          // One walk at a time: two at once on two cores (beside the database tests) made steps
          // miss their 15 s and 30 s waits. A walk through several roles takes 20–30 s alone.
          fileParallelism: false,
          testTimeout: 180_000,
        },
      },
    ],
  },
});
