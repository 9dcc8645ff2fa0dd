import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockDataDir } from './data-dir-lock.js';

describe('embedded database lock', () => {
  it('refuses a second holder while the first is alive, and frees the directory on release', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vigie-lock-'));
    const lock = await lockDataDir(dir);
    await expect(lockDataDir(dir)).rejects.toMatchObject({ code: 'DATABASE_IN_USE' });
    await lock.release();
    const again = await lockDataDir(dir);
    await again.release();
  });

  it('takes over a lock left by a process that died', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vigie-lock-'));
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    await writeFile(join(dir, 'vigie.lock'), dead.stdout);
    const lock = await lockDataDir(dir);
    expect(await readFile(join(dir, 'vigie.lock'), 'utf8')).toBe(String(process.pid));
    await lock.release();
  });
});
