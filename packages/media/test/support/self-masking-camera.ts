import { copyFile, mkdir, utimes, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fromOnvifPoint, segmentKey, toOnvifPoint } from '@vigie/core';
import { startFakeOnvifDevice, type FakeOnvifDevice } from './fake-onvif-device.js';
import { sceneSize, startPtzSceneCamera, type PtzSceneCamera } from './ptz-scene-camera.js';

/** A rectangle as a mask polygon, in normalised coordinates. */
export const box = (x0: number, y0: number, x1: number, y1: number): { x: number; y: number }[] => [
  { x: x0, y: y0 },
  { x: x1, y: y0 },
  { x: x1, y: y1 },
  { x: x0, y: y1 },
];

/** Vigie's mask over the scene's red "private window" (x 0.1–0.3, y 0.3–0.7 with the head at pan 0). */
export const windowMask = box(0.05, 0.2, 0.35, 0.8);

/** The test device's own mask over it, a little larger (ONVIF coordinates). */
export const deviceMask = box(0.04, 0.18, 0.36, 0.82).map((p) => toOnvifPoint(p));

/** A test camera that applies privacy masks itself: its scene, and the ONVIF device that lists them. */
export interface SelfMaskingCamera {
  scene: PtzSceneCamera;
  device: FakeOnvifDevice;
  stop(): Promise<void>;
}

/**
 * A fixed scene camera whose ONVIF device (user `vigie`, this password, Media2) lists one mask over the red window,
 * a little larger than `windowMask` (token `fenetre`); its firmware burns in (grey) the masks the device lists now,
 * while `burning()` says so, as one that lists masks it does not apply otherwise.
 */
export async function startSelfMaskingCamera(
  password: string,
  burning: () => boolean = () => true,
): Promise<SelfMaskingCamera> {
  // Read by the scene's every frame, from before the device starts.
  const listed: { device?: FakeOnvifDevice } = {};
  const scene = await startPtzSceneCamera(
    () => ({ pan: 0, tilt: 0, zoom: 0 }),
    () =>
      burning() && listed.device !== undefined
        ? listed.device
            .masks()
            .filter((mask) => mask.enabled ?? true)
            .map((mask) => mask.polygon.map((p) => fromOnvifPoint(p.x, p.y)))
        : [],
  );
  const device = await startFakeOnvifDevice({
    username: 'vigie',
    password,
    discoverable: false,
    profiles: [{ token: 'main', name: 'Main', ...sceneSize, fps: 10, gop: 10, streamUrl: scene.url }],
    masks: [{ token: 'fenetre', polygon: deviceMask }],
  });
  listed.device = device;
  return {
    scene,
    device,
    stop: async () => {
      await device.stop();
      await scene.stop();
    },
  };
}

/**
 * What a recorder killed during a copy run leaves, made from a copied segment file (`copied`) after `lastEnd`: one
 * segment stored but never indexed or reported (`heldKey`, starting 1 s after), and one its ffmpeg had completed in
 * the spool under `recordingsDir` (`spoolKey`: its end is the file's time, 7 s after, its start 2 s before).
 */
export async function leaveKilledCopies(options: {
  storage: { pathOf(key: string): string };
  recordingsDir: string;
  cameraId: string;
  copied: string;
  lastEnd: Date;
}): Promise<{ heldKey: string; spoolKey: string }> {
  const { storage, recordingsDir, cameraId, copied, lastEnd } = options;
  const heldKey = segmentKey(cameraId, new Date(lastEnd.getTime() + 1000));
  await mkdir(dirname(storage.pathOf(heldKey)), { recursive: true });
  await copyFile(copied, storage.pathOf(heldKey));
  const run = join(recordingsDir, '.spool', cameraId, 'run-killed');
  await mkdir(run, { recursive: true });
  await copyFile(copied, join(run, 'seg-0.mp4'));
  await writeFile(join(run, 'segments.csv'), 'seg-0.mp4,0.000,2.000\n');
  const spoolEnd = new Date(lastEnd.getTime() + 7000);
  await utimes(join(run, 'seg-0.mp4'), spoolEnd, spoolEnd);
  return { heldKey, spoolKey: segmentKey(cameraId, new Date(spoolEnd.getTime() - 2000)) };
}
