import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const cli = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const dir = await mkdtemp(join(tmpdir(), 'vigie-cli-startup-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

/** The modules a CLI command loads, as Node resolves them (a module hook prints each one). */
async function modulesLoadedBy(args: string[]): Promise<string[]> {
  const hook = join(dir, 'hook.mjs');
  await writeFile(
    hook,
    `export async function resolve(s, c, next) { const r = await next(s, c); process.stderr.write('LOADED ' + r.url + '\\n'); return r; }`,
  );
  const register = join(dir, 'register.mjs');
  await writeFile(
    register,
    `import { register } from 'node:module'; register(${JSON.stringify(pathToFileURL(hook).href)});`,
  );
  // The command fails (no server there): what it loaded is in its error output all the same.
  const stderr = await run(process.execPath, ['--import', register, cli, ...args]).then(
    (result) => result.stderr,
    (error: unknown) => (error as { stderr: string }).stderr,
  );
  return stderr
    .split('\n')
    .filter((line) => line.startsWith('LOADED '))
    .map((line) => line.slice('LOADED '.length));
}

describe('vigie start-up (built CLI)', () => {
  it('lists cameras without loading the server, the database, recording, analysis or the schemas', async () => {
    const loaded = await modulesLoadedBy(['camera', 'list', '--server', 'http://127.0.0.1:1']);
    expect(loaded.some((url) => url.includes('/cli/dist/commands/camera.command.js'))).toBe(true);
    const heavy = loaded.filter((url) =>
      /\/(server|db|media|vision|worker|bus)\/dist\/|node_modules\/(kysely|typebox|@electric-sql|onnxruntime|fastify)\//.test(
        url,
      ),
    );
    expect(heavy).toEqual([]);
  });
});

// Issue 10 #14: `npx vigie …` as the README documents it failed on a fresh clone ("could not determine executable").
describe('npx vigie', () => {
  it('runs the workspace command linked by npm install, never a package fetched from the registry', async () => {
    const root = fileURLToPath(new URL('../../../', import.meta.url));
    const help = await run('npx', ['--no-install', 'vigie', '--help'], { cwd: root });
    expect(help.stdout).toMatch(/^Usage: vigie /);
    const { stdout } = await run('git', ['ls-files', '--stage', 'packages/cli/bin/vigie.js'], { cwd: root });
    // Committed and executable, so that npm links it at install before anything is built.
    expect(stdout).toMatch(/^100755 /);
  });

  it("runs Node with V8's memory reducer off and `gc` exposed, through the command's own first line", async () => {
    const root = fileURLToPath(new URL('../../../', import.meta.url));
    // Loaded before the command through NODE_OPTIONS (whose flags Node leaves out of execArgv): prints the flags
    // Node was started with, which only the `vigie` file's `#!/usr/bin/env -S node …` line can have given.
    const flags = join(dir, 'print-flags.mjs');
    await writeFile(
      flags,
      `process.stderr.write('FLAGS ' + JSON.stringify([process.argv[1], process.execArgv]) + '\\n');`,
    );
    const { stderr } = await run('npx', ['--no-install', 'vigie', '--help'], {
      cwd: root,
      env: { ...process.env, NODE_OPTIONS: `--import=${pathToFileURL(flags).href}` },
    });
    // npx prints its own line first (no flags), then the command it ran.
    const printed = [...stderr.matchAll(/^FLAGS (.*)$/gm)].map((line) => JSON.parse(line[1]!) as [string, string[]]);
    const command = printed.find(([script]) => script.endsWith('/vigie'));
    expect(command?.[1]).toEqual(['--no-memory-reducer', '--expose-gc']);
  });
});
