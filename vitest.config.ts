import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Test tiers, by where a test file lives and how it is named (new tests fall into the right tier):
 * - unit: `packages/<pkg>/src/**\/*.test.ts`, beside the code; pure or in-process (the embedded
 *   database and temp files are fine), no PostgreSQL, no browser, no media processes: `npm run test:unit`.
 * - integration: `packages/<pkg>/test/**\/*.test.ts`: real ffmpeg, PGlite and PostgreSQL, HTTP servers.
 * - e2e: `packages/<pkg>/test/**\/*.e2e.test.ts`: the console in real Chromium (needs `npm run build`).
 */
const tiers = {
  unit: ['packages/*/src/**/*.test.ts'],
  integration: ['packages/*/test/**/*.test.ts'],
  e2e: ['packages/*/test/**/*.e2e.test.ts'],
};

export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: tiers.unit,
          // Unit tests share no state: one module graph per worker instead of one per file (import time dominates).
          isolate: false,
          // A unit test that reaches for PostgreSQL or a browser fails at once, saying where it belongs.
          env: {
            TEST_DATABASE_URL: 'postgres://unit-tests-use-no-database-server.invalid/move-this-test-under-test',
            CHROMIUM_PATH: '/unit-tests-use-no-browser/move-this-test-under-test',
          },
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: tiers.integration,
          exclude: [...configDefaults.exclude, ...tiers.e2e],
          // Real processes and servers answer late when CI runs many files at once: a poll waits for them that long.
          expect: { poll: { timeout: 5_000 } },
        },
      },
      // A browser under load repaints late: a poll waits as long as a Playwright action does (8 s in these tests).
      { extends: true, test: { name: 'e2e', include: tiers.e2e, expect: { poll: { timeout: 8_000 } } } },
    ],
  },
});
