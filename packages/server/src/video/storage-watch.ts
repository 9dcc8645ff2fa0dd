import { statfs } from 'node:fs/promises';
import { storageIsLow, type Clock, type StorageThreshold, type VolumeSpace } from '@vigie/core';
import type { UnitOfWork } from '@vigie/db';
import type { FastifyBaseLogger } from 'fastify';
import type { AlertService } from '../services/alert.service.js';

/** Measures the free space of the volume holding `dir` (statfs: the blocks an unprivileged process may use). */
export async function volumeSpace(dir: string): Promise<VolumeSpace> {
  const stats = await statfs(dir);
  return { freeBytes: stats.bavail * stats.bsize, totalBytes: stats.blocks * stats.bsize };
}

/** How often the recordings volume is measured. */
export const storageCheckIntervalMs = 30_000;

/** What the watch needs. */
export interface StorageWatchOptions {
  work: UnitOfWork;
  clock: Clock;
  alerts: AlertService;
  /** Measures the recordings volume (default `volumeSpace` of it; tests inject one). */
  probe: () => Promise<VolumeSpace>;
  threshold: StorageThreshold;
  log: FastifyBaseLogger;
}

const gib = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(1)} GiB`;

/**
 * Watches the free space of the recordings volume: when it falls below the threshold, before recording stops with
 * "No space left on device", a "disk low" alert opens on every enabled camera (pushed to consoles) and the audit
 * trail records it once; when space is back, the alerts get a note and the trail records the recovery.
 */
export class StorageWatch {
  readonly #options: StorageWatchOptions;
  #low = false;

  constructor(options: StorageWatchOptions) {
    this.#options = options;
  }

  /** Measures once and acts on a change; returns whether the volume is low now. */
  async check(): Promise<boolean> {
    const { alerts, clock, log, probe, threshold, work } = this.#options;
    const space = await probe();
    const low = storageIsLow(space, threshold, this.#low);
    if (low === this.#low) return low;
    this.#low = low;
    const details = { freeBytes: space.freeBytes, totalBytes: space.totalBytes, threshold };
    const cameras = await work(async ({ audit, cameras: store }) => {
      await audit.append({
        action: low ? 'storage.low' : 'storage.recovered',
        actorName: 'vigie',
        source: 'storage watch',
        details,
      });
      return (await store.list()).filter((camera) => camera.enabled);
    });
    const free = `${gib(space.freeBytes)} free of ${gib(space.totalBytes)}`;
    if (low) {
      log.error(details, 'recordings volume low on space: recording stops when it is full');
      for (const camera of cameras)
        await alerts.storageLow(
          camera.id,
          `Recordings disk almost full (${free}): recording stops when it is full. Free space or add storage.`,
        );
    } else {
      log.info(details, 'recordings volume has space again');
      for (const camera of cameras)
        await alerts.storageRecovered(camera.id, `Disk space back at ${clock.now().toISOString()} (${free}).`);
    }
    return low;
  }
}
