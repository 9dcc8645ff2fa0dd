import type { AnalyticsEvent, Box } from '@vigie/core';
import type { Rule, RuleContext } from './rule.context.js';

/** Jumps of a point's red level in its last 8 frames from which it flickers like a flame (≥ ~2.5 Hz at 5 fps). */
const flameJumps = 4;
/** Seconds the flicker must last before it raises, and the share of the frames of that window it must hold in. */
const confirmS = 3;
const confirmShare = 0.8;

/** Number of set bits of a byte. */
function jumpsOf(bits: number): number {
  let n = 0;
  for (let v = bits; v !== 0; v &= v - 1) n++;
  return n;
}

/**
 * `fire_smoke`: a colour and flicker heuristic for flames, not a trained model; colour alone only
 * proposes. A sampled point is flame-coloured when red is bright and dominant (R > 180, R ≥ G > B,
 * R − B > 70); it flickers when it is flame-coloured now and its red level jumped by ≥ 20 between
 * successive frames, while flame-coloured before or after, in at least 4 of the last 8 frames: flames
 * churn at several hertz, where an orange balloon swaying, a jacket walking by or a zoom on orange
 * scooters change a point's red level 2–3 times in 8 frames (measured on the normal footage: mean 2.0–2.6
 * jumps per changing point, against 3.3–5.4 on the FURG fire). An alert needs flickering points over
 * `fireMinFraction` of the view in 80 % of the frames of the last 3 s. Limits: smoke alone is not
 * detected; a steady glow, a slowly burning small fire, or one under the fraction (0.02 % of the view by
 * default) is missed; it needs RGB frames (it stays silent on gray input) and at least ~5 fps.
 */
export class FireSmokeRule implements Rule {
  readonly type = 'fire_smoke' as const;
  /** Per sampled point: variation events of the last 8 frames (one bit each), last red, last flame state. */
  private bits = new Uint8Array(0);
  private red = new Uint8Array(0);
  private flame = new Uint8Array(0);
  /** The last frames' times and whether flames flickered over the fraction in each. */
  private recent: { t: number; on: boolean }[] = [];
  private reported = false;
  private readonly grid: number;

  constructor(grid = 160) {
    this.grid = grid;
  }

  update(ctx: RuleContext): AnalyticsEvent[] {
    const f = ctx.frame;
    if (f.format !== 'rgb24') return [];
    const step = Math.max(1, Math.floor(f.width / this.grid));
    const gw = Math.floor(f.width / step);
    const gh = Math.floor(f.height / step);
    if (this.bits.length !== gw * gh) {
      this.bits = new Uint8Array(gw * gh);
      this.red = new Uint8Array(gw * gh);
      this.flame = new Uint8Array(gw * gh);
    }
    let flicker = 0;
    let x0 = gw;
    let y0 = gh;
    let x1 = -1;
    let y1 = -1;
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
        if (flame === 0 || jumpsOf(h) < flameJumps) continue;
        flicker++;
        if (gx < x0) x0 = gx;
        if (gy < y0) y0 = gy;
        if (gx > x1) x1 = gx;
        if (gy > y1) y1 = gy;
      }
    }
    const fraction = flicker / (gw * gh);
    this.recent.push({ t: ctx.t, on: fraction >= ctx.params.fireMinFraction });
    while ((this.recent[0]?.t ?? ctx.t) < ctx.t - confirmS * 1000) this.recent.shift();
    const lasting =
      ctx.t - (this.recent[0]?.t ?? ctx.t) >= confirmS * 1000 * 0.9 &&
      this.recent.filter((r) => r.on).length >= confirmShare * this.recent.length;
    if (!lasting || fraction < ctx.params.fireMinFraction) {
      if (this.recent.every((r) => !r.on)) this.reported = false;
      return [];
    }
    if (this.reported) return [];
    this.reported = true;
    const region: Box = { x: x0 / gw, y: y0 / gh, w: (x1 - x0 + 1) / gw, h: (y1 - y0 + 1) / gh };
    return [
      {
        type: this.type,
        t: ctx.t,
        region,
        value: fraction,
        reason: `flames flickering on ${(fraction * 100).toFixed(2)} % of the view for ${confirmS} s`,
      },
    ];
  }
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
