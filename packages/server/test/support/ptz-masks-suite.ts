import { join } from 'node:path';
import { testEngines, type TestEngine } from '@vigie/db/testing';
import { LocalDiskStorage } from '@vigie/media';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOnvifDevice, type FakeOnvifDevice } from '../../../media/test/support/fake-onvif-device.js';
import {
  framesOf,
  kindOf,
  redPixels,
  sceneSize,
  startPtzSceneCamera,
  type FrameKind,
  type PtzSceneCamera,
} from '../../../media/test/support/ptz-scene-camera.js';
import { loginAs, openTestApp, type SessionHeaders, type TestApp } from '../support.js';
import { addOnvifCamera, box, onvifPassword, segmentsLater, segmentsOf } from './recorded-onvif-camera.js';

/**
 * The tests of PTZ masks that follow the head, recorded by real ffmpeg, on the engine named: one file per engine
 * (`ptz-masks-<engine>.api.test.ts`), so that the engines' minute of recording each runs in parallel.
 */
export function describePtzMasks(engineName: TestEngine['name']): void {
  const engines = testEngines.filter((engine) => engine.name === engineName);
  describe.each(engines)('PTZ masks that follow the head, recorded by real ffmpeg, on $name', (engine) => {
    let app: TestApp;
    let device: FakeOnvifDevice;
    let scene: PtzSceneCamera;
    let supervisor: SessionHeaders;
    let operator: SessionHeaders;
    let dpo: SessionHeaders;
    let cameraId: string;
    let stopFleet: (() => Promise<void>) | undefined;
    const tokens: Record<'left' | 'right', string> = { left: '', right: '' };

    const call = (method: 'GET' | 'POST' | 'PUT', path: string, headers: SessionHeaders, payload?: unknown) =>
      app.http.inject({
        method,
        url: `/api/cameras/${cameraId}/ptz${path}`,
        headers,
        ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
      });

    const segments = () => segmentsOf(app, cameraId);

    beforeAll(async () => {
      // The picture follows the test device's head (before the device exists, the head is taken as turning).
      scene = await startPtzSceneCamera(() => (device === undefined ? undefined : device.position()));
      device = await startFakeOnvifDevice({
        username: 'vigie',
        password: onvifPassword,
        discoverable: false,
        profiles: [{ token: 'main', name: 'Main', ...sceneSize, fps: 10, gop: 10, streamUrl: scene.url }],
      });
      app = await openTestApp(engine);
      supervisor = await loginAs(app, ['supervisor']);
      operator = await loginAs(app, ['operator']);
      dpo = await loginAs(app, ['dpo']);
      cameraId = await addOnvifCamera(app, supervisor, device, `Beffroi PTZ ${engine.name}`);
      // Two presets: the private window on the left of the picture (pan 0), then on the right (pan 0.5).
      for (const [side, pan] of [
        ['left', 0],
        ['right', 0.5],
      ] as const) {
        device.point({ pan, tilt: 0, zoom: 0 });
        const saved = await call('POST', '/presets', supervisor, { name: `Fenêtre ${side}` });
        expect(saved.statusCode, saved.body).toBe(201);
        tokens[side] = saved.json<{ token: string }>().token;
      }
    }, 60_000);
    afterAll(async () => {
      await stopFleet?.();
      await app?.close();
      await device?.stop();
      await scene?.stop();
    });

    it('stores masks per preset for supervisors, validated and audited', async () => {
      const left = await call('PUT', `/presets/${tokens.left}/masks`, supervisor, {
        masks: [{ id: 'fenetre', label: 'Fenêtre du 2e', polygon: box(0.05, 0.2, 0.35, 0.8) }],
      });
      expect(left.statusCode, left.body).toBe(200);
      expect(left.json()).toMatchObject({ preset: tokens.left, position: { pan: 0, tilt: 0, zoom: 0 } });
      const right = await call('PUT', `/presets/${tokens.right}/masks`, supervisor, {
        masks: [{ id: 'fenetre', polygon: box(0.65, 0.2, 0.95, 0.8) }],
      });
      expect(right.statusCode, right.body).toBe(200);

      const listed = await call('GET', '/masks', supervisor);
      expect(
        listed.json<{ preset: string; position: { pan: number } }[]>().map((p) => [p.preset, p.position.pan]),
      ).toEqual(
        expect.arrayContaining([
          [tokens.left, 0],
          [tokens.right, 0.5],
        ]),
      );
      expect((await call('PUT', `/presets/${tokens.left}/masks`, operator, { masks: [] })).statusCode).toBe(403);
      const unknown = await call('PUT', '/presets/nowhere/masks', supervisor, { masks: [] });
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json()).toMatchObject({ error: { code: 'PTZ_PRESET_NOT_FOUND' } });
      const triangle = await call('PUT', `/presets/${tokens.left}/masks`, supervisor, {
        masks: [{ id: 'x', polygon: [{ x: 0, y: 0 }], liftable: true }],
      });
      expect(triangle.statusCode).toBe(400);
      expect(triangle.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
      const audit = await app.http.inject({
        method: 'GET',
        url: `/api/audit?cameraId=${cameraId}&action=ptz.preset_masks_saved`,
        headers: dpo,
      });
      expect(
        audit
          .json<{ details: { preset: string } }[]>()
          .map((e) => e.details.preset)
          .sort(),
      ).toEqual([tokens.left, tokens.right].sort());
    });

    it('never stores the private window: black while the head moves or its position is unknown, each preset with its own mask', async () => {
      // The head is turning when recording starts (by hand: this server refuses to move a camera whose preset masks no
      // recorder of it follows yet): its position is unknown.
      device.turnByHand();
      const fleet = await app.startRecording({
        segmentSeconds: 2,
        backoff: { initialMs: 200, maxMs: 1000, factor: 2 },
        // Reads a second apart: a move sent before the whole picture is masked would be stored for up to a second.
        ptzFollow: { pollMs: 1000, settleMs: 1000 },
      });
      stopFleet = () => fleet.stop();
      await segmentsLater(app, cameraId, 2);
      expect((await call('POST', `/presets/${tokens.left}/go`, supervisor)).statusCode).toBe(204);
      await segmentsLater(app, cameraId, 4);
      // A move from the console: the whole picture is masked before the head turns.
      expect((await call('POST', '/move', supervisor, { pan: -0.4 })).statusCode).toBe(204);
      await segmentsLater(app, cameraId, 3);
      expect((await call('POST', `/presets/${tokens.right}/go`, supervisor)).statusCode).toBe(204);
      await segmentsLater(app, cameraId, 4);
      // The camera stops answering (its head still on the right preset): its position is unknown again.
      await device.stop();
      await segmentsLater(app, cameraId, 3);
      await fleet.stop();
      stopFleet = undefined;

      const storage = new LocalDiskStorage(join(app.mediaDir, 'recordings'));
      const kinds: FrameKind[] = [];
      let red = 0;
      let frames = 0;
      for (const segment of await segments()) {
        for (const frame of await framesOf(storage.pathOf(segment.key))) {
          red += redPixels(frame);
          frames += 1;
          const kind = kindOf(frame);
          if (kinds.at(-1) !== kind) kinds.push(kind);
        }
      }
      expect(frames).toBeGreaterThan(100);
      expect(red).toBe(0);
      expect(kinds).toEqual(['black', 'left masked', 'black', 'right masked', 'black']);
    }, 180_000);
  });
}
