import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  FfmpegSupervisor,
  recordArgs,
  sourceInputArgs,
  sourceSecrets,
  type BackoffPolicy,
  type SupervisorLogEntry,
} from '@vigie/media';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { definedOnly } from '@vigie/core';
import { testFfmpegCapabilities as ffmpeg, testFfmpegPath } from './support/test-ffmpeg.js';
import { startFakeRtspCamera, type FakeRtspCamera } from '@vigie/media/testing';
import { watchStatuses } from './support/status-waiter.js';
import { renderTestClip } from './support/test-clips.js';

const dir = await mkdtemp(join(tmpdir(), 'vigie-supervisor-'));
const fastRetry = { initialMs: 200, maxMs: 1000, factor: 2 };
let clip = '';
let camera: FakeRtspCamera | undefined;
let supervisor: FfmpegSupervisor | undefined;
const logs: SupervisorLogEntry[] = [];

beforeAll(async () => {
  clip = await renderTestClip({ dir, seconds: 60 });
});
afterEach(async () => {
  await supervisor?.stopAll();
  await camera?.stop();
  supervisor = undefined;
  camera = undefined;
});
afterAll(() => rm(dir, { recursive: true, force: true }));

function newSupervisor(stallTimeoutMs = 8000, backoff: BackoffPolicy | undefined = fastRetry): FfmpegSupervisor {
  supervisor = new FfmpegSupervisor({
    ffmpegPath: testFfmpegPath,
    ffmpegCapabilities: ffmpeg,
    ...definedOnly({ backoff }),
    stallTimeoutMs,
    stopStepMs: 2000,
    log: (entry) => logs.push(entry),
  });
  return supervisor;
}

async function recordJob(
  sourceUrl: string,
  name: string,
): Promise<{ id: string; outDir: string; args: () => string[] }> {
  const outDir = join(dir, name);
  await mkdir(outDir, { recursive: true });
  return {
    id: `${name}:record`,
    outDir,
    args: () =>
      recordArgs({ input: sourceInputArgs({ sourceUrl, ioTimeoutSeconds: 3, ffmpeg }), outputDir: outDir, ffmpeg }),
  };
}

describe('ffmpeg supervisor (real ffmpeg, real RTSP)', () => {
  it('reports a camera online, offline when its server dies, and online again once it is back', async () => {
    camera = await startFakeRtspCamera(clip);
    const s = newSupervisor();
    const statuses = watchStatuses(s);
    const job = await recordJob(camera.url, 'restart');
    s.start({ id: job.id, args: job.args });
    await statuses.next((x) => x.state === 'online', 'online');
    await camera.kill();
    const offline = await statuses.next((x) => x.state === 'offline', 'offline after the kill');
    expect(offline.reason).not.toBe('');
    expect(offline.retryInMs).toBeGreaterThan(0);
    await camera.restart();
    await statuses.next((x) => x.state === 'online', 'online after the restart');
    expect(s.status(job.id)?.state).toBe('online');
  }, 120_000);

  it('with the default backoff, retries within 2 s of a camera coming back from a 20 s outage', async () => {
    camera = await startFakeRtspCamera(clip);
    const s = newSupervisor(8000, undefined);
    const statuses = watchStatuses(s);
    const job = await recordJob(camera.url, 'outage');
    s.start({ id: job.id, args: job.args });
    await statuses.next((x) => x.state === 'online', 'online');
    await camera.kill();
    await new Promise((resolve) => setTimeout(resolve, 20_000));
    await camera.restart();
    const backAt = Date.now();
    await statuses.next((x) => x.state === 'online', 'online after the outage');
    const retries = statuses.all.filter((x) => x.retryInMs !== undefined).map((x) => x.retryInMs ?? 0);
    expect(retries.length).toBeGreaterThan(5);
    expect(Math.max(...retries)).toBeLessThanOrEqual(2000);
    // The run that came back was started at most one retry delay after the camera was (the old policy: up to 16 s).
    const lastStart = statuses.all.filter((x) => x.state === 'starting').at(-1)!;
    expect(lastStart.at.getTime() - backAt).toBeLessThanOrEqual(2000 + 500);
    // The rest is ffmpeg connecting and probing the stream, then its first progress report (≈ 1–2 s idle).
    console.info(`camera back after 20 s: recording again after ${Date.now() - backAt} ms`);
  }, 120_000);

  it('keeps retrying a camera that refuses connections, and never shows its password', async () => {
    const s = newSupervisor();
    const statuses = watchStatuses(s);
    const url = 'rtsp://admin:hunter2@127.0.0.1:9/live';
    const job = await recordJob(url, 'refused');
    s.start({ id: job.id, args: job.args, secrets: sourceSecrets(url) });
    const first = await statuses.next((x) => x.state === 'offline', 'offline');
    expect(first.reason).toBe('the camera refused the connection');
    const second = await statuses.next((x) => x.state === 'offline', 'a second offline');
    expect(second.retryInMs).toBeGreaterThan(first.retryInMs!);
    const shown = JSON.stringify([statuses.all, logs]);
    expect(shown).toContain('admin:***@127.0.0.1');
    expect(shown).not.toContain('hunter2');
  }, 60_000);

  it('reports a missing file as an error a person must fix, without throwing', async () => {
    const s = newSupervisor();
    const statuses = watchStatuses(s);
    const job = await recordJob(`file://${join(dir, 'missing.mp4')}`, 'missing');
    s.start({ id: job.id, args: job.args });
    const error = await statuses.next((x) => x.state === 'error', 'error');
    expect(error.reason).toBe('the source file does not exist');
  }, 60_000);

  it('restarts a stream that hangs without closing its connection', async () => {
    camera = await startFakeRtspCamera(clip);
    // Longer than two progress reports (every 2 s), so that only the hang stalls it.
    const s = newSupervisor(5000);
    const statuses = watchStatuses(s);
    const job = await recordJob(camera.url, 'hung');
    s.start({ id: job.id, args: job.args });
    await statuses.next((x) => x.state === 'online', 'online');
    camera.pause();
    const offline = await statuses.next((x) => x.state === 'offline', 'offline while hung');
    expect(offline.reason).toBe('no video received for 5 s');
    camera.resume();
    await statuses.next((x) => x.state === 'online', 'online after the hang');
  }, 120_000);

  it('stops gracefully: the segment being written is closed and listed', async () => {
    camera = await startFakeRtspCamera(clip);
    const s = newSupervisor();
    const statuses = watchStatuses(s);
    const job = await recordJob(camera.url, 'graceful');
    s.start({ id: job.id, args: job.args });
    await statuses.next((x) => x.state === 'online', 'online');
    await s.stop(job.id);
    expect(statuses.all.at(-1)?.state).toBe('stopped');
    const list = await readFile(join(job.outDir, 'segments.csv'), 'utf8');
    expect(list.trim().split('\n').length).toBeGreaterThanOrEqual(1);
    expect(list).toMatch(/^000000\.mp4,0\.0+,\d+\.\d+$/m);
  }, 60_000);
});
