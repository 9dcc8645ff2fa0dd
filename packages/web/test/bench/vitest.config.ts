import { defineConfig } from 'vitest/config';

/** `npm run bench:live`: the live benchmark, apart from the test tiers (it is a measurement, not a test). */
export default defineConfig({
  root: new URL('../../../..', import.meta.url).pathname,
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: { include: ['packages/web/test/bench/*.bench.ts'], testTimeout: 600_000, hookTimeout: 60_000 },
});
