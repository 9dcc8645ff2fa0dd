import { join } from 'node:path';
import type { RecordingGap, Segment } from '@vigie/core';
import { LocalDiskStorage, type RecorderHealth } from '@vigie/media';
import { describe, expect, it } from 'vitest';
import { recordingRig } from './support/recording-rig.js';
import { watchStatuses } from './support/status-waiter.js';

const rig = await recordingRig('vigie-timing-', 20);
const { dir } = rig;

/** A segment with the wall-clock moment the recorder handed it over (it cannot be listed before its end). */
type Seen = Segment & { seenAt: number };

function waitFor(check: () => boolean, what: string, within = 60_000): Promise<void> {
  const deadline = Date.now() + within;
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      if (check()) resolve();
      else if (Date.now() > deadline) reject(new Error(`never saw ${what}`));
      else return;
      clearInterval(timer);
    }, 50);
  });
}

describe('wall-clock truth (real ffmpeg, real RTSP)', () => {
  it('keeps indexed times on the wall clock when the camera timestamps jump back then forward, and says so', async () => {
    const camera = await rig.startCamera();
    const supervisor = rig.supervise();
    const statuses = watchStatuses(supervisor);
    const segments: Seen[] = [];
    const gaps: RecordingGap[] = [];
    const health: RecorderHealth[] = [];
    const problems: string[] = [];
    const recorder = rig.recorder({
      camera: { id: 'quai', sourceUrl: camera.url, masks: [] },
      supervisor,
      storage: new LocalDiskStorage(join(dir, 'store')),
      onSegment: (segment) => void segments.push({ ...segment, seenAt: Date.now() }),
      onGap: (gap) => void gaps.push(gap),
      onHealth: (h) => void health.push(h),
      onProblem: (message) => problems.push(message),
    });
    recorder.start();
    await statuses.next((s) => s.state === 'online', 'online');
    await waitFor(() => segments.length >= 3, '3 segments');
    // The camera steps its clock 14 s back: ffmpeg's copy holds the media time still meanwhile.
    camera.shiftTimestamps(-14);
    await waitFor(() => gaps.some((g) => /jumped back/.test(g.reason)), 'the jump back recorded');
    const afterBack = segments.length;
    await waitFor(() => segments.length >= afterBack + 2, '2 segments after the jump back');
    // Then 30 s forward.
    camera.shiftTimestamps(30);
    await waitFor(() => gaps.some((g) => /jumped forward/.test(g.reason)), 'the jump forward recorded');
    const afterForward = segments.length;
    await waitFor(() => segments.length >= afterForward + 4, '4 segments after the jump forward');
    await recorder.stop();

    // Every segment ends when it was seen complete, give or take the list polling, ffmpeg's flush and a
    // late first sighting (the one that took too long is handed over with the next, one segment later);
    // without the wall clock the jump back would leave every later segment about 14 s too early.
    for (const segment of segments) {
      const judgedLater = gaps.some((g) => g.from.getTime() === segment.startedAt.getTime());
      expect(Math.abs(segment.seenAt - segment.endedAt.getTime())).toBeLessThan(judgedLater ? 4000 : 3000);
      expect(segment.endedAt.getTime()).toBeGreaterThanOrEqual(segment.startedAt.getTime());
    }
    for (let i = 1; i < segments.length; i++)
      expect(segments[i]!.startedAt.getTime()).toBe(segments[i - 1]!.endedAt.getTime());
    const back = gaps.find((g) => /jumped back/.test(g.reason))!;
    // The stretch whose footage plays too fast is marked, and it covers the 14 s the camera lost.
    expect(back.to.getTime() - back.from.getTime()).toBeGreaterThan(12_000);
    expect(back.reason).toMatch(/timing unreliable/);
    expect(health.some((h) => h.state === 'degraded')).toBe(true);
    expect(health.at(-1)?.state).toBe('online');
    expect(problems.filter((p) => !/timing unreliable/.test(p))).toEqual([]);
  }, 150_000);

  it('reports `degraded` with the lag when recording falls behind real time, keeping capture times', async () => {
    // Video reaching the recorder at 0.6× real time, as from a masked camera whose encoder cannot keep up.
    const camera = await rig.startCamera({ readRate: 0.6 });
    const supervisor = rig.supervise();
    const statuses = watchStatuses(supervisor);
    const segments: Seen[] = [];
    const health: RecorderHealth[] = [];
    const recorder = rig.recorder({
      camera: { id: 'halles', sourceUrl: camera.url, masks: [] },
      supervisor,
      storage: new LocalDiskStorage(join(dir, 'store')),
      lagToleranceMs: 4000,
      onSegment: (segment) => void segments.push({ ...segment, seenAt: Date.now() }),
      onHealth: (h) => void health.push(h),
    });
    recorder.start();
    await statuses.next((s) => s.state === 'online', 'online');
    await waitFor(() => health.some((h) => h.state === 'degraded'), 'degraded');
    expect(health.find((h) => h.state === 'degraded')?.reason).toMatch(/behind real time by \d+ s/);
    expect(recorder.health.state).toBe('degraded');
    // Segments keep their media lengths (capture times): the last one ended well before it was seen.
    const last = segments.at(-1)!;
    expect(last.seenAt - last.endedAt.getTime()).toBeGreaterThan(4000);
    for (let i = 1; i < segments.length; i++)
      expect(segments[i]!.startedAt.getTime()).toBe(segments[i - 1]!.endedAt.getTime());
  }, 120_000);
});
