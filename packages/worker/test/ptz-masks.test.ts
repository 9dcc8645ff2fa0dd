import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InProcessBus } from '@vigie/bus';
import {
  cameraSettingsFromInput,
  frenchProfile,
  systemClock,
  type Camera,
  type DomainEvent,
  type HeadState,
} from '@vigie/core';
import { FfmpegSupervisor, LocalDiskStorage, locateFfmpeg } from '@vigie/media';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  framesOf,
  kindOf,
  redPixels,
  startPtzSceneCamera,
  type FrameKind,
  type PtzSceneCamera,
} from '../../media/test/support/ptz-scene-camera.js';
import { CameraRunner } from '../src/camera-runner.js';
import { Outbox } from '../src/outbox.js';

const leftWindow = [
  { x: 0.05, y: 0.2 },
  { x: 0.35, y: 0.2 },
  { x: 0.35, y: 0.8 },
  { x: 0.05, y: 0.8 },
];

describe('CameraRunner: masks drawn per PTZ preset, on a worker', () => {
  let dir: string;
  let scene: PtzSceneCamera;
  /** What the camera answers when its head is read; the picture follows `pointing`. */
  let head: HeadState | undefined;
  let pointing: { pan: number; tilt: number; zoom: number } | undefined;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vigie-ptz-worker-'));
    scene = await startPtzSceneCamera(() => pointing);
  }, 60_000);
  afterAll(async () => {
    await scene?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('records the whole picture black while the head cannot be read, then the preset masked once it rests there', async () => {
    const camera: Camera = {
      ...cameraSettingsFromInput(
        {
          name: 'Beffroi',
          sourceUrl: scene.url,
          location: { lat: 50.35, lon: 3.52 },
          purposes: ['public_space_safety'],
          // A fixed mask elsewhere: replaced by the preset masks (it would leave the window open).
          masks: [{ id: 'fixe', polygon: leftWindow.map((p) => ({ x: p.x + 0.6, y: p.y })) }],
        },
        frenchProfile,
      ),
      id: 'cam-ptz',
      version: 1,
      createdAt: 'x',
      updatedAt: 'y',
      authorisation: { state: 'valid', expiresAt: '2099-01-01T00:00:00.000Z' },
    };
    const bus = new InProcessBus();
    const events: DomainEvent[] = [];
    const subscription = await bus.follow((event) => void events.push(event));
    const problems: string[] = [];
    const supervisor = new FfmpegSupervisor({ ffmpegPath: locateFfmpeg().path, clock: systemClock });
    const storage = new LocalDiskStorage(join(dir, 'recordings'));
    const runner = new CameraRunner({
      camera,
      sources: () => ({ record: scene.url, analysis: scene.url }),
      node: 'test-node',
      supervisor,
      storage,
      spoolDir: join(dir, 'spool'),
      ffmpegPath: locateFfmpeg().path,
      clock: systemClock,
      outbox: new Outbox({ bus, clock: systemClock, onError: (error) => problems.push(String(error)) }),
      segmentSeconds: 2,
      follow: {
        presets: [
          { preset: 'left', position: { pan: 0, tilt: 0, zoom: 0 }, masks: [{ id: 'w', polygon: leftWindow }] },
        ],
        head: () => (head === undefined ? Promise.reject(new Error('device unreachable')) : Promise.resolve(head)),
      },
      verifyModel: async () => {},
      onProblem: (message) => problems.push(message),
    });
    const keys = () => events.flatMap((e) => (e.type === 'segment.recorded' ? [e.segment.key] : []));
    try {
      // The head rests on the left preset, but the camera does not answer: its position is unknown.
      pointing = { pan: 0, tilt: 0, zoom: 0 };
      runner.start();
      await expect.poll(() => keys().length, { timeout: 30_000, interval: 200 }).toBeGreaterThanOrEqual(2);
      head = { kind: 'still', position: { pan: 0, tilt: 0, zoom: 0 } };
      const before = keys().length;
      await expect.poll(() => keys().length, { timeout: 30_000, interval: 200 }).toBeGreaterThanOrEqual(before + 4);
    } finally {
      await runner.stop();
      await supervisor.stopAll();
      await subscription.close();
    }
    const kinds: FrameKind[] = [];
    let red = 0;
    for (const key of keys()) {
      for (const frame of await framesOf(storage.pathOf(key))) {
        red += redPixels(frame);
        if (kinds.at(-1) !== kindOf(frame)) kinds.push(kindOf(frame));
      }
    }
    expect(red).toBe(0);
    expect(kinds).toEqual(['black', 'left masked']);
  }, 120_000);
});
