import type { Detection } from '@vigie/core';
import { describe, expect, it } from 'vitest';
import { ByteTracker } from './byte.tracker.js';

function person(x: number, y: number, score = 0.9): Detection {
  return { box: { x, y, w: 0.05, h: 0.15 }, label: 'person', score };
}

describe('ByteTracker', () => {
  it('keeps one stable number per walker and estimates their velocity', () => {
    const tracker = new ByteTracker();
    let ids: number[] = [];
    for (let f = 0; f < 25; f++) {
      const t = f * 200;
      const tracks = tracker.update([person(0.1 + 0.02 * f, 0.3), person(0.8 - 0.02 * f, 0.6)], t);
      if (f >= 2) {
        expect(tracks).toHaveLength(2);
        const now = tracks.map((tr) => tr.id).sort();
        if (ids.length > 0) expect(now).toEqual(ids);
        ids = now;
      }
    }
    const tracks = tracker.update([person(0.6, 0.3), person(0.3, 0.6)], 25 * 200);
    const right = tracks.find((tr) => tr.box.y < 0.5);
    // 0.02 per 0.2 s = 0.1 normalised units per second.
    expect(right?.vx).toBeCloseTo(0.1, 1);
  });

  it('keeps the number through a low-score detection (second ByteTrack stage) and a short gap', () => {
    const tracker = new ByteTracker();
    for (let f = 0; f < 5; f++) tracker.update([person(0.1 + 0.02 * f, 0.3)], f * 200);
    const id = tracker.update([person(0.2, 0.3)], 1000)[0]?.id;
    expect(tracker.update([person(0.22, 0.3, 0.2)], 1200)[0]?.id).toBe(id);
    expect(tracker.update([], 1400)).toHaveLength(0);
    expect(tracker.update([person(0.26, 0.3)], 1600)[0]?.id).toBe(id);
  });

  it('does not start tracks from low-score detections and forgets tracks lost too long', () => {
    const tracker = new ByteTracker({ maxLostS: 1 });
    expect(tracker.update([person(0.5, 0.5, 0.3)], 0)).toHaveLength(0);
    expect(tracker.update([person(0.5, 0.5, 0.3)], 200)).toHaveLength(0);
    tracker.update([person(0.5, 0.5)], 400);
    tracker.update([person(0.5, 0.5)], 600);
    for (let f = 4; f < 12; f++) tracker.update([], f * 200);
    expect(tracker.all()).toHaveLength(0);
  });

  it('never matches a person detection to a bag track', () => {
    const tracker = new ByteTracker({ minHits: 1 });
    const bag: Detection = { box: { x: 0.5, y: 0.5, w: 0.05, h: 0.15 }, label: 'handbag', score: 0.9 };
    const [first] = tracker.update([bag], 0);
    const tracks = tracker.update([person(0.5, 0.5)], 200);
    expect(tracks.map((tr) => tr.id)).not.toContain(first?.id);
  });

  it('predicts walkers along their path on frames the detector skips, and matches them again after', () => {
    const tracker = new ByteTracker();
    for (let f = 0; f < 10; f++) tracker.update([person(0.1 + 0.02 * f, 0.3)], f * 200);
    const id = tracker.update([person(0.3, 0.3)], 2000)[0]?.id;
    // Two skipped frames: the box keeps moving 0.02 per frame without any detection.
    const predicted = tracker.predict(2200)[0];
    expect(predicted?.id).toBe(id);
    expect(predicted?.box.x).toBeCloseTo(0.32, 2);
    expect(tracker.predict(2400)[0]?.box.x).toBeCloseTo(0.34, 2);
    expect(predicted?.history.at(-1)?.t).toBe(2000);
    expect(tracker.update([person(0.36, 0.3)], 2600).map((tr) => tr.id)).toEqual([id]);
  });

  it('keeps the number of a walker who moved more than their width between detections (buffered third stage)', () => {
    // 0.5 m wide in a 20 m view, walking 1.4 m/s, detected every 0.4 s: 0.028 per step, wider than the box.
    const walkerAt = (k: number): Detection => ({
      box: { x: 0.1 + 0.028 * k, y: 0.5, w: 0.025, h: 0.08 },
      label: 'person',
      score: 0.8,
    });
    const ids = (tracker: ByteTracker) => {
      const seen = new Set<number>();
      for (let k = 0; k < 10; k++) for (const tr of tracker.update([walkerAt(k)], k * 400)) seen.add(tr.id);
      return [...seen];
    };
    expect(ids(new ByteTracker())).toHaveLength(1);
    expect(ids(new ByteTracker({ bufferScale: 0 }))).toEqual([]);
  });
});
