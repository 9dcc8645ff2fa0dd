import type { Box, VideoFrame } from '@vigie/core';

/** Background model settings, in frames of the analysis rate. */
export interface BackgroundOptions {
  /** Width and height the model works at (frames are subsampled to it). */
  width: number;
  height: number;
  /** Learning rate of the long-term background (slow: a left bag stays foreground for minutes). */
  slowRate?: number;
  /** Learning rate of the short-term background (fast: a bag that stopped moving joins it in seconds). */
  fastRate?: number;
  /** Grey-level difference that counts as foreground. */
  threshold?: number;
  /** Frames a pixel must be static foreground before it belongs to a left object. */
  staticFrames?: number;
  /**
   * Frames at the start (and after `relearn`) that are kept and whose per-pixel median becomes the
   * long-term background; meanwhile it is their running mean and nothing counts as static. Someone in
   * the first frame who then walks away would otherwise leave a "ghost" that looks like a left object
   * for minutes; the median forgets whoever covered a pixel less than half of the warm-up.
   */
  warmupFrames?: number;
}

/** A connected region of a mask, normalised coordinates. */
export interface Blob {
  box: Box;
  /** Pixel count as a fraction of the frame. */
  area: number;
}

/** Per-frame statistics used by camera_tamper and the evaluation. */
export interface SceneStats {
  mean: number;
  std: number;
  /** Mean absolute horizontal + vertical gradient: drops when the view is defocused or covered. */
  sharpness: number;
  /** Fraction of pixels that differ from the long-term background: near 1 when the camera moved. */
  changed: number;
}

/**
 * Dual running-average background on 8-bit gray: the long-term background (slow) minus the short-term
 * one (fast) isolates what arrived and then stopped, which is accumulated per pixel to find left objects.
 * All buffers are allocated once; a frame update allocates nothing per pixel.
 */
export class BackgroundModel {
  /** Current subsampled gray frame. */
  readonly gray: Uint8Array;
  /** 255 where the pixel differs from the long-term background. */
  readonly foreground: Uint8Array;
  /** Consecutive frames each pixel has been static foreground. */
  readonly staticAge: Uint16Array;
  private readonly slow: Float32Array;
  private readonly fast: Float32Array;
  private readonly labels: Int32Array;
  private readonly stack: Int32Array;
  private readonly columns: Int32Array;
  private columnsKey = -1;
  /** The warm-up frames, one after the other. */
  private readonly warmup: Uint8Array;
  /** Per warm-up frame and pixel: 1 where no person covered it (only those values enter the median). */
  private readonly warmupSeen: Uint8Array;
  /** 1 where the background is not known yet: a person covered the pixel during the whole warm-up. */
  private readonly unknown: Uint8Array;
  /** 1 where a person (or vehicle) box covers the pixel in the current frame. */
  private readonly masked: Uint8Array;
  private readonly o: Required<BackgroundOptions>;
  private frames = 0;

  constructor(options: BackgroundOptions) {
    this.o = { slowRate: 0.003, fastRate: 0.15, threshold: 28, staticFrames: 10, warmupFrames: 0, ...options };
    const n = options.width * options.height;
    this.gray = new Uint8Array(n);
    this.foreground = new Uint8Array(n);
    this.staticAge = new Uint16Array(n);
    this.slow = new Float32Array(n);
    this.fast = new Float32Array(n);
    this.labels = new Int32Array(n);
    this.stack = new Int32Array(n);
    this.columns = new Int32Array(options.width);
    this.warmup = new Uint8Array(n * (options.warmupFrames ?? 0));
    this.warmupSeen = new Uint8Array(n * (options.warmupFrames ?? 0));
    this.unknown = new Uint8Array(n);
    this.masked = new Uint8Array(n);
  }

  /** Frames seen so far. */
  get count(): number {
    return this.frames;
  }

  /** Forgets the learnt background (after the camera moved): the next frame becomes the background. */
  relearn(): void {
    this.frames = 0;
    this.staticAge.fill(0);
    this.foreground.fill(0);
    this.unknown.fill(0);
  }

  /**
   * Absorbs a frame (gray or rgb24, any size ≥ the model's); returns the scene statistics. `masks` are
   * the boxes of persons and vehicles seen last: the background is never learnt under them (someone
   * standing still is not absorbed, so no ghost is left when they walk away), and the warm-up median
   * leaves them out; a pixel covered the whole warm-up is learnt the first time it is uncovered.
   */
  update(frame: VideoFrame, masks: readonly Box[] = []): SceneStats {
    this.sample(frame);
    this.rasterise(masks);
    const { width, height, slowRate, fastRate, threshold, warmupFrames } = this.o;
    const n = width * height;
    const first = this.frames === 0;
    this.frames++;
    // During the warm-up the long-term background is the running mean of all frames so far.
    const warmRate = this.frames <= warmupFrames ? 1 / this.frames : 0;
    let sum = 0;
    let sumSq = 0;
    let grad = 0;
    let changed = 0;
    // Locals, not fields, in the per-pixel loops: V8 then keeps them in registers.
    const { gray, slow, fast, foreground, staticAge, masked, unknown } = this;
    const learnBackground = warmRate > 0 ? warmRate : slowRate;
    const learnForeground = warmRate > 0 ? warmRate : slowRate / 20;
    for (let i = 0; i < n; i++) {
      const g = gray[i] ?? 0;
      sum += g;
      sumSq += g * g;
      if (first) {
        slow[i] = g;
        fast[i] = g;
        continue;
      }
      if (unknown[i] === 1 && masked[i] === 0) {
        // First sight of what a person hid during the warm-up: that is the background.
        unknown[i] = 0;
        slow[i] = g;
        fast[i] = g;
        foreground[i] = 0;
        staticAge[i] = 0;
        continue;
      }
      const s = slow[i] ?? 0;
      const f = fast[i] ?? 0;
      const fgSlow = Math.abs(g - s) > threshold;
      const fgFast = Math.abs(g - f) > threshold;
      foreground[i] = fgSlow ? 255 : 0;
      if (fgSlow) changed++;
      // Selective update: foreground is learnt 20× slower so a left object is not absorbed for minutes;
      // nothing is learnt under a person.
      if (masked[i] === 0 || warmRate > 0) slow[i] = s + (fgSlow ? learnForeground : learnBackground) * (g - s);
      fast[i] = f + fastRate * (g - f);
      const age = staticAge[i] ?? 0;
      staticAge[i] = warmRate === 0 && fgSlow && !fgFast ? Math.min(65535, age + 1) : fgSlow ? age : 0;
    }
    if (warmRate > 0) {
      this.warmup.set(gray, (this.frames - 1) * n);
      for (let i = 0; i < n; i++) this.warmupSeen[(this.frames - 1) * n + i] = 1 - (masked[i] ?? 0);
    }
    if (warmupFrames > 0 && this.frames === warmupFrames) this.settleWarmup();
    for (let y = 0; y < height - 1; y++) {
      const row = y * width;
      for (let x = 0; x < width - 1; x++) {
        const g = gray[row + x] ?? 0;
        grad += Math.abs(g - (gray[row + x + 1] ?? 0)) + Math.abs(g - (gray[row + width + x] ?? 0));
      }
    }
    const mean = sum / n;
    return {
      mean,
      std: Math.sqrt(Math.max(0, sumSq / n - mean * mean)),
      sharpness: grad / ((width - 1) * (height - 1)),
      changed: first ? 0 : changed / n,
    };
  }

  /**
   * Ends the warm-up: both backgrounds become the per-pixel median of the warm-up frames where no
   * person covered the pixel; a pixel covered in all of them stays unknown until it is uncovered.
   */
  private settleWarmup(): void {
    const k = this.o.warmupFrames;
    const n = this.o.width * this.o.height;
    const values = new Uint8Array(k);
    for (let i = 0; i < n; i++) {
      let m = 0;
      for (let f = 0; f < k; f++) if (this.warmupSeen[f * n + i] === 1) values[m++] = this.warmup[f * n + i] ?? 0;
      if (m === 0) {
        this.unknown[i] = 1;
        continue;
      }
      const seen = values.subarray(0, m).sort();
      const median = seen[m >> 1] ?? 0;
      this.slow[i] = median;
      this.fast[i] = median;
    }
  }

  /** Forgets what the background holds in a region (a ghost): the current frame becomes its background there. */
  relearnRegion(box: Box): void {
    const { width } = this.o;
    const [x0, y0, x1, y1] = this.pixelsOf(box);
    for (let y = y0; y < y1; y++)
      for (let x = x0; x < x1; x++) {
        const i = y * width + x;
        const g = this.gray[i] ?? 0;
        this.slow[i] = g;
        this.fast[i] = g;
        this.staticAge[i] = 0;
        this.foreground[i] = 0;
      }
  }

  /**
   * Edge evidence for a static region: the mean gradient, at the border of its foreground pixels, of the
   * current frame and of the long-term background. A real object brings its outline into the frame
   * (current ≫ background); a ghost (what was in the background and left) has its outline only in the
   * background, the frame showing plain ground there.
   */
  outlineEdges(box: Box): { current: number; background: number } {
    const { width, height } = this.o;
    const [x0, y0, x1, y1] = this.pixelsOf(box);
    let current = 0;
    let background = 0;
    let count = 0;
    const { gray, slow, foreground } = this;
    for (let y = Math.max(1, y0 - 1); y < Math.min(height - 1, y1 + 1); y++)
      for (let x = Math.max(1, x0 - 1); x < Math.min(width - 1, x1 + 1); x++) {
        const i = y * width + x;
        // A border pixel: foreground with a background 4-neighbour, or the other way round.
        const f = foreground[i] === 255;
        const border =
          (foreground[i - 1] === 255) !== f ||
          (foreground[i + 1] === 255) !== f ||
          (foreground[i - width] === 255) !== f ||
          (foreground[i + width] === 255) !== f;
        if (!border) continue;
        count++;
        current +=
          Math.abs((gray[i + 1] ?? 0) - (gray[i - 1] ?? 0)) + Math.abs((gray[i + width] ?? 0) - (gray[i - width] ?? 0));
        background +=
          Math.abs((slow[i + 1] ?? 0) - (slow[i - 1] ?? 0)) + Math.abs((slow[i + width] ?? 0) - (slow[i - width] ?? 0));
      }
    return count === 0 ? { current: 0, background: 0 } : { current: current / count, background: background / count };
  }

  /** Fraction of the pixels of `box` that differ from the long-term background (0 for an empty box). */
  foregroundFraction(box: Box): number {
    const { width } = this.o;
    const [x0, y0, x1, y1] = this.pixelsOf(box);
    let on = 0;
    for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if (this.foreground[y * width + x] === 255) on++;
    const area = (x1 - x0) * (y1 - y0);
    return area === 0 ? 0 : on / area;
  }

  /** A normalised box as pixel bounds [x0, y0, x1, y1) of the model, clamped to it. */
  private pixelsOf(box: Box): [number, number, number, number] {
    const { width, height } = this.o;
    const x0 = Math.max(0, Math.min(width, Math.floor(box.x * width)));
    const y0 = Math.max(0, Math.min(height, Math.floor(box.y * height)));
    const x1 = Math.max(x0, Math.min(width, Math.ceil((box.x + box.w) * width)));
    const y1 = Math.max(y0, Math.min(height, Math.ceil((box.y + box.h) * height)));
    return [x0, y0, x1, y1];
  }

  /** Marks the pixels the mask boxes cover. */
  private rasterise(masks: readonly Box[]): void {
    const { width } = this.o;
    this.masked.fill(0);
    for (const box of masks) {
      const [x0, y0, x1, y1] = this.pixelsOf(box);
      for (let y = y0; y < y1; y++) this.masked.fill(1, y * width + x0, y * width + x1);
    }
  }

  /** Connected regions of the foreground (anything not in the long-term background). */
  foregroundBlobs(minArea = 0.0005): Blob[] {
    return this.components((i) => this.foreground[i] === 255, minArea);
  }

  /** Connected regions that have been static foreground for at least `staticFrames` frames. */
  staticBlobs(minArea = 0.0003): Blob[] {
    const min = this.o.staticFrames;
    return this.components((i) => (this.staticAge[i] ?? 0) >= min, minArea);
  }

  /** Nearest-neighbour subsampling (and RGB → luma) into the model's own buffer. */
  private sample(frame: VideoFrame): void {
    const { width, height } = this.o;
    const bpp = frame.format === 'gray' ? 1 : 3;
    const columns = this.columnsFor(frame, bpp);
    const data = frame.data;
    for (let y = 0; y < height; y++) {
      const sy = Math.min(frame.height - 1, Math.floor(((y + 0.5) * frame.height) / height));
      const srcRow = sy * frame.width * bpp;
      const out = y * width;
      if (bpp === 1) {
        for (let x = 0; x < width; x++) this.gray[out + x] = data[srcRow + (columns[x] ?? 0)] ?? 0;
        continue;
      }
      for (let x = 0; x < width; x++) {
        const k = srcRow + (columns[x] ?? 0);
        this.gray[out + x] = ((data[k] ?? 0) * 77 + (data[k + 1] ?? 0) * 150 + (data[k + 2] ?? 0) * 29) >> 8;
      }
    }
  }

  /** Byte offset within a source row of each model column, computed once per frame geometry. */
  private columnsFor(frame: VideoFrame, bpp: number): Int32Array {
    const key = frame.width * 4 + bpp;
    if (key === this.columnsKey) return this.columns;
    const { width } = this.o;
    for (let x = 0; x < width; x++)
      this.columns[x] = Math.min(frame.width - 1, Math.floor(((x + 0.5) * frame.width) / width)) * bpp;
    this.columnsKey = key;
    return this.columns;
  }

  /** 4-connected component labelling with a preallocated stack. */
  private components(on: (i: number) => boolean, minArea: number): Blob[] {
    const { width, height } = this.o;
    const n = width * height;
    this.labels.fill(0);
    const blobs: Blob[] = [];
    for (let start = 0; start < n; start++) {
      if (this.labels[start] !== 0 || !on(start)) continue;
      let top = 0;
      this.stack[top++] = start;
      this.labels[start] = 1;
      let count = 0;
      let x0 = width;
      let y0 = height;
      let x1 = 0;
      let y1 = 0;
      while (top > 0) {
        const i = this.stack[--top] ?? 0;
        count++;
        const x = i % width;
        const y = (i - x) / width;
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
        for (let k = 0; k < 4; k++) {
          const j =
            k === 0 ? (x > 0 ? i - 1 : -1) : k === 1 ? (x < width - 1 ? i + 1 : -1) : k === 2 ? i - width : i + width;
          if (j < 0 || j >= n || this.labels[j] !== 0 || !on(j)) continue;
          this.labels[j] = 1;
          this.stack[top++] = j;
        }
      }
      if (count / n >= minArea)
        blobs.push({
          box: { x: x0 / width, y: y0 / height, w: (x1 - x0 + 1) / width, h: (y1 - y0 + 1) / height },
          area: count / n,
        });
    }
    return blobs;
  }
}
