import type { Box, Detection } from '@vigie/core';
import { iou } from './geometry.math.js';

/** Rider counting settings. */
export interface RiderOptions {
  /**
   * Lowest two-wheeler score taken. YOLOX-nano scores the queued motorbikes of the dev set's junction
   * (seen from above, 400×224) 0.10–0.39 and a parked one 0.10–0.12: what tells them apart is whether
   * they are parked, not the score. At 0.1 the junction counts 5 of 7, at 0.12 4, at 0.15 3.
   */
  minScore: number;
  /** Sightings a two-wheeler needs before it counts (one stray box is no one). */
  minHits: number;
  /** Seconds a two-wheeler is kept without a sighting (the detector misses it one pass in two). */
  keepS: number;
  /** Seconds after the start of the analysis during which a still two-wheeler is taken for parked. */
  warmupS: number;
  /** Seconds a two-wheeler may stay still and still be ridden (longer than a red light): then parked. */
  parkedAfterS: number;
  /** Fraction of its size a two-wheeler's centre must travel to have moved. */
  moveFraction: number;
}

/** Defaults: see each option. A red light rarely lasts more than 2 minutes. */
export const riderDefaults: RiderOptions = {
  minScore: 0.1,
  minHits: 3,
  keepS: 3,
  warmupS: 3,
  parkedAfterS: 120,
  moveFraction: 0.5,
};

/** Parked places remembered (the oldest forgotten first). */
const maxParkedSpots = 50;

/** One two-wheeler followed over frames. */
interface TwoWheeler {
  box: Box;
  firstT: number;
  lastT: number;
  hits: number;
  /** Where it stood when it last moved, and since when it has stood still. */
  anchor: Box;
  stillSince: number;
  /** Whether it has moved since it was first seen. */
  moved: boolean;
  /** Whether it stood out from the learnt background when last seen (a parked one is part of it). */
  foreground: boolean;
}

/** Area of the intersection over the smaller box's area. */
function overSmaller(a: Box, b: Box): number {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  return w <= 0 || h <= 0 ? 0 : (w * h) / Math.min(a.w * a.h, b.w * b.h);
}

/** Whether two boxes are the same two-wheeler (seen by two passes, or moved a little). */
function same(a: Box, b: Box): boolean {
  return iou(a, b) > 0.3 || overSmaller(a, b) > 0.6;
}

/**
 * Riders the person detector misses. YOLOX-nano finds few people astride a motorbike seen from above
 * (1–4 of 7 at the dev set's junction), yet it finds their motorbikes: a ridden two-wheeler (bicycle
 * or motorbike) with no counted person on it stands for one rider. Ridden: it moved, or it came into
 * view after the start, stands out from the learnt background and has stood still less than
 * `parkedAfterS` (waiting at a light). A two-wheeler still since the start, part of the background (a
 * scooter parked far away that the detector sees only now and then), still for longer, or seen again
 * unmoved where one was parked, counts for no one. A bike carrying two people counts one.
 */
export class RiderCounter {
  private wheelers: TwoWheeler[] = [];
  /** Where parked two-wheelers stood: one seen there again that has not moved is parked too. */
  private parkedSpots: Box[] = [];
  private startT: number | undefined;

  constructor(private readonly options: RiderOptions = riderDefaults) {}

  /**
   * Takes the two-wheelers of one detection pass (other labels are ignored) at time `t` (ms);
   * `foreground` says whether a box stands out from the learnt background.
   */
  update(detections: readonly Detection[], t: number, foreground: (box: Box) => boolean = () => true): void {
    this.startT ??= t;
    const o = this.options;
    // A two-wheeler takes one box per pass; one an earlier pass of this frame saw is not seen twice.
    const taken = new Set<TwoWheeler>();
    for (const d of detections) {
      if (d.label !== 'two_wheeler' || d.score < o.minScore) continue;
      const w = this.wheelers.find((k) => !taken.has(k) && same(k.box, d.box));
      if (w !== undefined) taken.add(w);
      if (w?.lastT === t) continue;
      if (w === undefined) {
        this.wheelers.push({
          box: d.box,
          firstT: t,
          lastT: t,
          hits: 1,
          anchor: d.box,
          stillSince: t,
          moved: false,
          foreground: foreground(d.box),
        });
        continue;
      }
      w.box = d.box;
      w.foreground = foreground(d.box);
      w.lastT = t;
      w.hits++;
      const dx = Math.abs(d.box.x + d.box.w / 2 - (w.anchor.x + w.anchor.w / 2));
      const dy = Math.abs(d.box.y + d.box.h / 2 - (w.anchor.y + w.anchor.h / 2));
      if (dx > o.moveFraction * w.anchor.w || dy > o.moveFraction * w.anchor.h) {
        w.moved = true;
        w.anchor = d.box;
        w.stillSince = t;
      }
    }
    this.wheelers = this.wheelers.filter((w) => t - w.lastT <= o.keepS * 1000);
    for (const w of this.wheelers)
      if (this.parked(w, t) && !this.parkedSpots.some((b) => same(b, w.box)))
        this.parkedSpots = [...this.parkedSpots, w.box].slice(-maxParkedSpots);
  }

  /**
   * Still for longer than a red light; or never seen moving and still since the start, part of the
   * learnt background, or standing where one was parked.
   */
  private parked(w: TwoWheeler, t: number): boolean {
    const o = this.options;
    if (t - w.stillSince > o.parkedAfterS * 1000) return true;
    if (w.moved) return false;
    return (
      !w.foreground || w.firstT - (this.startT ?? t) <= o.warmupS * 1000 || this.parkedSpots.some((b) => same(b, w.box))
    );
  }

  /** The boxes of the riders at time `t` (ms) that none of `persons` (the people counted) covers. */
  riders(persons: readonly Box[], t: number): Box[] {
    return this.wheelers
      .filter((w) => w.hits >= this.options.minHits && !this.parked(w, t))
      .filter((w) => !persons.some((p) => overSmaller(p, w.box) > 0.3))
      .map((w) => w.box);
  }

  /** Whether a two-wheeler that is not parked is in view at `t` (ms): worth a closer look. */
  inView(t: number): boolean {
    return this.wheelers.some((w) => !this.parked(w, t));
  }
}
