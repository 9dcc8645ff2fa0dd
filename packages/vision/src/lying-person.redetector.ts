import type { Box, Detection, Detector, VideoFrame } from '@vigie/core';
import { iou } from './geometry.math.js';

/** A square region of a frame, pixels. */
interface Region {
  x: number;
  y: number;
  side: number;
}

/** A quarter turn clockwise (1), counter-clockwise (−1), or a half turn (2). */
export type Turn = 1 | -1 | 2;

/**
 * The square region around a person's last box, rotated by `turn` into a new frame: a person lying
 * across the view stands upright in it after a quarter turn, one lying head towards the camera after
 * a half turn.
 */
export function rotatedRegion(frame: VideoFrame, region: Region, turn: Turn): VideoFrame {
  const bpp = frame.format === 'rgb24' ? 3 : 1;
  const s = region.side;
  const data = new Uint8Array(s * s * bpp);
  for (let y = 0; y < s; y++) {
    const sy = Math.min(frame.height - 1, Math.max(0, region.y + y));
    for (let x = 0; x < s; x++) {
      const sx = Math.min(frame.width - 1, Math.max(0, region.x + x));
      // Clockwise: source (x, y) lands at (s − 1 − y, x); counter-clockwise: at (y, s − 1 − x); half: (s − 1 − x, s − 1 − y).
      const [nx, ny] = turn === 1 ? [s - 1 - y, x] : turn === -1 ? [y, s - 1 - x] : [s - 1 - x, s - 1 - y];
      const i = (sy * frame.width + sx) * bpp;
      const o = (ny * s + nx) * bpp;
      for (let c = 0; c < bpp; c++) data[o + c] = frame.data[i + c] ?? 0;
    }
  }
  return { data, width: s, height: s, format: frame.format, t: frame.t };
}

/** A box found in a rotated region, back in the frame's normalised coordinates. */
export function unrotatedBox(box: Box, o: { frame: VideoFrame; region: Region; turn: Turn }): Box {
  const { frame, region, turn } = o;
  const s = region.side;
  // Rotated normalised (u, v) → region pixels: clockwise (x, y) = (v·s, (1 − u)·s); counter: ((1 − v)·s, u·s);
  // half: ((1 − u)·s, (1 − v)·s).
  const [x0, y0, x1, y1] =
    turn === 1
      ? [box.y * s, (1 - box.x - box.w) * s, (box.y + box.h) * s, (1 - box.x) * s]
      : turn === -1
        ? [(1 - box.y - box.h) * s, box.x * s, (1 - box.y) * s, (box.x + box.w) * s]
        : [(1 - box.x - box.w) * s, (1 - box.y - box.h) * s, (1 - box.x) * s, (1 - box.y) * s];
  return {
    x: (region.x + x0) / frame.width,
    y: (region.y + y0) / frame.height,
    w: (x1 - x0) / frame.width,
    h: (y1 - y0) / frame.height,
  };
}

/** Re-detection settings. */
export interface RedetectOptions {
  /** Score a person must reach in a rotated region (the tracker's track-start score). */
  minScore?: number;
  /** Inferences per call (detection frame) for the tracks not found lying, at most. */
  budget?: number;
  /**
   * Network input of a region: its side in pixels rounded up to 32, within these bounds (at 160–256 a
   * standing person turned upside down passes for a lying one more often: 3 such finds on the dev
   * set's shopfront in 5 s at 256, none at 320 or 416).
   */
  minInputSize?: number;
  maxInputSize?: number;
}

/** A person track as the re-detection sees it: its number and last box. */
export interface RedetectTrack {
  id: number;
  box: Box;
}

/** Turns in the order they are tried. */
const turns: readonly Turn[] = [1, -1, 2];
/**
 * Seconds a track found lying is searched again on every call, its last finding turn first: that
 * finding is its only confident detection (which keeps the track alive) and the rule's evidence, which
 * holds 2 s (PersonOnGroundRule).
 */
const keepS = 2;
/** Tracks found lying searched per call at most (a bound: people lying in view are few). */
const maxLying = 2;

/** What the re-detection remembers of a track. */
interface Searched {
  /** When its region was last searched (ms). */
  t: number;
  /** The turn to try first: the one that found it lying, else the next one not tried. */
  turn: Turn;
  /** When it was last found lying (ms). */
  foundT: number;
}

/**
 * Finds persons lying on the ground, whom an upright-trained detector scores low (YOLOX-nano: 0.16–0.24
 * for a person on the floor): for each person track the frame's confident detections no longer
 * cover, the square around its last box (1.6× its longer side, lowered by a quarter of its height:
 * a person falls downwards) is searched again rotated by ±90°, then upside down (a person lying head
 * towards the camera, foreshortened: the dev set's Fall06 scores 0.64–0.77 turned upside down, nothing
 * turned by ±90°). A confident person standing upright in the rotated view is lying in the frame; it
 * is returned as a person detection of the frame.
 *
 * Cost, bounded: a track found lying is searched on every call, its finding turn first (1 inference
 * while it lies there); the other uncovered tracks — in a crowd a dozen at all times, occluded rather
 * than fallen — share `budget` inferences per call, least recently searched first, each going on with
 * the turns it has not tried yet. One person who falls alone is searched as before (3 turns in two
 * calls); in a crowd, every uncovered track in turn. A region smaller than the network input goes in
 * at `minInputSize`, not 416×416 (1.7× fewer pixels).
 */
export class LyingPersonRedetector {
  /** Detector runs on turned regions since the start. */
  inferences = 0;
  private readonly searched = new Map<number, Searched>();
  private readonly sized = new Map<number, Detector>();

  constructor(
    private readonly detector: Detector,
    private readonly options: RedetectOptions = {},
  ) {}

  /**
   * Extra person detections of lying people near the given tracks' last boxes. `upright`: persons seen
   * standing moments ago by a sharper pass (the crowd's tiled count); a track one of them covers is not
   * searched unless it was found lying (in a crowd, most tracks the whole-frame detector misses are there).
   */
  async redetect(
    frame: VideoFrame,
    o: { tracks: readonly RedetectTrack[]; detections: readonly Detection[]; upright?: readonly Box[] },
  ): Promise<Detection[]> {
    const minScore = this.options.minScore ?? 0.5;
    const covered = o.detections.filter((d) => d.label === 'person' && d.score >= minScore).map((d) => d.box);
    for (const id of this.searched.keys()) if (!o.tracks.some((tr) => tr.id === id)) this.searched.delete(id);
    const open = o.tracks
      .filter((tr) => !covered.some((c) => iou(tr.box, c) >= 0.3))
      .map((tr) => ({ tr, s: this.searched.get(tr.id) ?? { t: -Infinity, turn: 1, foundT: -Infinity } }));
    const isLying = (s: Searched) => frame.t - s.foundT <= keepS * 1000;
    const standing = (o.upright ?? []).filter((b) => b.h * frame.height > b.w * frame.width);
    const lying = open.filter(({ s }) => isLying(s)).slice(0, maxLying);
    const others = open
      .filter(({ tr, s }) => !isLying(s) && !standing.some((b) => iou(tr.box, b) >= 0.3))
      .sort((a, b) => a.s.t - b.s.t);
    let budget = this.options.budget ?? 2;
    const found: Detection[] = [];
    for (const { tr, s } of [...lying, ...others]) {
      const tries = isLying(s) ? turns.length : Math.min(turns.length, budget);
      if (tries === 0) break;
      if (!isLying(s)) budget -= tries;
      this.searched.set(tr.id, s);
      s.t = frame.t;
      const order = turns.map((_, i) => turns[(turns.indexOf(s.turn) + i) % turns.length] ?? 1).slice(0, tries);
      const best = await this.search(frame, { box: tr.box, order });
      if (best === undefined) {
        s.turn = turns[(turns.indexOf(s.turn) + tries) % turns.length] ?? 1;
        continue;
      }
      s.foundT = frame.t;
      s.turn = best.turn;
      if (!found.some((f) => iou(f.box, best.detection.box) > 0.5)) found.push(best.detection);
    }
    return found;
  }

  /** The most confident person upright in the region around `box` turned, trying the turns in `order`. */
  private async search(
    frame: VideoFrame,
    o: { box: Box; order: readonly Turn[] },
  ): Promise<{ detection: Detection; turn: Turn } | undefined> {
    const b = o.box;
    const minScore = this.options.minScore ?? 0.5;
    const bw = b.w * frame.width;
    const bh = b.h * frame.height;
    const side = Math.round(Math.min(frame.width, frame.height, Math.max(32, 1.6 * Math.max(bw, bh))));
    const cx = (b.x + b.w / 2) * frame.width;
    const cy = (b.y + b.h / 2) * frame.height + bh / 4;
    const region = {
      x: Math.round(Math.min(frame.width - side, Math.max(0, cx - side / 2))),
      y: Math.round(Math.min(frame.height - side, Math.max(0, cy - side / 2))),
      side,
    };
    const detector = this.sizedFor(side);
    for (const turn of o.order) {
      this.inferences++;
      let best: Detection | undefined;
      for (const d of await detector.detect(rotatedRegion(frame, region, turn)))
        // Upright in the rotated view: lying in the frame.
        if (d.label === 'person' && d.score >= minScore && d.box.h > d.box.w && d.score > (best?.score ?? 0)) best = d;
      if (best !== undefined) {
        const how = turn === 2 ? { upsideDown: true } : { lying: true };
        return { detection: { ...best, box: unrotatedBox(best.box, { frame, region, turn }), ...how }, turn };
      }
    }
    return undefined;
  }

  /** The detector at the network input for a region of `side` pixels (the detector itself without sizes). */
  private sizedFor(side: number): Detector {
    const { minInputSize = 320, maxInputSize = 416 } = this.options;
    const size = Math.min(maxInputSize, Math.max(minInputSize, Math.ceil(side / 32) * 32));
    if (this.detector.atInputSize === undefined) return this.detector;
    let d = this.sized.get(size);
    if (d === undefined) {
      d = this.detector.atInputSize(size);
      this.sized.set(size, d);
    }
    return d;
  }
}
