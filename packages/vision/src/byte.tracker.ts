import type { Box, DetectedClass, Detection } from '@vigie/core';
import { iou } from './geometry.math.js';

/** One tracked object: an ephemeral number, never an identity (LEGAL R17). */
export interface Track {
  id: number;
  label: DetectedClass;
  /** Filtered box, normalised image coordinates. */
  box: Box;
  score: number;
  /** Box-centre velocity, normalised image units per second. */
  vx: number;
  vy: number;
  /** Confirmed after `minHits` matches; only confirmed tracks feed the rules. */
  confirmed: boolean;
  firstT: number;
  lastT: number;
  hits: number;
  /** Last time (ms) a detection found lying (in a turned view) was matched to it. */
  lyingAt?: number;
  /** Last time (ms) a detection found upside down (lying head towards the camera) was matched to it. */
  upsideDownAt?: number;
  /** Matched boxes of the last `historyS` seconds, oldest first. */
  history: { t: number; box: Box }[];
}

/** Tracker settings (ByteTrack defaults scaled for 5 fps). */
export interface TrackerOptions {
  highScore?: number;
  lowScore?: number;
  matchIou?: number;
  lowMatchIou?: number;
  /**
   * Third matching stage (C-BIoU): boxes grown by this fraction of their size on each side, for the
   * confident detections and tracks still unmatched — a walker that moved more than its own width
   * since the last detection (detector on one frame in two or three) keeps its number.
   */
  bufferScale?: number;
  minHits?: number;
  maxLostS?: number;
  historyS?: number;
}

const defaults: Required<TrackerOptions> = {
  highScore: 0.5,
  lowScore: 0.1,
  matchIou: 0.2,
  lowMatchIou: 0.4,
  bufferScale: 0.5,
  minHits: 2,
  maxLostS: 1.5,
  historyS: 10,
};

/** Constant-velocity Kalman filter on one coordinate: state (position, velocity), 2×2 covariance. */
class Axis {
  p = 0;
  v = 0;
  private pp = 1;
  private pv = 0;
  private vv = 1;

  constructor(
    value: number,
    private readonly q: number,
    private readonly r: number,
  ) {
    this.p = value;
    this.pp = r;
    this.vv = q * 100;
  }

  predict(dt: number): void {
    this.p += this.v * dt;
    this.pp += dt * (2 * this.pv + dt * this.vv) + this.q * dt;
    this.pv += dt * this.vv;
    this.vv += this.q * dt * 4;
  }

  correct(z: number): void {
    const s = this.pp + this.r;
    const kp = this.pp / s;
    const kv = this.pv / s;
    const y = z - this.p;
    this.p += kp * y;
    this.v += kv * y;
    this.vv -= kv * this.pv;
    this.pv -= kv * this.pp;
    this.pp -= kp * this.pp;
  }
}

interface State {
  track: Track;
  axes: [Axis, Axis, Axis, Axis];
  lost: boolean;
}

function isPersonLike(label: DetectedClass): boolean {
  return label === 'person';
}

/** A box grown by `scale` of its width and height on each side. */
function buffered(box: Box, scale: number): Box {
  return { x: box.x - box.w * scale, y: box.y - box.h * scale, w: box.w * (1 + 2 * scale), h: box.h * (1 + 2 * scale) };
}

/** Greedy IoU assignment (highest IoU first), the usual stand-in for Hungarian at these densities. */
function assign(pairs: { states: State[]; dets: Detection[]; minIou: number; buffer?: number }): [number, number][] {
  const grow = (b: Box) => (pairs.buffer === undefined ? b : buffered(b, pairs.buffer));
  const candidates: [number, number, number][] = [];
  pairs.states.forEach((s, i) => {
    pairs.dets.forEach((d, j) => {
      if (isPersonLike(s.track.label) !== isPersonLike(d.label)) return;
      const o = iou(grow(s.track.box), grow(d.box));
      if (o >= pairs.minIou) candidates.push([o, i, j]);
    });
  });
  candidates.sort((a, b) => b[0] - a[0]);
  const usedS = new Set<number>();
  const usedD = new Set<number>();
  const out: [number, number][] = [];
  for (const [, i, j] of candidates) {
    if (usedS.has(i) || usedD.has(j)) continue;
    usedS.add(i);
    usedD.add(j);
    out.push([i, j]);
  }
  return out;
}

/**
 * ByteTrack-style multi-object tracker: Kalman constant-velocity prediction, a first IoU matching of
 * confident detections against all tracks, then a second one of low-score detections against the
 * tracks still unmatched, so that a briefly occluded person keeps their number.
 */
export class ByteTracker {
  private readonly o: Required<TrackerOptions>;
  private states: State[] = [];
  private nextId = 1;
  private lastT: number | undefined;

  constructor(options: TrackerOptions = {}) {
    this.o = { ...defaults, ...options };
  }

  /** Feeds the detections of the frame at time t (ms); returns the confirmed, currently seen tracks. */
  update(detections: readonly Detection[], t: number): Track[] {
    this.advance(t);
    const high = detections.filter((d) => d.score >= this.o.highScore);
    const low = detections.filter((d) => d.score >= this.o.lowScore && d.score < this.o.highScore);

    const matched = new Set<State>();
    const first = assign({ states: this.states, dets: high, minIou: this.o.matchIou });
    for (const [i, j] of first) this.correct(this.states[i], high[j], t, matched);
    const remaining = this.states.filter((s) => !matched.has(s) && !s.lost);
    const second = assign({ states: remaining, dets: low, minIou: this.o.lowMatchIou });
    for (const [i, j] of second) this.correct(remaining[i], low[j], t, matched);

    const usedHigh = new Set(first.map(([, j]) => j));
    const openStates = this.states.filter((st) => !matched.has(st));
    const openHigh = high.filter((_, j) => !usedHigh.has(j));
    const third = assign({ states: openStates, dets: openHigh, minIou: this.o.matchIou, buffer: this.o.bufferScale });
    for (const [i, j] of third) {
      this.correct(openStates[i], openHigh[j], t, matched);
      const d = openHigh[j];
      if (d !== undefined) usedHigh.add(high.indexOf(d));
    }
    for (const s of this.states) if (!matched.has(s)) s.lost = true;
    this.states = this.states.filter(
      (s) => t - s.track.lastT <= this.o.maxLostS * 1000 && (s.track.confirmed || !s.lost),
    );
    high.forEach((d, j) => {
      if (!usedHigh.has(j)) this.states.push(this.start(d, t));
    });
    return this.states.filter((s) => s.track.confirmed && !s.lost).map((s) => s.track);
  }

  /**
   * Moves the tracks to time t by their motion model alone, for a frame the detector skipped: the
   * same tracks as after the last update, at their predicted places; nothing is matched, started or lost.
   */
  predict(t: number): Track[] {
    this.advance(t);
    return this.states.filter((s) => s.track.confirmed && !s.lost).map((s) => s.track);
  }

  /** All live tracks, including those briefly lost (for drawing). */
  all(): Track[] {
    return this.states.map((s) => s.track);
  }

  private advance(t: number): void {
    const dt = this.lastT === undefined ? 0 : Math.max(0, (t - this.lastT) / 1000);
    this.lastT = t;
    for (const s of this.states) {
      for (const a of s.axes) a.predict(dt);
      this.syncBox(s);
    }
  }

  private start(d: Detection, t: number): State {
    const cx = d.box.x + d.box.w / 2;
    const cy = d.box.y + d.box.h / 2;
    const q = 0.02;
    const r = 0.0004;
    const track: Track = {
      id: this.nextId++,
      label: d.label,
      box: { ...d.box },
      score: d.score,
      vx: 0,
      vy: 0,
      confirmed: this.o.minHits <= 1,
      firstT: t,
      lastT: t,
      hits: 1,
      ...(d.lying === true ? { lyingAt: t } : {}),
      ...(d.upsideDown === true ? { upsideDownAt: t } : {}),
      history: [{ t, box: { ...d.box } }],
    };
    return {
      track,
      axes: [new Axis(cx, q, r), new Axis(cy, q, r), new Axis(d.box.w, q / 4, r), new Axis(d.box.h, q / 4, r)],
      lost: false,
    };
  }

  private correct(s: State | undefined, d: Detection | undefined, t: number, matched: Set<State>): void {
    if (s === undefined || d === undefined) return;
    const [ax, ay, aw, ah] = s.axes;
    ax.correct(d.box.x + d.box.w / 2);
    ay.correct(d.box.y + d.box.h / 2);
    aw.correct(d.box.w);
    ah.correct(d.box.h);
    this.syncBox(s);
    const tr = s.track;
    tr.score = d.score;
    tr.lastT = t;
    if (d.lying === true) tr.lyingAt = t;
    if (d.upsideDown === true) tr.upsideDownAt = t;
    tr.hits++;
    tr.label = d.label === 'person' || tr.label === 'person' ? tr.label : d.label;
    if (tr.hits >= this.o.minHits) tr.confirmed = true;
    tr.history.push({ t, box: { ...d.box } });
    const keepFrom = t - this.o.historyS * 1000;
    while ((tr.history[0]?.t ?? t) < keepFrom) tr.history.shift();
    s.lost = false;
    matched.add(s);
  }

  private syncBox(s: State): void {
    const [ax, ay, aw, ah] = s.axes;
    const w = Math.max(1e-4, aw.p);
    const h = Math.max(1e-4, ah.p);
    s.track.box = { x: ax.p - w / 2, y: ay.p - h / 2, w, h };
    s.track.vx = ax.v;
    s.track.vy = ay.v;
  }
}
