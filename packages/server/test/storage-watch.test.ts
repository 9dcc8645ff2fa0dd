import type { VolumeSpace } from '@vigie/core';
import { testEngines } from '@vigie/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cameraBody, openTestApp, tokenAs, type TestApp } from './support.js';
import type { PushEvent } from '../src/events/push-event.js';
import { volumeSpace } from '../src/video/storage-watch.js';

const gib = 1024 ** 3;

// Issue 10 #14: recording stopped with "No space left on device" and nobody was told before.
describe.each(testEngines)('low-disk alert on $name', (engine) => {
  let app: TestApp;
  let space: VolumeSpace = { freeBytes: 50 * gib, totalBytes: 100 * gib };
  const pushed: PushEvent[] = [];

  beforeAll(async () => {
    app = await openTestApp(engine, undefined, {
      storageSpace: { probe: () => Promise.resolve(space), threshold: { minFreeShare: 0.05, minFreeBytes: 2 * gib } },
    });
    app.events.subscribe(
      () => ({ roles: ['operator'], cameras: 'all' }),
      (event) => pushed.push(event),
    );
  });
  afterAll(() => app?.close());

  it('opens a disk-low alert on each recording camera before the disk is full, pushed and audited once', async () => {
    const supervisor = await tokenAs(app, ['supervisor']);
    const create = async (name: string, enabled: boolean) =>
      (
        await app.http.inject({
          method: 'POST',
          url: '/api/cameras',
          headers: supervisor,
          payload: cameraBody({ name, enabled }),
        })
      ).json<{ id: string }>().id;
    const recording = await create('Gare', true);
    await create('Réserve', false);
    const watch = app.storageWatch;
    if (watch === undefined) throw new Error('an embedded server watches its disk');

    expect(await watch.check()).toBe(false);
    space = { freeBytes: 4.9 * gib, totalBytes: 100 * gib };
    expect(await watch.check()).toBe(true);
    // Measured again while still low: nothing more is opened nor audited.
    expect(await watch.check()).toBe(true);
    // Just above the threshold is not recovery yet (no flapping): 10 % above it is.
    space = { freeBytes: 5.2 * gib, totalBytes: 100 * gib };
    expect(await watch.check()).toBe(true);
    space = { freeBytes: 6 * gib, totalBytes: 100 * gib };
    expect(await watch.check()).toBe(false);

    const auditor = await tokenAs(app, ['dpo']);
    const trail = await app.http.inject({ method: 'GET', url: '/api/audit?action=storage.low', headers: auditor });
    expect(trail.json<{ actorName: string; details: unknown }[]>()).toEqual([
      expect.objectContaining({
        actorName: 'vigie',
        details: {
          freeBytes: 4.9 * gib,
          totalBytes: 100 * gib,
          threshold: { minFreeShare: 0.05, minFreeBytes: 2 * gib },
        },
      }),
    ]);
    const recovered = await app.http.inject({
      method: 'GET',
      url: '/api/audit?action=storage.recovered',
      headers: auditor,
    });
    expect(recovered.json<unknown[]>()).toHaveLength(1);

    const alerts = await app.http.inject({ method: 'GET', url: '/api/alerts?type=storage_low', headers: supervisor });
    const list = alerts.json<{ cameraId: string; severity: string; message: string; notes: { text: string }[] }[]>();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      cameraId: recording,
      severity: 'high',
      message: expect.stringContaining('Recordings disk almost full (4.9 GiB free of 100.0 GiB)') as string,
      notes: [{ text: expect.stringMatching(/^Disk space back at .* \(6\.0 GiB free of 100\.0 GiB\)\.$/) as string }],
    });
    // Pushed to the consoles through the bus.
    await expect
      .poll(() => pushed.flatMap((e) => (e.type === 'alert.opened' ? [e.alert.type] : [])))
      .toEqual(['storage_low']);
  });

  it('measures the real volume of the recordings with statfs', async () => {
    const real = await volumeSpace(app.mediaDir);
    expect(real.totalBytes).toBeGreaterThan(0);
    expect(real.freeBytes).toBeGreaterThan(0);
    expect(real.freeBytes).toBeLessThanOrEqual(real.totalBytes);
  });
});
