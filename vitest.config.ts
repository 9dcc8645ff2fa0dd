import { availableParallelism } from 'node:os';
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
          // These files mostly wait (real-time camera streams, outages, servers: a quarter of a core each):
          // three at a time even on two cores (vitest's default there is one). On two cores the media files
          // took 171 s one by one, 106 s two at a time; ten slow API files 167 s two at a time, 153 s three.
          maxWorkers: Math.max(3, availableParallelism() - 1),
          // Projects that differ in workers run one after the other: unit, then integration, then e2e.
          sequence: { groupOrder: 1 },
        },
      },
      // A browser under load repaints late: a poll waits as long as a Playwright action does (8 s in these tests).
      // One browser file at a time (vitest's default on two cores): Chromium and the server share the CPUs.
      {
        extends: true,
        test: { name: 'e2e', include: tiers.e2e, expect: { poll: { timeout: 8_000 } }, sequence: { groupOrder: 2 } },
      },
    ],
  },
});
