import type { TestProject } from 'vitest/node';
import { launchBrowserServer } from '../browser.js';

declare module 'vitest' {
  /** What the e2e tier's global set-up hands its files. */
  export interface ProvidedContext {
    /** The WebSocket endpoint of the Chromium the files share (`connectBrowser`). */
    chromiumEndpoint: string;
  }
}

/**
 * Global set-up of the e2e tier: one headless Chromium for all its files and workers (a launch costs ~1.3 CPU-s),
 * closed when the tier ends, so that no Chromium outlives `vitest run`. Each file connects with `connectBrowser`.
 */
export async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await launchBrowserServer();
  project.provide('chromiumEndpoint', server.wsEndpoint());
  return () => server.close();
}
