import { describe, expect, it } from 'vitest';
import { StreamMeter } from './stream-meter.js';

const t0 = 1_800_000_000_000;

/** Feeds a progress report every second at `fps` from `from` to `to` (ms after t0). */
function feed(meter: StreamMeter, run: number, fps: number, from: number, to: number, frame0 = 0): number {
  let frame = frame0;
  for (let at = from; at <= to; at += 1000) {
    meter.progress(run, frame, t0 + at);
    frame += fps;
  }
  return frame;
}

function segment(startS: number, seconds: number, bytes: number, keyframes: number, lagMs = 300, opensRun = false) {
  return { startMs: t0 + startS * 1000, endMs: t0 + (startS + seconds) * 1000, bytes, keyframes, lagMs, opensRun };
}

describe('stream meter', () => {
  it('measures the frame rate received, and its best of the hour once it drops', () => {
    const meter = new StreamMeter(t0);
    const frame = feed(meter, 1, 25, 0, 60_000);
    expect(meter.measures(t0 + 60_000).fps).toBeCloseTo(25, 0);
    feed(meter, 1, 5, 61_000, 120_000, frame);
    const m = meter.measures(t0 + 120_000);
    expect(m.fps).toBeCloseTo(5, 0);
    expect(m.expectedFps).toBeCloseTo(25, 0);
  });

  it('counts a frozen picture from when the stream opened, not from a slow start', () => {
    const meter = new StreamMeter(t0);
    meter.online(t0 + 15_000);
    expect(meter.measures(t0 + 16_000).frozenSeconds).toBe(1);
  });

  it('counts frames frozen when they stop advancing, and gives fps 0', () => {
    const meter = new StreamMeter(t0);
    const frame = feed(meter, 1, 10, 0, 20_000);
    feed(meter, 1, 0, 21_000, 40_000, frame);
    const m = meter.measures(t0 + 40_000);
    expect(m.fps).toBe(0);
    expect(m.frozenSeconds).toBe(19); // the last new frames came with the report at 21 s
  });

  it('measures bitrate and the keyframe interval from the segments of the last minute', () => {
    const meter = new StreamMeter(t0);
    // 25 s between keyframes: each segment (target 4 s) waits for the next one.
    meter.segment(segment(0, 25, 3_125_000, 1, 300, true), t0 + 25_300);
    meter.segment(segment(25, 25, 3_125_000, 1), t0 + 50_300);
    const m = meter.measures(t0 + 51_000);
    expect(m.bitrateKbps).toBeCloseTo(1000, 0);
    expect(m.keyframeIntervalSeconds).toBeCloseTo(25, 1);
    expect(m.lastSegmentAgeSeconds).toBeCloseTo(0.7, 1);
  });

  it('measures a 2 s keyframe interval inside 4 s segments, and none for re-encoded ones', () => {
    const meter = new StreamMeter(t0);
    for (let i = 0; i < 3; i += 1) meter.segment(segment(i * 4, 4, 100_000, 2, 300, i === 0), t0 + (i + 1) * 4000);
    expect(meter.measures(t0 + 12_500).keyframeIntervalSeconds).toBeCloseTo(2, 1);
    const reencoded = new StreamMeter(t0);
    const { keyframes: _first, ...first } = segment(0, 4, 100_000, 2);
    const { keyframes: _second, ...second } = segment(4, 4, 100_000, 2);
    reencoded.segment(first, t0 + 4000);
    reencoded.segment(second, t0 + 8000);
    expect(reencoded.measures(t0 + 8500).keyframeIntervalSeconds).toBeUndefined();
  });

  it('measures how far timestamps drifted since the stream opened', () => {
    const meter = new StreamMeter(t0);
    meter.segment(segment(0, 4, 1000, 1, 400, true), t0 + 4400);
    meter.segment(segment(4, 4, 1000, 1, 2900), t0 + 10_900);
    expect(meter.measures(t0 + 11_000).timestampDriftMs).toBe(-2500);
  });

  it('counts a stream lost once however many retries follow, and an hour stored against the hour meant', () => {
    const meter = new StreamMeter(t0);
    meter.online(t0);
    meter.lost(t0 + 1000);
    meter.lost(t0 + 3000); // a failed retry: the stream was not back
    meter.online(t0 + 5000);
    meter.lost(t0 + 9000);
    for (let i = 0; i < 450; i += 1) meter.segment(segment(1800 + i * 4, 4, 1000, 1), t0 + (1804 + i * 4) * 1000);
    const m = meter.measures(t0 + 3_600_000);
    expect(m.reconnectsLastHour).toBe(2);
    expect(m.recordedSecondsLastHour).toBe(1800);
    expect(m.expectedSecondsLastHour).toBe(3600);
    expect(meter.measures(t0 + 3_600_000 + 5000).reconnectsLastHour).toBe(1);
  });
});
