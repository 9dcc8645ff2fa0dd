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
  type CameraSettings,
} from '@vigie/core';
import { FfmpegSupervisor, LocalDiskStorage, freeLoopbackUdpPort, locateFfmpeg } from '@vigie/media';
import type { AnalysisStatus } from '@vigie/vision';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeRtspCamera, type FakeRtspCamera } from '@vigie/media/testing';
import { renderTestClip } from '../../media/test/support/test-clips.js';
import { CameraRunner } from '../src/camera-runner.js';
import { Outbox } from '../src/outbox.js';

function cameraOf(settings: Partial<CameraSettings>): Camera {
  return {
    ...cameraSettingsFromInput(
      {
        name: 'Rue',
        sourceUrl: 'rtsp://cam/main',
        location: { lat: 50.35, lon: 3.52 },
        purposes: ['public_space_safety'],
        analytics: ['people_count'],
      },
      frenchProfile,
    ),
    ...settings,
    id: 'cam-1',
    version: 1,
    createdAt: 'x',
    updatedAt: 'y',
    authorisation: { state: 'valid', expiresAt: '2099-01-01T00:00:00.000Z' },
  };
}

describe('CameraRunner: one pull per camera', () => {
  let dir: string;
  let source: FakeRtspCamera;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vigie-onepull-'));
    source = await startFakeRtspCamera(await renderTestClip({ dir, seconds: 30 }));
  }, 60_000);

  afterAll(async () => {
    await source.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('records and analyses an analysed camera over a single RTSP connection', async () => {
    const camera = cameraOf({ sourceUrl: source.url });
    const bus = new InProcessBus();
    const events: DomainEvent[] = [];
    const subscription = await bus.follow((event) => void events.push(event));
    const statuses: AnalysisStatus['state'][] = [];
    const problems: string[] = [];
    const supervisor = new FfmpegSupervisor({
      ffmpegPath: locateFfmpeg().path,
      clock: systemClock,
      log: (e) => problems.push(e.message),
    });
    const runner = new CameraRunner({
      camera,
      sources: () => ({ record: source.url, analysis: source.url }),
      node: 'test-node',
      supervisor,
      storage: new LocalDiskStorage(join(dir, 'recordings')),
      spoolDir: join(dir, 'spool'),
      ffmpegPath: locateFfmpeg().path,
      clock: systemClock,
      outbox: new Outbox({ bus, clock: systemClock, onError: (error) => problems.push(String(error)) }),
      segmentSeconds: 2,
      analysisTapPort: await freeLoopbackUdpPort(),
      onAnalysisStatus: (status) => {
        statuses.push(status.state);
        if (status.state === 'retrying') problems.push(status.reason);
      },
      verifyModel: async () => {},
      onProblem: (message) => problems.push(message),
    });
    const viewers = new Set<number>();
    const watch = setInterval(() => viewers.add(source.viewers()), 100);
    try {
      runner.start();
      await runner.analyse(camera, ['people_count']);
      const deadline = Date.now() + 30_000;
      const recorded = () => events.filter((e) => e.type === 'segment.recorded').length;
      while (!(statuses.includes('running') && recorded() >= 2)) {
        if (Date.now() > deadline)
          throw new Error(
            `not recording and analysing: ${JSON.stringify({ statuses, problems, recorded: recorded() })}`,
          );
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      // Both work, and the camera saw one connection throughout.
      expect(source.viewers()).toBe(1);
      expect(Math.max(...viewers)).toBe(1);
    } finally {
      clearInterval(watch);
      await runner.stop();
      await supervisor.stopAll();
      await subscription.close();
    }
  }, 90_000);
});
