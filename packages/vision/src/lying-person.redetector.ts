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
  /** Regions searched per frame at most. */
  maxRegions?: number;
}

/**
 * Finds persons lying on the ground, whom an upright-trained detector scores low (YOLOX-nano: 0.16–0.24
 * for a person on the floor): for each person track the frame's confident detections no longer
 * cover, the square around its last box (1.6× its longer side, lowered by a quarter of its height:
 * a person falls downwards) is searched again rotated by ±90°, then upside down (a person lying head
 * towards the camera, foreshortened: the dev set's Fall06 scores 0.64–0.77 turned upside down, nothing
 * turned by ±90°). A confident person standing upright in the rotated view is lying in the frame; it
 * is returned as a person detection of the frame.
 */
export class LyingPersonRedetector {
  /** Detector runs on turned regions since the start. */
  inferences = 0;

  constructor(
    private readonly detector: Detector,
    private readonly options: RedetectOptions = {},
  ) {}

  /** Extra person detections of lying people near the given tracks' last boxes. */
  async redetect(
    frame: VideoFrame,
    o: { tracks: readonly Box[]; detections: readonly Detection[] },
  ): Promise<Detection[]> {
    const minScore = this.options.minScore ?? 0.5;
    const covered = o.detections.filter((d) => d.label === 'person' && d.score >= minScore).map((d) => d.box);
    const open = o.tracks.filter((b) => !covered.some((c) => iou(b, c) >= 0.3)).slice(0, this.options.maxRegions ?? 2);
    const found: Detection[] = [];
    for (const b of open) {
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
      let best: Detection | undefined;
      for (const turn of [1, -1, 2] as const) {
        this.inferences++;
        const people = (await this.detector.detect(rotatedRegion(frame, region, turn))).filter(
          // Upright in the rotated view: lying in the frame.
          (d) => d.label === 'person' && d.score >= minScore && d.box.h > d.box.w,
        );
        const found = turn === 2 ? { upsideDown: true } : { lying: true };
        for (const d of people)
          if (best === undefined || d.score > best.score)
            best = { ...d, box: unrotatedBox(d.box, { frame, region, turn }), ...found };
        if (best !== undefined) break;
      }
      if (best !== undefined && !found.some((f) => iou(f.box, best.box) > 0.5)) found.push(best);
    }
    return found;
  }
}
