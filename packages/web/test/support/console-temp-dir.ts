import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The built console (`npm run build`), which the servers of the browser tests serve. */
const builtConsole = fileURLToPath(new URL('../../dist/index.html', import.meta.url));

/**
 * The first step of a browser file's set-up: fails at once, saying what to do, when the console is not built, else
 * returns a fresh temp directory whose name starts with `prefix` (the file removes it in its `afterAll`).
 */
export async function consoleTempDir(prefix: string): Promise<string> {
  if (!existsSync(builtConsole))
    throw new Error('The console is not built: run "npm run build" (npm test does it first).');
  return mkdtemp(join(tmpdir(), prefix));
}
