import type { AnalyticsEvent, Box } from '@vigie/core';
import type { FlameClassifier } from './fire.classifier.js';
import type { Rule, RuleContext } from './rule.context.js';

/** Jumps of a point's red level in its last 8 frames from which it flickers like a flame (≥ ~2.5 Hz at 5 fps). */
const flameJumps = 4;
/** Seconds the flicker must last before it raises, and the share of the frames of that window it must hold in. */
const confirmS = 3;
const confirmShare = 0.8;
/** Flickering points closer than this many grid cells belong to one candidate region. */
const clusterCells = 4;
/** Candidate regions the model looks at per frame, largest first. */
const maxCandidates = 4;
/**
 * Mean of the model's per-frame scores over the last 3 s from which it confirms flames (a frame's score:
 * its best candidate's probability). One frame's score is noisy on small, blurred flames: the window's
 * mean is not. 0.3: the FURG house fire's flames, ~20 px in a 426 px view, average 0.41 with the
 * shipped model (0.4 delays its alarm from 3.4 s to 8.6 s); see packages/vision/README.md for what the
 * model does and does not tell apart.
 */
export const flameMinScore = 0.3;

/** Number of set bits of a byte. */
function jumpsOf(bits: number): number {
  let n = 0;
  for (let v = bits; v !== 0; v &= v - 1) n++;
  return n;
}

/** A cluster of flickering points (grid cells) and its box in grid cells. */
interface Cluster {
  points: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Groups flickering grid points (indices into a gw-wide grid) into clusters of nearby points, largest first. */
export function clusterPoints(points: readonly number[], gw: number): Cluster[] {
  const bins = new Map<number, number[]>();
  const bw = Math.ceil(gw / clusterCells) + 1;
  for (const p of points) {
    const key = Math.floor(Math.floor(p / gw) / clusterCells) * bw + Math.floor((p % gw) / clusterCells);
    bins.set(key, [...(bins.get(key) ?? []), p]);
  }
  const clusters: Cluster[] = [];
  const seen = new Set<number>();
  for (const start of bins.keys()) {
    if (seen.has(start)) continue;
    seen.add(start);
    const c: Cluster = { points: 0, x0: Infinity, y0: Infinity, x1: -1, y1: -1 };
    for (const queue = [start]; queue.length > 0;) {
      const key = queue.pop() ?? 0;
      for (const p of bins.get(key) ?? []) {
        const x = p % gw;
        const y = Math.floor(p / gw);
        c.points++;
        c.x0 = Math.min(c.x0, x);
        c.y0 = Math.min(c.y0, y);
        c.x1 = Math.max(c.x1, x);
        c.y1 = Math.max(c.y1, y);
      }
      for (let dy = -1; dy <= 1; dy++)
        for (let dx = -1; dx <= 1; dx++) {
          const next = key + dy * bw + dx;
          if (bins.has(next) && !seen.has(next)) {
            seen.add(next);
            queue.push(next);
          }
        }
    }
    clusters.push(c);
  }
  return clusters.sort((a, b) => b.points - a.points);
}

/**
 * `fire_smoke`: the colour/flicker cue proposes, a trained patch classifier confirms (never the cue
 * alone). A sampled point is flame-coloured when red is bright and dominant (R > 180, R ≥ G > B,
 * R − B > 70); it flickers when it is flame-coloured now and its red level jumped by ≥ 20 between
 * successive frames, while flame-coloured before or after, in at least 4 of the last 8 frames (flames
 * churn at several hertz). When flickering points cover `fireMinFraction` of the view, their clusters
 * (up to 4, largest first) are cut out as square patches and scored by the model (`observe`, before the
 * rules run). An alert needs flickering over the fraction in 80 % of the frames of the last 3 s and the
 * mean of the frames' best scores over that window ≥ `flameMinScore`; its region is the candidates the
 * model leans to. Limits: smoke alone is not detected; a
 * steady glow, a slowly burning small fire, or one under the fraction (0.02 % of the view by default) is
 * missed; it needs RGB frames (it stays silent on gray input) and at least ~5 fps.
 */
export class FireSmokeRule implements Rule {
  readonly type = 'fire_smoke' as const;
  /** Per sampled point: variation events of the last 8 frames (one bit each), last red, last flame state. */
  private bits = new Uint8Array(0);
  private red = new Uint8Array(0);
  private flame = new Uint8Array(0);
  /** The last frames' times, whether flickering flames covered the fraction, and the model's score then. */
  private recent: { t: number; on: boolean; score: number }[] = [];
  private reported = false;
  private readonly grid: number;
  /** What `observe` found on the frame at `t`: the flickering fraction and the confirmed region. */
  private seen: { t: number; fraction: number; candidates: Box[]; scores: number[] } | undefined;

  constructor(
    private readonly classifier: FlameClassifier,
    grid = 160,
  ) {
    this.grid = grid;
  }

  /** Runs the cue on the frame and, when it proposes, the model on its candidate regions; call before `update`. */
  async observe(ctx: RuleContext): Promise<void> {
    const f = ctx.frame;
    this.seen = undefined;
    if (f.format !== 'rgb24') return;
    const step = Math.max(1, Math.floor(f.width / this.grid));
    const gw = Math.floor(f.width / step);
    const gh = Math.floor(f.height / step);
    if (this.bits.length !== gw * gh) {
      this.bits = new Uint8Array(gw * gh);
      this.red = new Uint8Array(gw * gh);
      this.flame = new Uint8Array(gw * gh);
    }
    const flickering: number[] = [];
    for (let gy = 0; gy < gh; gy++) {
      for (let gx = 0; gx < gw; gx++) {
        const k = (gy * step * f.width + gx * step) * 3;
        const r = f.data[k] ?? 0;
        const g = f.data[k + 1] ?? 0;
        const b = f.data[k + 2] ?? 0;
        const flame = r > 180 && r >= g && g > b && r - b > 70 ? 1 : 0;
        const i = gy * gw + gx;
        const jump = Math.abs(r - (this.red[i] ?? 0)) >= 20 && (flame === 1 || this.flame[i] === 1) ? 1 : 0;
        const h = (((this.bits[i] ?? 0) << 1) | jump) & 0xff;
        this.bits[i] = h;
        this.red[i] = r;
        this.flame[i] = flame;
        if (flame === 1 && jumpsOf(h) >= flameJumps) flickering.push(i);
      }
    }
    const fraction = flickering.length / (gw * gh);
    if (fraction < ctx.params.fireMinFraction) {
      this.seen = { t: ctx.t, fraction, candidates: [], scores: [] };
      return;
    }
    const candidates = clusterPoints(flickering, gw)
      .slice(0, maxCandidates)
      .map((c) => ({ x: c.x0 / gw, y: c.y0 / gh, w: (c.x1 - c.x0 + 1) / gw, h: (c.y1 - c.y0 + 1) / gh }));
    this.seen = { t: ctx.t, fraction, candidates, scores: await this.classifier.score(f, candidates) };
  }

  update(ctx: RuleContext): AnalyticsEvent[] {
    const seen = this.seen?.t === ctx.t ? this.seen : undefined;
    if (seen === undefined) return [];
    const on = seen.candidates.length > 0;
    this.recent.push({ t: ctx.t, on, score: on ? Math.max(...seen.scores) : 0 });
    while ((this.recent[0]?.t ?? ctx.t) < ctx.t - confirmS * 1000) this.recent.shift();
    const proposed = this.recent.filter((r) => r.on);
    const lasting =
      ctx.t - (this.recent[0]?.t ?? ctx.t) >= confirmS * 1000 * 0.9 &&
      proposed.length >= confirmShare * this.recent.length;
    const score = proposed.reduce((s, r) => s + r.score, 0) / Math.max(1, proposed.length);
    if (!lasting || !on || score < flameMinScore) {
      if (this.recent.every((r) => !r.on)) this.reported = false;
      return [];
    }
    if (this.reported) return [];
    this.reported = true;
    // Where: the candidates of this frame the model leans to, else its best one.
    const best = seen.scores.indexOf(Math.max(...seen.scores));
    const leaning = seen.candidates.filter((_, i) => (seen.scores[i] ?? 0) >= flameMinScore);
    return [
      {
        type: this.type,
        t: ctx.t,
        region: union(leaning.length > 0 ? leaning : [seen.candidates[best] ?? { x: 0, y: 0, w: 1, h: 1 }]),
        value: seen.fraction,
        reason:
          `flames flickering on ${(seen.fraction * 100).toFixed(2)} % of the view for ${confirmS} s, ` +
          `confirmed by the fire model (${(score * 100).toFixed(0)} % over ${confirmS} s)`,
      },
    ];
  }
}

/** The smallest box holding all of `boxes` (at least one). */
function union(boxes: readonly Box[]): Box {
  const x0 = Math.min(...boxes.map((b) => b.x));
  const y0 = Math.min(...boxes.map((b) => b.y));
  const x1 = Math.max(...boxes.map((b) => b.x + b.w));
  const y1 = Math.max(...boxes.map((b) => b.y + b.h));
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

/** Which tamper a frame shows, if any. */
export type TamperKind = 'covered' | 'defocused' | 'moved';

/**
 * `camera_tamper`: covered (dark or uniform view), defocused (detail fell under 40 % of the learnt
 * reference), moved (over 70 % of the view differs from the long-term background); the condition must
 * hold for `tamperAfterS`. The reference sharpness is learnt from normal frames only.
 */
export class CameraTamperRule implements Rule {
  readonly type = 'camera_tamper' as const;
  private reference: number | undefined;
  private kind: TamperKind | undefined;
  private since = 0;
  private reported = false;
  /** Set when a `moved` tamper fired: the pipeline relearns its background after it. */
  movedAt: number | undefined;

  /** Classifies one frame's statistics. */
  classify(ctx: RuleContext): TamperKind | undefined {
    const s = ctx.scene;
    if (s.std < 8 || s.mean < 12) return 'covered';
    if (this.reference !== undefined && s.sharpness < 0.4 * this.reference) return 'defocused';
    if (s.changed > 0.7) return 'moved';
    return undefined;
  }

  update(ctx: RuleContext): AnalyticsEvent[] {
    const kind = this.classify(ctx);
    if (kind === undefined) {
      const s = ctx.scene.sharpness;
      this.reference = this.reference === undefined ? s : this.reference + 0.05 * (s - this.reference);
      this.kind = undefined;
      this.reported = false;
      return [];
    }
    if (kind !== this.kind) {
      this.kind = kind;
      this.since = ctx.t;
      this.reported = false;
    }
    if (this.reported || ctx.t - this.since < ctx.params.tamperAfterS * 1000) return [];
    this.reported = true;
    if (kind === 'moved') this.movedAt = ctx.t;
    return [
      {
        type: this.type,
        t: ctx.t,
        region: { x: 0, y: 0, w: 1, h: 1 },
        reason: `camera ${kind} for ${Math.round((ctx.t - this.since) / 1000)} s`,
      },
    ];
  }
}
