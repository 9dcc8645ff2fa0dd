import { describe, expect, it } from 'vitest';
import { RunTimeline, type Placed } from './segment-timeline.js';

const t0 = Date.UTC(2026, 4, 20, 10, 0, 0);
type Entry = { start: number; end: number };

function times(placed: Placed<Entry>[]): { startMs: number; endMs: number; lagMs: number; jump?: string }[] {
  return placed.map((p) => ({
    startMs: p.startMs - t0,
    endMs: p.endMs - t0,
    lagMs: p.lagMs,
    ...(p.discontinuity === undefined ? {} : { jump: /jumped (back|forward)/.exec(p.discontinuity)?.[1] ?? '' }),
  }));
}

describe('RunTimeline', () => {
  it('anchors the first segment where it is seen complete, then chains segments on their media lengths', () => {
    const timeline = new RunTimeline<Entry>({ runStartedAtMs: t0 });
    expect(times(timeline.place({ start: 0, end: 4 }, t0 + 5_200))).toEqual([
      { startMs: 1_200, endMs: 5_200, lagMs: 0 },
    ]);
    // Seen 150 ms late: polling jitter, the media length is kept.
    expect(times(timeline.place({ start: 4, end: 8 }, t0 + 9_350))).toEqual([
      { startMs: 5_200, endMs: 9_200, lagMs: 150 },
    ]);
  });

  it('never starts a run before the previous run ended', () => {
    const timeline = new RunTimeline<Entry>({ runStartedAtMs: t0, previousEndMs: t0 + 3_000 });
    expect(times(timeline.place({ start: 0, end: 4 }, t0 + 5_000))).toEqual([
      { startMs: 3_000, endMs: 5_000, lagMs: 0 },
    ]);
  });

  it('takes times from the clock and says why when the timestamps jump back or forward', () => {
    const timeline = new RunTimeline<Entry>({ runStartedAtMs: t0 });
    timeline.place({ start: 0, end: 4 }, t0 + 4_000);
    // 4 s of media took 99 s: judged when the next segment comes at its normal pace.
    expect(timeline.place({ start: 4, end: 8 }, t0 + 103_000)).toEqual([]);
    const [back, after] = timeline.place({ start: 8, end: 12 }, t0 + 107_000);
    expect(times([back!, after!])).toEqual([
      { startMs: 4_000, endMs: 103_000, lagMs: 0, jump: 'back' },
      { startMs: 103_000, endMs: 107_000, lagMs: 0 },
    ]);
    expect(back?.discontinuity).toMatch(/about 95\.0 s \(4\.0 s of media in 99\.0 s of real time\)/);
    // 64 s of media in 4 s: the clock went 60 s forward.
    const forward = timeline.place({ start: 12, end: 76 }, t0 + 111_000);
    expect(times(forward)).toEqual([{ startMs: 107_000, endMs: 111_000, lagMs: 0, jump: 'forward' }]);
    expect(forward[0]?.discontinuity).toMatch(/about 60\.0 s/);
  });

  it('keeps media times for a backlog released after a stall and for the segment closed at exit', () => {
    const timeline = new RunTimeline<Entry>({ runStartedAtMs: t0 });
    timeline.place({ start: 0, end: 4 }, t0 + 4_000);
    expect(timeline.place({ start: 4, end: 8 }, t0 + 20_000)).toEqual([]);
    // The next one comes right after: the process was held up, the camera's times were right.
    expect(times(timeline.place({ start: 8, end: 12 }, t0 + 20_100))).toEqual([
      { startMs: 4_000, endMs: 8_000, lagMs: 12_000 },
      { startMs: 8_000, endMs: 12_000, lagMs: 8_100 },
    ]);
    // The camera died: ffmpeg closed the last segment when it gave up, 6 s later.
    const died = new RunTimeline<Entry>({ runStartedAtMs: t0 });
    died.place({ start: 0, end: 4 }, t0 + 4_000);
    expect(died.place({ start: 4, end: 5 }, t0 + 11_000)).toEqual([]);
    expect(times(died.finish())).toEqual([{ startMs: 4_000, endMs: 5_000, lagMs: 6_000 }]);
  });

  it('reports a recorder falling steadily behind as lag, keeping the capture times', () => {
    const timeline = new RunTimeline<Entry>({ runStartedAtMs: t0 });
    timeline.place({ start: 0, end: 4 }, t0 + 4_000);
    let placed: Placed<Entry>[] = [];
    // Each 4 s segment takes 6 s to come out (0.67× real time).
    for (let i = 1; i < 10; i++) placed = timeline.place({ start: 4 * i, end: 4 * i + 4 }, t0 + 4_000 + 6_000 * i);
    expect(times(placed)).toEqual([{ startMs: 36_000, endMs: 40_000, lagMs: 18_000 }]);
  });
});
