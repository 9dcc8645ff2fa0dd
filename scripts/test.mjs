// `npm test`: builds, then runs the typechecks and the lint while the tests run, and fails if any of them fails.
// The tests mostly wait on real-time streams and servers: the checks (a minute of CPU) fill that idle time,
// at a lower priority so that the tests' timings do not suffer, instead of adding their minute in front.
// Arguments go to vitest (`npm test -- packages/db`).
import { spawn, spawnSync } from 'node:child_process';
import { Buffer } from 'node:buffer';
import { setPriority } from 'node:os';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const seconds = (since) => `${Math.round((Date.now() - since) / 1000)} s`;

const build = spawnSync(npm, ['run', 'build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

/** Runs `npm run typecheck && npm run lint` niced, its output held back until it ends; resolves to its exit code. */
function checks() {
  const started = Date.now();
  const child = spawn(npm, ['run', '--silent', 'checks'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    setPriority(child.pid, 10);
  } catch {
    // Not allowed here (some containers): the checks run at the tests' priority.
  }
  const output = [];
  child.stdout.on('data', (chunk) => output.push(chunk));
  child.stderr.on('data', (chunk) => output.push(chunk));
  return new Promise((resolve) => {
    child.on('close', (code, signal) => {
      const status = code ?? (signal === null ? 1 : 128);
      if (status !== 0)
        process.stderr.write(`\n✗ typecheck/lint failed after ${seconds(started)} (output after the tests)\n`);
      resolve({ status, output: Buffer.concat(output).toString(), took: seconds(started) });
    });
  });
}

/** Runs vitest with this command's arguments, its output shown as it comes; resolves to its exit code. */
function tests() {
  const child = spawn(npx, ['vitest', 'run', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
  return new Promise((resolve) => child.on('close', (code, signal) => resolve(code ?? (signal === null ? 1 : 128))));
}

const [checked, tested] = await Promise.all([checks(), tests()]);
if (checked.status === 0) process.stdout.write(`\n✓ typecheck and lint passed (${checked.took}, beside the tests)\n`);
else process.stderr.write(`\n✗ typecheck/lint failed:\n${checked.output}\n`);
process.exit(tested !== 0 ? tested : checked.status);
