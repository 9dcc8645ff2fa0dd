#!/usr/bin/env -S node --no-memory-reducer --expose-gc
// The `vigie` command as npm links it (`npx vigie …`): builds the TypeScript once on a fresh clone,
// then runs the compiled CLI. Plain JavaScript, committed, so that `npm install` links it at once.
// V8's memory reducer is off: in a recording server at 4 cameras its collections kept Node's pages faulting in again,
// doubling Node's CPU per camera for no memory saved (docs/sizing.md); `vigie start` instead asks for one full
// collection once the server is up (`gc`, exposed for that), so that what start-up left is not kept.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const main = new URL('../dist/main.js', import.meta.url);
if (!existsSync(main)) {
  const root = fileURLToPath(new URL('../../../', import.meta.url));
  process.stderr.write('vigie: first run, building the TypeScript packages (once)…\n');
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const built = spawnSync(process.execPath, [tsc, '-b', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) {
    process.stderr.write('vigie: the build failed. Run "npm install", then "npm run build", and try again.\n');
    process.exit(built.status ?? 1);
  }
}
await import(main.href);
