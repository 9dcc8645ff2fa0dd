import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { locateFfmpeg } from '@vigie/media';
import type { PtzPosition } from './fake-onvif-device.js';
import { RtspRelay } from '@vigie/media/testing';

/** A live RTSP camera whose picture follows a PTZ head. */
export interface PtzSceneCamera {
  /** rtsp://127.0.0.1:<port>/live */
  url: string;
  stop(): Promise<void>;
}

/** The scene's picture size (small: the test decodes every stored frame). */
export const sceneSize = { width: 160, height: 120 };

/** The red "private window" of the scene: its horizontal span for a head position (undefined: the head moves). */
export function windowSpan(position: PtzPosition | undefined): { x0: number; x1: number } {
  // At pan 0 the window is on the left, at pan 0.5 on the right; while the head turns it crosses the middle.
  const centre = position === undefined ? 0.5 : 0.2 + 1.2 * position.pan;
  return { x0: centre - 0.1, x1: centre + 0.1 };
}

/** The window's vertical span (it does not move up or down in these tests). */
export const windowRows = { y0: 0.3, y1: 0.7 };

/** The grey a scene camera fills its own privacy masks with (the street is 128, Vigie's masks black). */
export const cameraMaskGrey = 80;

/** A polygon in image coordinates (0–1, y downwards). */
type Polygon = readonly { x: number; y: number }[];

function draw(frame: Buffer, position: PtzPosition | undefined, burnt: readonly Polygon[]): void {
  const { width, height } = sceneSize;
  const { x0, x1 } = windowSpan(position);
  // Each mask the camera burns in is filled over its bounding box (the test devices' masks are rectangles).
  const boxes = burnt.map((polygon) => ({
    x0: Math.min(...polygon.map((p) => p.x)) * width,
    x1: Math.max(...polygon.map((p) => p.x)) * width,
    y0: Math.min(...polygon.map((p) => p.y)) * height,
    y1: Math.max(...polygon.map((p) => p.y)) * height,
  }));
  for (let y = 0; y < height; y++) {
    const rowInWindow = y >= windowRows.y0 * height && y < windowRows.y1 * height;
    for (let x = 0; x < width; x++) {
      const inWindow = rowInWindow && x >= x0 * width && x < x1 * width;
      const masked = boxes.some((b) => x >= b.x0 && x < b.x1 && y >= b.y0 && y < b.y1);
      const i = (y * width + x) * 3;
      frame[i] = masked ? cameraMaskGrey : inWindow ? 220 : 128;
      frame[i + 1] = masked ? cameraMaskGrey : inWindow ? 20 : 128;
      frame[i + 2] = masked ? cameraMaskGrey : inWindow ? 20 : 128;
    }
  }
}

/**
 * A test PTZ camera's video: a grey street with a red private window whose place in the picture depends on where
 * the head points (`where`, e.g. the test ONVIF device's `position`), drawn by Node at 10 frames a second and
 * encoded by ffmpeg (x264, a keyframe a second) to an RTSP relay. A move shows at once in the next frame, as the
 * picture of a real head does while it turns. `burnt` gives the privacy masks its firmware burns into the next frame
 * (image coordinates, filled grey, `cameraMaskGrey`): none by default, as a firmware that lists masks it does not apply.
 */
export async function startPtzSceneCamera(
  where: () => PtzPosition | undefined,
  burnt: () => readonly Polygon[] = () => [],
): Promise<PtzSceneCamera> {
  const relay = new RtspRelay();
  const port = await relay.listen(0);
  const { width, height } = sceneSize;
  const encoder = spawn(
    locateFfmpeg().path,
    ['-hide_banner', '-loglevel', 'error', '-use_wallclock_as_timestamps', '1']
      .concat(['-f', 'rawvideo', '-pix_fmt', 'rgb24', '-s', `${width}x${height}`, '-r', '10', '-i', 'pipe:0'])
      .concat(['-c:v', 'libx264', '-preset', 'ultrafast', '-tune', 'zerolatency', '-g', '10', '-pix_fmt', 'yuv420p'])
      .concat(['-f', 'rtsp', '-rtsp_transport', 'tcp', `rtsp://127.0.0.1:${port}/publish`]),
    { stdio: ['pipe', 'ignore', 'pipe'] },
  );
  let log = '';
  encoder.stderr.setEncoding('utf8').on('data', (chunk: string) => (log = (log + chunk).slice(-2000)));
  encoder.stdin.on('error', () => undefined);
  const frame = Buffer.alloc(width * height * 3);
  const timer = setInterval(() => {
    draw(frame, where(), burnt());
    encoder.stdin.write(frame);
  }, 100);
  const exited = new Promise<never>((_, reject) =>
    encoder.once('exit', (code) => reject(new Error(`the scene camera's ffmpeg exited (${String(code)}): ${log}`))),
  );
  exited.catch(() => undefined);
  const stop = async (): Promise<void> => {
    clearInterval(timer);
    encoder.stdin.end();
    encoder.kill('SIGKILL');
    await relay.close();
  };
  try {
    await Promise.race([relay.published(), exited]);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `rtsp://127.0.0.1:${port}/live`, stop };
}

const run = promisify(execFile);

/** What one stored frame shows: the whole picture black, one side masked (a preset's mask), or something else. */
/** Who masked a stored segment, from its pixels: the camera (its grey), Vigie (black), or nobody (the red shows). */
export async function maskedBy(file: string): Promise<'camera' | 'Vigie' | 'nobody' | 'unclear'> {
  const looks = new Set((await framesOf(file)).map(windowLook));
  if (looks.has('red')) return 'nobody';
  if (looks.size === 1 && looks.has('camera mask')) return 'camera';
  if (looks.size === 1 && looks.has('black')) return 'Vigie';
  return 'unclear';
}

export type FrameKind = 'black' | 'left masked' | 'right masked' | 'other';

/** Every frame of a stored segment as RGB pixels. */
export async function framesOf(path: string): Promise<Buffer[]> {
  const { stdout } = await run(
    locateFfmpeg().path,
    ['-v', 'error', '-i', path, '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'],
    { encoding: 'buffer', maxBuffer: 256 * 1024 * 1024 },
  );
  const size = sceneSize.width * sceneSize.height * 3;
  return Array.from({ length: Math.floor(stdout.length / size) }, (_, i) => stdout.subarray(i * size, (i + 1) * size));
}

/** Pixels of the red private window's colour in a frame. */
export function redPixels(frame: Buffer): number {
  let red = 0;
  for (let i = 0; i < frame.length; i += 3) {
    if (frame[i]! > 150 && frame[i + 1]! < 100 && frame[i + 2]! < 100) red += 1;
  }
  return red;
}

/** What a frame shows over the private window at pan 0: its red, the camera's grey mask, Vigie's black, or else. */
export function windowLook(frame: Buffer): 'red' | 'camera mask' | 'black' | 'other' {
  const { width, height } = sceneSize;
  const { x0, x1 } = windowSpan({ pan: 0, tilt: 0, zoom: 0 });
  const sum = [0, 0, 0];
  let count = 0;
  for (let y = Math.ceil(windowRows.y0 * height) + 2; y < windowRows.y1 * height - 2; y++) {
    for (let x = Math.ceil(x0 * width) + 2; x < x1 * width - 2; x++) {
      for (let c = 0; c < 3; c++) sum[c]! += frame[(y * width + x) * 3 + c]!;
      count += 1;
    }
  }
  const [r, g, b] = sum.map((v) => v / count) as [number, number, number];
  if (r > 150 && g < 100 && b < 100) return 'red';
  if (Math.max(r, g, b) < 40) return 'black';
  if ([r, g, b].every((v) => Math.abs(v - cameraMaskGrey) < 20)) return 'camera mask';
  return 'other';
}

/** Mean brightness of a horizontal band of the picture (rows 25–75 %), from x0 to x1 (normalised). */
function meanOf(frame: Buffer, x0: number, x1: number): number {
  const { width, height } = sceneSize;
  let sum = 0;
  let count = 0;
  for (let y = Math.round(height * 0.25); y < height * 0.75; y++) {
    for (let x = Math.round(width * x0); x < width * x1; x++) {
      const i = (y * width + x) * 3;
      sum += (frame[i]! + frame[i + 1]! + frame[i + 2]!) / 3;
      count += 1;
    }
  }
  return sum / count;
}

/** What a stored frame of the scene shows (a preset's mask covers one side of it). */
export function kindOf(frame: Buffer): FrameKind {
  const [left, middle, right] = [meanOf(frame, 0.1, 0.3), meanOf(frame, 0.42, 0.58), meanOf(frame, 0.7, 0.9)];
  const dark = (v: number): boolean => v < 40;
  if (dark(left) && dark(middle) && dark(right)) return 'black';
  if (dark(left) && !dark(middle) && !dark(right)) return 'left masked';
  if (!dark(left) && !dark(middle) && dark(right)) return 'right masked';
  return 'other';
}
