import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';

/** Whether this machine lets the tests make a network namespace (`unshare -n`: root, or user namespaces allowed). */
export function canUnshareNetwork(): boolean {
  return spawnSync('unshare', ['-n', 'true'], { stdio: 'ignore' }).status === 0;
}

/** Loopback up and carrying multicast: the whole network of the namespace (WS-Discovery's 239.255.255.250 included). */
const setUp = 'ip link set lo up && ip link set lo multicast on && ip route add 224.0.0.0/4 dev lo';

/**
 * Runs a Node ES module script in a fresh network namespace that has only its own loopback, so that what it
 * sends (multicast probes) and answers cannot reach or be reached from the host's networks; where namespaces
 * are not allowed, runs it on the host's loopback instead (`isolated: false`). Returns what it printed.
 */
export async function runIsolated(
  script: string,
  args: readonly string[],
  options: { isolate: boolean },
): Promise<{ isolated: boolean; stdout: string }> {
  const node = [process.execPath, '--input-type=module', '-e', script, '--', ...args];
  const [command, ...rest] = options.isolate
    ? ['unshare', '-n', '--', 'sh', '-c', `${setUp} && exec "$@"`, 'netns', ...node]
    : node;
  const child = spawn(command!, rest, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  if (code !== 0) throw new Error(`the isolated script failed (${String(code)}): ${stderr}`);
  return { isolated: options.isolate, stdout };
}

/**
 * A test-support TypeScript module that imports only Node's built-ins, as a JavaScript module a child
 * process can import (its file URL): type annotations removed, nothing else changed.
 */
export async function asChildModule(path: string): Promise<string> {
  const { outputText } = ts.transpileModule(await readFile(path, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  });
  const out = join(await mkdtemp(join(tmpdir(), 'vigie-netns-')), 'module.mjs');
  await writeFile(out, outputText);
  return pathToFileURL(out).href;
}
