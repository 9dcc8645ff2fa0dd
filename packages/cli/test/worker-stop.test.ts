import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InProcessBus, MemoryLeases } from '@vigie/bus';
import { frenchProfile, systemClock, type Leases } from '@vigie/core';
import { unitOfWork, type VigieDatabase } from '@vigie/db';
import { testEngines } from '@vigie/db/testing';
import { locateFfmpeg } from '@vigie/media';
import { startFakeRtspCamera, type FakeRtspCamera } from '@vigie/media/testing';
import { buildApp, type VigieApp } from '@vigie/server';
import { VigieWorker } from '@vigie/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderTestClip } from '../../media/test/support/test-clips.js';
import { addAuthorisedCamera } from '../../server/test/support.js';

/** Leases whose `holders()` can be held back, as a lease store slowed by a busy disk holds a worker's round. */
class HeldLeases implements Leases {
  readonly ttlMs: number;
  readonly #inner: MemoryLeases;
  #gate: Promise<void> | undefined;
  #open: (() => void) | undefined;
  /** Rounds waiting at the gate. */
  waiting = 0;

  constructor(inner: MemoryLeases) {
    this.#inner = inner;
    this.ttlMs = inner.ttlMs;
  }

  claim(resource: string, holder: string): Promise<boolean> {
    return this.#inner.claim(resource, holder);
  }

  release(resource: string, holder: string): Promise<void> {
    return this.#inner.release(resource, holder);
  }

  async holders(): Promise<Map<string, string>> {
    if (this.#gate !== undefined) {
      this.waiting += 1;
      await this.#gate;
      this.waiting -= 1;
    }
    return this.#inner.holders();
  }

  /** From now on, `holders()` waits until `open()`. */
  hold(): void {
    this.#gate ??= new Promise((resolve) => (this.#open = resolve));
  }

  open(): void {
    this.#open?.();
    this.#gate = undefined;
  }
}

/**
 * The stop button (R22) reaches a worker's analyses while its round waits on a slow lease call: in a loaded test
 * run a round's lease call took 2-4 s (the disk busy) and the stop, queued behind that round, missed its 2 s.
 */
describe('vigie worker: the stop button does not wait behind a round', () => {
  let dir: string;
  let camera: FakeRtspCamera | undefined;
  let database: VigieDatabase | undefined;
  let app: VigieApp | undefined;
  let worker: VigieWorker | undefined;
  const leases = new HeldLeases(new MemoryLeases({ clock: systemClock }));
  const logged: string[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vigie-worker-stop-'));
    camera = await startFakeRtspCamera(await renderTestClip({ dir, seconds: 60 }));
    database = await testEngines[0]!.open();
    const bus = new InProcessBus();
    const nodeSecret = randomBytes(24).toString('hex');
    const sourcePolicy = { allowFiles: false, allowedNetworks: ['127.0.0.0/8'] };
    app = await buildApp({
      database,
      clock: systemClock,
      webRoot: '/nonexistent',
      mediaDir: join(dir, 'server'),
      bus,
      workers: 'remote',
      nodeSecret,
      sourcePolicy,
    });
    await addAuthorisedCamera(app, 'Rue de Paris', camera.url);
    worker = new VigieWorker({
      work: unitOfWork(database.db, systemClock),
      bus,
      leases,
      clock: systemClock,
      dataDir: join(dir, 'worker'),
      ffmpegPath: locateFfmpeg().path,
      nodeSecret,
      listen: { host: '127.0.0.1', port: 0 },
      capacity: 4,
      timeZone: frenchProfile.timeZone,
      sourcePolicy,
      segmentSeconds: 2,
      log: (level, message, fields) => logged.push(`${level} ${message} ${JSON.stringify(fields ?? {})}`),
    });
    await worker.start();
  }, 120_000);

  afterAll(async () => {
    leases.open();
    await worker?.stop();
    await app?.http.close();
    await database?.close();
    await camera?.stop();
    await rm(dir, { recursive: true, force: true });
  }, 60_000);

  it('ends the analyses while the round in progress still waits for the leases', async () => {
    await expect.poll(() => worker!.analysedCameraIds.length, { timeout: 30_000 }).toBe(1);
    leases.hold();
    await expect.poll(() => leases.waiting, { timeout: 10_000 }).toBe(1);
    const pressedAt = Date.now();
    await app!.analyticsStops.press({ paused: true, reason: 'test of the stop button' }, { actorName: 'supervisor' });
    // Logged once the analysis has ended (its process and detector closed). Behind the held round it would never end:
    // the bound leaves a loaded machine time to end it (the 2 s promise itself: scale-out.test, with two workers).
    const ended = () =>
      logged.some((line) => line.startsWith('info camera analytics') && line.includes('"analytics":[]'));
    await expect.poll(ended, { timeout: 5000, message: logged.slice(-10).join('\n') }).toBe(true);
    console.log(`analyses ended ${Date.now() - pressedAt} ms after the press, the round still held`);
    // The round was held throughout: what ended the analyses did not wait for it.
    expect(leases.waiting).toBe(1);
    leases.open();
    // The rounds that follow keep them ended.
    await expect.poll(() => leases.waiting).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(worker!.analysedCameraIds).toEqual([]);
    expect(worker!.cameraIds).toHaveLength(1);
  }, 90_000);
});
