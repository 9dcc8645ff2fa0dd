import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { buildOnceAcrossProcesses } from './testing.js';

const dir = await mkdtemp(join(tmpdir(), 'vigie-build-once-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

/** A build that takes a while and counts its runs, as the embedded database's image does. */
function countedBuild(path: string) {
  let runs = 0;
  const make = async () => {
    runs += 1;
    await sleep(50);
    await writeFile(path, 'built');
  };
  return { make, runs: () => runs };
}

describe('a test cache built once across processes (the embedded database image)', () => {
  it('is built by the first caller; one asking meanwhile waits for it and builds nothing', async () => {
    const path = join(dir, 'together');
    const build = countedBuild(path);
    await Promise.all([buildOnceAcrossProcesses(path, build.make), buildOnceAcrossProcesses(path, build.make)]);
    expect(build.runs()).toBe(1);
    expect(existsSync(`${path}.lock`)).toBe(false);
  });

  it('waits while a living process holds the lock, then takes what it built', async () => {
    const path = join(dir, 'held');
    await writeFile(`${path}.lock`, String(process.pid));
    const build = countedBuild(path);
    const waiting = buildOnceAcrossProcesses(path, build.make);
    await sleep(300);
    await writeFile(path, 'built by the holder');
    await rm(`${path}.lock`);
    await waiting;
    expect(build.runs()).toBe(0);
  });

  it('takes over a lock left by a process that died, and one left empty by a process killed before writing it', async () => {
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const path = join(dir, 'orphaned');
    await writeFile(`${path}.lock`, dead.stdout);
    const build = countedBuild(path);
    await buildOnceAcrossProcesses(path, build.make);
    expect(build.runs()).toBe(1);

    const emptyPath = join(dir, 'orphaned-empty');
    await writeFile(`${emptyPath}.lock`, '');
    const old = new Date(Date.now() - 60_000);
    await utimes(`${emptyPath}.lock`, old, old);
    const emptyBuild = countedBuild(emptyPath);
    await buildOnceAcrossProcesses(emptyPath, emptyBuild.make);
    expect(emptyBuild.runs()).toBe(1);
  });
});
