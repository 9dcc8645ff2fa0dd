import { spawn } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { openDatabase, type VigieDatabase } from '@vigie/db';
import { openFreshPostgresWithUrl } from '@vigie/db/testing';
import { locateFfmpeg } from '@vigie/media';
import { buildApp } from '@vigie/server';
import { systemClock } from '@vigie/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderTestClip } from '../../media/test/support/test-clips.js';
import { startServerProcess, type ServerProcess } from './support/server-process.js';
import { authorise, cameraBody, testSourcePolicy } from './support.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Processes whose command line mentions `path` (the recorders writing under a data directory). */
async function processesUsing(path: string): Promise<number[]> {
  const found: number[] = [];
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const cmdline = await readFile(`/proc/${name}/cmdline`, 'utf8').catch(() => '');
    const argv = cmdline.split('\0');
    if (argv[0]?.includes('ffmpeg') && argv.some((arg) => arg.includes(path))) found.push(Number(name));
  }
  return found;
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'));
}

async function until<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(300);
  }
}

describe('kill -9 of a recording server, then a restart (red team)', () => {
  let fresh: { database: VigieDatabase; url: string };
  let dataDir: string;
  let server: ServerProcess | undefined;
  const indexedKeys = async (): Promise<string[]> =>
    (await sql<{ key: string }>`select key from segments`.execute(fresh.database.db)).rows.map((r) => r.key);

  beforeAll(async () => {
    fresh = await openFreshPostgresWithUrl();
    dataDir = await mkdtemp(join(tmpdir(), 'vigie-kill9-'));
    const clip = await renderTestClip({ dir: dataDir, seconds: 20 });
    // Two authorised cameras, registered through the real application on the server's database.
    const database = await openDatabase({ url: fresh.url });
    const app = await buildApp({
      database,
      clock: systemClock,
      webRoot: '/nonexistent',
      mediaDir: dataDir,
      sourcePolicy: testSourcePolicy,
    });
    for (const name of ['Parvis', 'Halle']) {
      const camera = await app.cameras.create(cameraBody({ name, sourceUrl: `file://${clip}` }) as never, {
        actorName: 'test setup',
      });
      await authorise(app, camera.id);
    }
    await app.http.close();
    await database.close();
  }, 120_000);
  afterAll(async () => {
    if (server?.alive()) {
      server.child.kill('SIGTERM');
      await server.exited;
    }
    for (const pid of await processesUsing(dataDir ?? '/nonexistent')) process.kill(pid, 'SIGKILL');
    await fresh?.database.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('leaves no recorder running after SIGKILL, and the restart indexes or quarantines everything the dead one left', async () => {
    // The test cameras read clips on disk, which a deployment allows only explicitly.
    const env = { DATABASE_URL: fresh.url, VIGIE_DATA_DIR: dataDir, VIGIE_FILE_SOURCES: 'true' };
    server = await startServerProcess(env);
    await until('segments indexed', async () => ((await indexedKeys()).length >= 4 ? true : undefined));
    // Both recorders run (polled: a file camera's recorder is briefly between runs when its clip loops).
    await until('both recorders running', async () =>
      (await processesUsing(dataDir)).length === 2 ? true : undefined,
    );
    server.child.kill('SIGKILL');
    await server.exited;
    const orphans = await until(
      'the recorders to end',
      async () => {
        const left = await processesUsing(dataDir);
        return left.length === 0 ? left : undefined;
      },
      10_000,
    ).catch(async () => processesUsing(dataDir));
    expect(orphans).toEqual([]);
    const leftInSpool = (await filesUnder(join(dataDir, 'recordings', '.spool'))).filter((f) => f.endsWith('.mp4'));

    // A stray recorder of a server that died without the parent-death signal (re-parented to init).
    const stray = spawn(
      'sh',
      [
        '-c',
        `"$0" -nostdin -loglevel error -re -f lavfi -i testsrc2=size=64x48 -f null ${join(dataDir, 'recordings', '.spool', 'stray')} & exit 0`,
        locateFfmpeg().path,
      ],
      { stdio: 'ignore' },
    );
    await new Promise((resolve) => stray.on('exit', resolve));
    await until('the stray to run', async () => ((await processesUsing(dataDir)).length === 1 ? true : undefined));

    server = await startServerProcess(env);
    const recovery = await until('the recovery audit entry', async () => {
      const rows = await sql<{ details: { straysStopped: number; indexed: number; quarantined: number } }>`
        select details from audit_log where action = 'recording.recovered'`.execute(fresh.database.db);
      return rows.rows[0]?.details;
    });
    expect(recovery.straysStopped).toBe(1);
    expect(recovery.indexed + recovery.quarantined).toBe(leftInSpool.length);
    // Every stored file has its index row (the purge sees it); the spool holds only the new recorders' runs.
    // The new recorders' first files are indexed in batches just after they are stored: listed first.
    const stored = (await filesUnder(join(dataDir, 'recordings'))).filter((f) => !f.startsWith('.'));
    let indexed = new Set(await indexedKeys());
    await until(
      'the new recorders’ files indexed',
      async () => {
        indexed = new Set(await indexedKeys());
        return stored.every((key) => indexed.has(key)) ? true : undefined;
      },
      5_000,
    ).catch(() => undefined);
    expect(stored.filter((key) => !indexed.has(key))).toEqual([]);
    // Both recorders run (polled: a file camera's recorder is briefly between runs when its clip loops).
    await until('both recorders running', async () =>
      (await processesUsing(dataDir)).length === 2 ? true : undefined,
    );
    console.info(
      `kill -9: ${orphans.length} orphan(s); spool left ${leftInSpool.length} segment(s): ${recovery.indexed} indexed, ${recovery.quarantined} quarantined; ${stored.filter((k) => !indexed.has(k)).length} unindexed file(s) after restart`,
    );
  }, 240_000);
});
