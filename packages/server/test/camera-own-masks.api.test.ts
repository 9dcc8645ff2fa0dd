import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { testEngines } from '@vigie/db/testing';
import { connectOnvif, LocalDiskStorage, media2Request } from '@vigie/media';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeOnvifDevice } from '../../media/test/support/fake-onvif-device.js';
import { framesOf, maskedBy, redPixels, type PtzSceneCamera } from '../../media/test/support/ptz-scene-camera.js';
import {
  deviceMask,
  leaveKilledCopies,
  startSelfMaskingCamera,
  windowMask,
} from '../../media/test/support/self-masking-camera.js';
import { loginAs, openTestApp, type SessionHeaders, type TestApp } from './support.js';
import { follow, servedStream } from './support/live-socket.js';
import { addOnvifCamera, onvifPassword, segmentsLater, segmentsOf } from './support/recorded-onvif-camera.js';

interface Health {
  measures: { maskEncoder?: string; cameraMasks?: string };
  warnings: { code: string; en: string; fr: string }[];
}

// The recorder's logic does not depend on the database (the column's migration runs on both in the repository tests).
const pglite = testEngines.filter((engine) => engine.name === 'pglite');

describe.each(pglite)(
  'privacy masks applied by the camera itself (ONVIF Media2), checked by Vigie, on $name',
  (engine) => {
    let app: TestApp;
    let device: FakeOnvifDevice;
    let scene: PtzSceneCamera;
    let supervisor: SessionHeaders;
    let dpo: SessionHeaders;
    let operator: SessionHeaders;
    let base: string;
    let cameraId: string;
    let stopFleet: (() => Promise<void>) | undefined;
    /** Whether the test camera's firmware burns in the masks its ONVIF device lists. */
    let burning = true;

    const segments = () => segmentsOf(app, cameraId);
    /** The frames of the first live messages of the camera's main stream, as an operator watches it. */
    async function liveFrames(): Promise<{ served: string | undefined; frames: Buffer[] }> {
      const opened = await app.http.inject({ method: 'POST', url: `/api/cameras/${cameraId}/live`, headers: operator });
      expect(opened.statusCode, opened.body).toBe(201);
      const { sessionId } = opened.json<{ sessionId: string }>();
      const { socket, done } = follow(
        `${base}/api/live/${sessionId}/stream?stream=main`,
        { cookie: operator.cookie },
        (r) => r.binaries.length >= 12,
      );
      const received = await done;
      socket.close();
      const file = join(app.mediaDir, `live-${Date.now()}.mp4`);
      await writeFile(file, Buffer.concat(received.binaries));
      return { served: servedStream(received), frames: await framesOf(file) };
    }
    const health = async (): Promise<Health> =>
      (await app.http.inject({ method: 'GET', url: `/api/cameras/${cameraId}/health`, headers: supervisor })).json();

    beforeAll(async () => {
      // The test camera burns in the masks its device lists (grey), while `burning`: Vigie's are black.
      ({ scene, device } = await startSelfMaskingCamera(onvifPassword, () => burning));
      app = await openTestApp(engine);
      supervisor = await loginAs(app, ['supervisor']);
      dpo = await loginAs(app, ['dpo']);
      operator = await loginAs(app, ['operator']);
      cameraId = await addOnvifCamera(app, supervisor, device, `Rue des Jardins ${engine.name}`);
      const patched = await app.http.inject({
        method: 'PATCH',
        url: `/api/cameras/${cameraId}`,
        headers: supervisor,
        payload: { masks: [{ id: 'fenetre', label: 'Fenêtre du 1er', polygon: windowMask }], masksOnCamera: true },
      });
      expect(patched.statusCode, patched.body).toBe(200);
      expect(patched.json()).toMatchObject({ masksOnCamera: true });
      const me = (await app.http.inject({ method: 'GET', url: '/api/auth/me', headers: operator })).json<{
        username: string;
      }>();
      await app.users.assignCameras({ username: me.username, cameraIds: [cameraId], actor: { actorName: 'test' } });
      base = (await app.http.listen({ port: 0, host: '127.0.0.1' })).replace('http', 'ws');
    }, 60_000);
    afterAll(async () => {
      await stopFleet?.();
      await app?.close();
      await device?.stop();
      await scene?.stop();
    });

    it('copies the stream while the camera’s masks cover Vigie’s, and masks it itself, with a warning, when they do not or the camera does not answer', async () => {
      const fleet = await app.startRecording({
        segmentSeconds: 2,
        backoff: { initialMs: 200, maxMs: 1000, factor: 2 },
        cameraMaskCheckMs: 1000,
      });
      stopFleet = () => fleet.stop();
      await segmentsLater(app, cameraId, 3);
      // (The test scene is tiny: its low bit rate is a warning of its own, whoever masks.)
      const codes = (h: Health): string[] => h.warnings.map((w) => w.code);
      const verified = await health();
      expect(verified.measures).toMatchObject({ cameraMasks: 'verified' });
      expect(verified.measures.maskEncoder).toBeUndefined();
      expect(codes(verified)).not.toContain('camera_masks_missing');
      // Live cannot wait for the next check of a copy: its main stream is masked by Vigie while watched.
      const live = await liveFrames();
      expect(live.served).toBe('main');
      expect(live.frames.length).toBeGreaterThan(5);
      expect(live.frames.filter((frame) => redPixels(frame) > 0)).toHaveLength(0);

      // The camera stops answering: its masks can no longer be vouched for, Vigie masks the picture.
      device.silence(true);
      await expect.poll(async () => (await health()).measures.cameraMasks, { timeout: 20_000 }).toBe('unreachable');
      await segmentsLater(app, cameraId, 3);
      const unreachable = await health();
      expect(unreachable.measures.maskEncoder).toBe('libx264');
      expect(codes(unreachable)).toContain('camera_masks_missing');

      device.silence(false);
      await expect.poll(async () => (await health()).measures.cameraMasks, { timeout: 20_000 }).toBe('verified');
      await segmentsLater(app, cameraId, 3);

      // Someone deletes the camera's mask (its web page, another client): Vigie masks again and warns.
      const cam = await connectOnvif(device.address, { username: 'vigie', password: onvifPassword });
      const deletedAt = new Date();
      await media2Request(cam, 'DeleteMask', '<Token>fenetre</Token>');
      await expect.poll(async () => (await health()).measures.cameraMasks, { timeout: 20_000 }).toBe('missing');
      // Three segments that ended after the deletion (counting rows indexed from now could count copies that ended
      // before it, indexed late on a loaded machine).
      await expect
        .poll(async () => (await segments()).filter((segment) => segment.endedAt > deletedAt).length, {
          timeout: 40_000,
          interval: 250,
        })
        .toBeGreaterThanOrEqual(3);
      const missing = await health();
      expect(missing.measures.maskEncoder).toBe('libx264');
      const warning = missing.warnings.find((w) => w.code === 'camera_masks_missing');
      expect(warning?.en).toMatch(/^Camera masks missing or smaller than configured/);
      expect(warning?.fr).toMatch(/^Masques de la caméra absents ou plus petits que configuré/);
      await fleet.stop();
      stopFleet = undefined;

      // Each stored segment: copied (the camera's grey over the window) or masked by Vigie (black), never unmasked.
      const storage = new LocalDiskStorage(join(app.mediaDir, 'recordings'));
      const modes: string[] = [];
      const sinceDeletion: string[] = [];
      for (const segment of await segments()) {
        const file = storage.pathOf(segment.key);
        // Re-masked segments are indexed with the hash and size of the file that replaced the copy.
        const bytes = await readFile(file);
        expect(createHash('sha256').update(bytes).digest('hex'), segment.key).toBe(segment.sha256);
        expect(bytes.length).toBe(segment.bytes);
        const mode = await maskedBy(file);
        if (modes.at(-1) !== mode) modes.push(mode);
        // No check that began after the mask was deleted passed: whatever ended after it was copied unvouched.
        if (segment.endedAt > deletedAt) sinceDeletion.push(mode);
      }
      expect(modes).toEqual(['camera', 'Vigie', 'camera', 'Vigie']);
      expect(sinceDeletion.length).toBeGreaterThanOrEqual(3);
      expect(new Set(sinceDeletion)).toEqual(new Set(['Vigie']));

      const audit = await app.http.inject({
        method: 'GET',
        url: `/api/audit?cameraId=${cameraId}&action=camera.own_masks_checked`,
        headers: dpo,
      });
      const results = audit
        .json<{ at: string; details: { result: string; uncovered: string[] } }[]>()
        .sort((a, b) => a.at.localeCompare(b.at))
        .map((entry) => entry.details.result);
      expect(results).toEqual(['verified', 'unreachable', 'verified', 'missing']);

      // The copies stored after the last passing check, before Vigie masked again, were masked after the fact.
      const remasked = await app.http.inject({
        method: 'GET',
        url: `/api/audit?cameraId=${cameraId}&action=camera.segments_remasked`,
        headers: dpo,
      });
      const counts = remasked
        .json<{ details: { remasked: number; quarantined: number } }[]>()
        .map((entry) => entry.details);
      expect(counts).toHaveLength(2);
      for (const count of counts) {
        expect(count.quarantined).toBe(0);
        expect(count.remasked).toBeGreaterThanOrEqual(1);
      }
    }, 180_000);

    it('after a crash, masks what a copy recorder left unvouched (stored without its row, or in the spool) before indexing it', async () => {
      const storage = new LocalDiskStorage(join(app.mediaDir, 'recordings'));
      const indexed = await segments();
      let copied: string | undefined;
      for (const segment of indexed) {
        const file = storage.pathOf(segment.key);
        if ((await maskedBy(file)) === 'camera') {
          copied = file;
          break;
        }
      }
      if (copied === undefined) throw new Error('the test before stored no copied segment');
      const lastEnd = indexed.at(-1)!.endedAt;
      // What a killed server left: a copied segment stored but held out of the index, and one in its spool.
      const { heldKey, spoolKey } = await leaveKilledCopies({
        storage,
        recordingsDir: join(app.mediaDir, 'recordings'),
        cameraId,
        copied,
        lastEnd,
      });

      const fleet = await app.startRecording({ segmentSeconds: 2, cameraMaskCheckMs: 1000 });
      stopFleet = () => fleet.stop();
      const recovered = (await segments()).filter((s) => s.key === heldKey || s.key === spoolKey);
      expect(recovered.map((s) => s.key).sort()).toEqual([heldKey, spoolKey].sort());
      for (const segment of recovered) {
        const bytes = await readFile(storage.pathOf(segment.key));
        expect(createHash('sha256').update(bytes).digest('hex'), segment.key).toBe(segment.sha256);
        expect(await maskedBy(storage.pathOf(segment.key))).toBe('Vigie');
      }
      const audit = await app.http.inject({
        method: 'GET',
        url: `/api/audit?cameraId=${cameraId}&action=camera.segments_remasked`,
        headers: dpo,
      });
      const entries = audit.json<{ reason?: string; details: { remasked: number; quarantined: number } }[]>();
      expect(entries.find((entry) => /stopped abruptly/.test(entry.reason ?? ''))?.details).toMatchObject({
        remasked: 2,
        quarantined: 0,
      });
    }, 120_000);

    it('masks the picture itself when the camera lists its mask but does not burn it in, and re-masks the copies it held', async () => {
      await stopFleet?.();
      stopFleet = undefined;
      const since = new Date();
      // The camera's mask is created again (its web page): listed and burnt in, the stream is copied.
      const cam = await connectOnvif(device.address, { username: 'vigie', password: onvifPassword });
      const points = deviceMask
        .map((p) => `<Point xmlns="http://www.onvif.org/ver10/schema" x="${p.x}" y="${p.y}"/>`)
        .join('');
      await media2Request(
        cam,
        'CreateMask',
        '<Mask><ConfigurationToken xmlns="http://www.onvif.org/ver10/schema">vsc</ConfigurationToken>' +
          `<Polygon xmlns="http://www.onvif.org/ver10/schema">${points}</Polygon>` +
          '<Type xmlns="http://www.onvif.org/ver10/schema">Color</Type>' +
          '<Enabled xmlns="http://www.onvif.org/ver10/schema">true</Enabled></Mask>',
      );
      const fleet = await app.startRecording({
        segmentSeconds: 2,
        backoff: { initialMs: 200, maxMs: 1000, factor: 2 },
        cameraMaskCheckMs: 1000,
      });
      stopFleet = () => fleet.stop();
      await expect.poll(async () => (await health()).measures.cameraMasks, { timeout: 20_000 }).toBe('verified');
      await segmentsLater(app, cameraId, 3);

      // A faulty firmware: the camera still lists its mask, but its picture shows the window again.
      const stoppedAt = new Date();
      burning = false;
      await expect.poll(async () => (await health()).measures.cameraMasks, { timeout: 20_000 }).toBe('not_applied');
      await segmentsLater(app, cameraId, 3);
      // Its word alone is no longer taken while it lists the same mask: Vigie still masks, and warns.
      const failed = await health();
      expect(failed.measures).toMatchObject({ cameraMasks: 'not_applied', maskEncoder: 'libx264' });
      const warning = failed.warnings.find((w) => w.code === 'camera_masks_missing');
      expect(warning?.en).toMatch(/its picture is not masked there/);
      expect(warning?.fr).toMatch(/son image n’est pas masquée à ces endroits/);
      await fleet.stop();
      stopFleet = undefined;

      const storage = new LocalDiskStorage(join(app.mediaDir, 'recordings'));
      const modes: string[] = [];
      const afterStop: string[] = [];
      for (const segment of (await segments()).filter((s) => s.startedAt >= since)) {
        const mode = await maskedBy(storage.pathOf(segment.key));
        if (modes.at(-1) !== mode) modes.push(mode);
        if (segment.startedAt > stoppedAt) afterStop.push(mode);
      }
      // The copies that showed the window were masked after the fact: no indexed frame shows it. Before them, Vigie
      // masks the picture itself until the first check vouches for the camera's masks: a segment of its own, or
      // none, by how soon that check ends (under load, later than the first segment).
      expect(modes[0] === 'Vigie' ? modes.slice(1) : modes).toEqual(['camera', 'Vigie']);
      expect(afterStop.length).toBeGreaterThanOrEqual(3);

      const audit = await app.http.inject({
        method: 'GET',
        url: `/api/audit?cameraId=${cameraId}&action=camera.own_masks_checked`,
        headers: dpo,
      });
      const checks = audit
        .json<{ at: string; details: { result: string; uncovered: string[] } }[]>()
        .filter((entry) => entry.at >= since.toISOString())
        .sort((a, b) => a.at.localeCompare(b.at))
        .map((entry) => entry.details);
      expect(checks).toEqual([
        { result: 'verified', uncovered: [] },
        { result: 'not_applied', uncovered: ['fenetre'] },
      ]);
      const remasked = await app.http.inject({
        method: 'GET',
        url: `/api/audit?cameraId=${cameraId}&action=camera.segments_remasked`,
        headers: dpo,
      });
      const counts = remasked
        .json<{ at: string; details: { remasked: number; quarantined: number } }[]>()
        .filter((entry) => entry.at >= since.toISOString())
        .map((entry) => entry.details);
      expect(counts).toHaveLength(1);
      expect(counts[0]?.remasked).toBeGreaterThanOrEqual(1);
      expect(counts[0]?.quarantined).toBe(0);
    }, 180_000);
  },
);
