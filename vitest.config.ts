import { availableParallelism } from 'node:os';
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
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

/**
 * The files that take longest, slowest first within their tier (wall seconds in a clean-clone `npm test` on two
 * cores, 2026-12-03). On a fresh clone vitest has no timings and starts the largest files first, so a slow file
 * could start last and hold its tier open alone while the others are done (`ptz-masks.e2e`, 37 s, did: it ran
 * alone for its last 16 s). Each tier already runs about as long as its files' summed time over its workers.
 */
const slowestFiles = [
  'packages/server/test/video.api.test.ts', // 83 s
  'packages/server/test/camera-own-masks.api.test.ts', // 82 s
  'packages/media/test/segment-timing.test.ts', // 60 s
  'packages/vision/test/eval.test.ts', // 56 s
  'packages/media/test/ffmpeg-supervisor.test.ts', // 50 s
  'packages/media/test/segment-recorder.test.ts', // 47 s
  // One engine each (83 s as one file running both); they start early, side by side.
  'packages/server/test/ptz-masks-pglite.api.test.ts', // 44 s
  'packages/server/test/ptz-masks-postgres.api.test.ts', // 45 s
  'packages/server/test/camera-health.api.test.ts', // 45 s
  'packages/server/test/unmask.api.test.ts', // 33 s
  'packages/cli/test/scale-out.test.ts', // 29 s
  'packages/server/test/demo-npm-ffmpeg.test.ts', // 26 s
  'packages/worker/test/own-masks.test.ts', // 23 s
  'packages/media/test/live-feed.test.ts', // 23 s
  'packages/server/test/kill-restart.test.ts', // 21 s
  'packages/web/test/console.e2e.test.ts', // 66 s
  'packages/web/test/ptz-masks.e2e.test.ts', // 37 s
  'packages/web/test/dpo.e2e.test.ts', // 35 s
  'packages/web/test/wall-restart.e2e.test.ts', // 32 s
  'packages/web/test/camera-config.e2e.test.ts', // 22 s
  'packages/web/test/onvif-discovery.e2e.test.ts', // 21 s
];

/**
 * Integration files at once: they mostly wait (real-time camera streams, outages, servers), a quarter of a core
 * each; four even on two cores (vitest's default there is one). Alone on a quiet two-core machine the tier ran in
 * 347 s three at a time, the cores 40 % idle, and in 281 s four at a time, 29 % idle, every test passing
 * (docs/test-speed.md, 2026-12-03). Browser files one fewer: Chromium's repaints add CPU; alone on two cores the
 * browser tier ran in 151 and 129 s three at a time against 158 and 158 s two at a time (2026-12-04). `VIGIE_TEST_WORKERS`
 * sets the integration files' count (`VIGIE_TEST_WORKERS=3 npm test` on a machine busy with other work); vitest's
 * `--maxWorkers` does not override a project's own.
 */
const integrationWorkers = Number(process.env['VIGIE_TEST_WORKERS'] ?? Math.max(4, availableParallelism() - 1));
const browserWorkers = Math.max(2, integrationWorkers - 1);

/** Vitest's order (tiers, then timings of earlier runs where it has them), with the known slowest files first. */
class SlowestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification) => {
      const index = slowestFiles.indexOf(relative(file.project.config.root, file.moduleId));
      return index < 0 ? slowestFiles.length : index;
    };
    // Vitest keeps each project's files together: within each, listed files move ahead in the list's order.
    const byProject = new Map<TestSpecification['project'], TestSpecification[]>();
    for (const file of await super.sort(files))
      byProject.set(file.project, [...(byProject.get(file.project) ?? []), file]);
    return [...byProject.values()].flatMap((group) =>
      group
        .map((file, position) => ({ file, position }))
        .sort((a, b) => rank(a.file) - rank(b.file) || a.position - b.position)
        .map(({ file }) => file),
    );
  }
}

export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    sequence: { sequencer: SlowestFirst },
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
          // One module graph per worker, not per file: a file in a fresh process imported the server, the embedded
          // database and their dependencies again (8 API files: 110 CPU-s isolated, 78 shared). Files close what they open.
          isolate: false,
          // Real processes and servers answer late when CI runs many files at once: a poll waits for them that long.
          expect: { poll: { timeout: 5_000 } },
          maxWorkers: integrationWorkers,
          // Projects that differ in workers run one after the other: unit, then integration, then e2e.
          sequence: { groupOrder: 1 },
        },
      },
      // A browser under load repaints late: a poll waits as long as a Playwright action does (8 s in these tests).
      {
        extends: true,
        test: {
          name: 'e2e',
          include: tiers.e2e,
          expect: { poll: { timeout: 8_000 } },
          // A browser test is a dozen steps, each with its own limit (a Playwright action or a poll, 8–10 s), which is
          // what catches a hang; the whole test gets 90 s: on a slow machine (2026-12-04, the tier's Chromium at 2.2×
          // the CPU of the day before) `dpo.e2e`'s two logins and four pages took over 30 s, every step passing.
          testTimeout: 90_000,
          // As for integration: the server and Playwright imported once per worker, not once per file.
          isolate: false,
          maxWorkers: browserWorkers,
          // One Chromium for the whole tier, launched here and closed when it ends; each file connects to it.
          globalSetup: ['packages/web/test/support/chromium-server.ts'],
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
