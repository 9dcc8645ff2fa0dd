import { spawn } from 'node:child_process';
import type { AnalysisConfig, AnalyticsEventType } from '@vigie/core';

/** Where an actor's feet are and how big it is, at one time (normalised units, seconds). */
export interface Keyframe {
  t: number;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A drawn walker (ellipse) or object (rectangle), moving linearly between keyframes, shown in [from, to]. */
export interface Actor {
  shape: 'ellipse' | 'rect';
  gray: number;
  keys: Keyframe[];
  from?: number;
  to?: number;
}

/** An event the scene must produce, somewhere in [from, to] seconds. */
export interface ExpectedEvent {
  type: AnalyticsEventType;
  from: number;
  to: number;
}

/** A synthetic scene with its ground truth. */
export interface SyntheticScene {
  name: string;
  seconds: number;
  actors: Actor[];
  /** Seconds during which the lens is covered (camera_tamper). */
  covered?: [number, number];
  config: AnalysisConfig;
  expected: ExpectedEvent[];
  /** True line crossings (in + out) over all counting lines. */
  crossings?: number;
}

/** Render size and rate of the synthetic clips. */
export const sceneFormat = { width: 320, height: 180, fps: 10 } as const;

/** Where an actor is at time t, or undefined when not shown. */
export function actorAt(actor: Actor, t: number): Keyframe | undefined {
  if ((actor.from !== undefined && t < actor.from) || (actor.to !== undefined && t > actor.to)) return undefined;
  const keys = actor.keys;
  const first = keys[0];
  if (first === undefined || t < first.t) return undefined;
  for (let i = 1; i < keys.length; i++) {
    const a = keys[i - 1];
    const b = keys[i];
    if (a === undefined || b === undefined || t > b.t) continue;
    const k = b.t === a.t ? 1 : (t - a.t) / (b.t - a.t);
    return {
      t,
      x: a.x + k * (b.x - a.x),
      y: a.y + k * (b.y - a.y),
      w: a.w + k * (b.w - a.w),
      h: a.h + k * (b.h - a.h),
    };
  }
  return keys.at(-1);
}

/** Draws one frame of a scene into `out` (8-bit gray, sceneFormat size); `seed` varies the sensor noise. */
export function renderFrame(
  scene: SyntheticScene,
  frame: { t: number; out: Uint8Array; background: Uint8Array },
): void {
  const { width, height } = sceneFormat;
  const { out, background, t } = frame;
  const covered = scene.covered !== undefined && t >= scene.covered[0] && t < scene.covered[1];
  let noise = (Math.floor(t * 1000) * 2654435761) >>> 0;
  for (let i = 0; i < out.length; i++) {
    noise = (noise * 1664525 + 1013904223) >>> 0;
    out[i] = covered ? 6 : (background[i] ?? 0) + ((noise >>> 29) - 4);
  }
  if (covered) return;
  for (const actor of scene.actors) {
    const k = actorAt(actor, t);
    if (k === undefined) continue;
    const x0 = Math.max(0, Math.round((k.x - k.w / 2) * width));
    const x1 = Math.min(width - 1, Math.round((k.x + k.w / 2) * width));
    const y0 = Math.max(0, Math.round((k.y - k.h) * height));
    const y1 = Math.min(height - 1, Math.round(k.y * height));
    const cx = k.x * width;
    const cy = (k.y - k.h / 2) * height;
    const rx = (k.w * width) / 2;
    const ry = (k.h * height) / 2;
    for (let y = y0; y <= y1; y++) {
      for (let x = x0; x <= x1; x++) {
        if (actor.shape === 'ellipse' && ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 > 1) continue;
        out[y * width + x] = actor.gray;
      }
    }
  }
}

/** A textured static background (paving stones), so that the scene is not trivially flat. */
export function sceneBackground(): Uint8Array {
  const { width, height } = sceneFormat;
  const bg = new Uint8Array(width * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++)
      bg[y * width + x] =
        150 + Math.round(18 * Math.sin(x / 7) * Math.cos(y / 5)) + (x % 24 === 0 || y % 16 === 0 ? -25 : 0);
  return bg;
}

/**
 * Renders a scene to an H.264 file by piping raw gray frames into ffmpeg. `keyframeSeconds` sets the
 * keyframe interval (as a camera's GOP); without it x264's default (250 frames, 25 s at 10 fps) is kept.
 */
export async function renderScene(
  scene: SyntheticScene,
  options: { ffmpegPath: string; output: string; keyframeSeconds?: number },
): Promise<void> {
  const { width, height, fps } = sceneFormat;
  const child = spawn(
    options.ffmpegPath,
    [
      '-hide_banner',
      '-loglevel',
      'error',
      '-y',
      '-f',
      'rawvideo',
      '-pix_fmt',
      'gray',
      '-s',
      `${width}x${height}`,
      '-r',
      String(fps),
      '-i',
      'pipe:0',
      '-c:v',
      'libx264',
      '-preset',
      'ultrafast',
      '-crf',
      '16',
      '-pix_fmt',
      'yuv420p',
      ...(options.keyframeSeconds === undefined ? [] : ['-g', String(Math.round(options.keyframeSeconds * fps))]),
      options.output,
    ],
    { stdio: ['pipe', 'ignore', 'pipe'] },
  );
  let log = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (c: string) => (log += c));
  const done = new Promise<void>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`ffmpeg could not render ${scene.name}: ${log.trim()}`));
    });
  });
  // An ffmpeg that ends early (missing, failing) rejects `done`: frames stop, and a full pipe waits for no drain.
  child.stdin.on('error', () => undefined);
  const ffmpeg = { ended: false };
  const settled = done.then(
    () => (ffmpeg.ended = true),
    () => (ffmpeg.ended = true),
  );
  const background = sceneBackground();
  const frames = Math.round(scene.seconds * fps);
  for (let f = 0; f < frames && !ffmpeg.ended; f++) {
    const out = new Uint8Array(width * height);
    renderFrame(scene, { t: f / fps, out, background });
    if (!child.stdin.write(out)) await Promise.race([new Promise((r) => child.stdin.once('drain', r)), settled]);
  }
  child.stdin.end();
  await done;
}
