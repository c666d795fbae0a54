import { defineConfig } from 'vitest/config';

/**
 * One test command, four layers: pure unit tests; database tests on embedded PGlite and again
 * on a PostgreSQL server; browser tests in Debian's Chromium.
 */
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        test: { name: 'unit', include: ['src/**/*.test.ts', 'src/**/*.test.tsx'] },
      },
      {
        test: {
          name: 'pglite',
          include: ['tests/db/**/*.test.ts'],
          env: { FRISTAD_TEST_DB: 'pglite' },
        },
      },
      {
        test: {
          name: 'postgres',
          include: ['tests/db/**/*.test.ts'],
          env: { FRISTAD_TEST_DB: 'postgres' },
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/e2e/**/*.test.ts'],
          fileParallelism: false,
        },
      },
    ],
  },
});
