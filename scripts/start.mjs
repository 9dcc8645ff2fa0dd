// `npm start`: builds what is missing or stale, then runs `vigie start --demo` on the embedded database.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

function step(label, args, cwd = root) {
  process.stdout.write(`▸ ${label}…\n`);
  const result = spawnSync(npx, args, { cwd, stdio: 'inherit' });
  if (result.status !== 0) {
    process.stderr.write(`✗ ${label} failed. Run "npm install" first, then "npm start" again.\n`);
    process.exit(result.status ?? 1);
  }
}

step('Building server and CLI (TypeScript)', ['tsc', '-b', 'tsconfig.build.json']);
const web = join(root, 'packages/web');
const built = join(web, 'dist/index.html');
if (!existsSync(built) || newest(join(web, 'src')) > statSync(built).mtimeMs) {
  step('Building the console (Vite)', ['vite', 'build', '--logLevel', 'warn'], web);
}

const server = spawn(
  process.execPath,
  // As the `vigie` command runs it: V8's memory reducer off (packages/cli/bin/vigie.js says why).
  [
    '--no-memory-reducer',
    '--expose-gc',
    join(root, 'packages/cli/dist/main.js'),
    'start',
    '--demo',
    ...process.argv.slice(2),
  ],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
