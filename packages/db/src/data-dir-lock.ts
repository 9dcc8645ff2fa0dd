import { open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { VigieError } from '@vigie/core';

/** A held lock on an embedded database directory. */
export interface DataDirLock {
  release(): Promise<void>;
}

/** Whether process `pid` is running (another user's process too, which answers EPERM). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the embedded database for this process: the embedded engine is single-process and two
 * writers would corrupt it. A lock left by a dead process is taken over.
 */
export async function lockDataDir(dataDir: string): Promise<DataDirLock> {
  const path = join(dataDir, 'vigie.lock');
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return { release: () => rm(path, { force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number.parseInt(await readFile(path, 'utf8').catch(() => ''), 10);
      if (Number.isInteger(holder) && isAlive(holder)) {
        throw new VigieError(
          'DATABASE_IN_USE',
          `The embedded database in ${dataDir} is in use by process ${holder}. Stop that Vigie server first, or use the HTTP API (vigie camera … talks to a running server).`,
        );
      }
      await rm(path, { force: true });
    }
  }
  throw new VigieError('DATABASE_IN_USE', `Could not lock ${path}; remove it if no Vigie process is running.`);
}
