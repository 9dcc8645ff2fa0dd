import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { locateFfmpeg } from '@vigie/media';

/**
 * The picture a clock camera sends: 256×144, grey, its capture time (Unix epoch in ms) drawn as a bar code in
 * the top 96 rows: 42 bits, least significant first, in two rows of 21 cells of 12×24 px (white = 1),
 * then the same two rows inverted, so that a reader can tell a clean read from a smeared one.
 */
export const clockFrame = { width: 256, height: 144, bits: 42, cellsPerRow: 21, cellWidth: 12, cellHeight: 24 };

/** Where to read the bar code: for each bit, the centre of its cell, then of its inverted copy (x, y pairs). */
export function clockProbePoints(): [x: number, y: number][] {
  const { bits, cellsPerRow, cellWidth, cellHeight } = clockFrame;
  const points: [number, number][] = [];
  for (let bit = 0; bit < bits; bit += 1) {
    const x = (bit % cellsPerRow) * cellWidth + cellWidth / 2;
    const y = Math.floor(bit / cellsPerRow) * cellHeight + cellHeight / 2;
    points.push([x, y], [x, y + 2 * cellHeight]);
  }
  return points;
}

/**
 * The capture time read from the luminance at `clockProbePoints`, or undefined when a bit and its inverted
 * copy agree (a smeared picture, or not a clock frame at all).
 */
export function readClock(values: readonly number[]): number | undefined {
  let ms = 0;
  for (let bit = 0; bit < clockFrame.bits; bit += 1) {
    const value = (values[2 * bit] ?? 0) > 128;
    if (value === (values[2 * bit + 1] ?? 0) > 128) return undefined;
    if (value) ms += 2 ** bit;
  }
  return ms;
}

/**
 * Glass-to-glass latency of the bare source, the floor any viewer sits on: an ffmpeg reading the camera URL,
 * decoding without delay (one thread, no probing beyond the first packets) to raw grey pictures read here.
 * Resolves with one latency (ms) per frame shown after `warmupMs` and until `warmupMs + durationMs`.
 */
export async function sourceLatencies(
  url: string,
  window: { warmupMs: number; durationMs: number },
): Promise<number[]> {
  const { width, height } = clockFrame;
  const points = clockProbePoints();
  const reader = spawn(
    locateFfmpeg().path,
    [
      ...['-hide_banner', '-loglevel', 'fatal', '-fflags', 'nobuffer', '-flags', 'low_delay', '-threads', '1'],
      ...['-probesize', '32768', '-analyzeduration', '0', '-i', url, '-f', 'rawvideo', '-pix_fmt', 'gray', 'pipe:1'],
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const latencies: number[] = [];
  const from = Date.now() + window.warmupMs;
  let pending = Buffer.alloc(0);
  reader.stdout?.on('data', (chunk: Buffer) => {
    const now = Date.now();
    pending = Buffer.concat([pending, chunk]);
    while (pending.length >= width * height) {
      const frame = pending.subarray(0, width * height);
      pending = pending.subarray(width * height);
      const shotAt = readClock(points.map(([x, y]) => frame[y * width + x] ?? 0));
      if (shotAt !== undefined && now >= from) latencies.push(now - shotAt);
    }
  });
  const exited = new Promise<void>((resolve) => reader.on('exit', () => resolve()));
  await new Promise((resolve) => setTimeout(resolve, window.warmupMs + window.durationMs));
  reader.kill('SIGTERM');
  await exited;
  return latencies;
}

/**
 * The lavfi graph of a clock camera: frames released in real time, each stamped with the wall clock at that
 * moment (`RTCTIME`, its "glass" time), drawn as the bar code of `clockFrame` over a moving background.
 */
function clockGraph(fps: number): string {
  const { width, height, cellsPerRow, cellWidth, cellHeight } = clockFrame;
  const barWidth = cellsPerRow * cellWidth;
  const bitIndex = `(mod(floor(Y/${cellHeight})\\,2)*${cellsPerRow}+floor(X/${cellWidth}))`;
  const bit = `mod(floor(floor(T*1000+0.5)/pow(2\\,${bitIndex}))\\,2)`;
  const lum = `if(lt(Y\\,${4 * cellHeight})*lt(X\\,${barWidth})\\,255*abs(${bit}-gte(Y\\,${2 * cellHeight}))\\,64+mod(X+N*4\\,128))`;
  return [
    `testsrc2=size=${width}x${height}:rate=${fps}`,
    'realtime',
    'settb=1/1000',
    'setpts=RTCTIME/1000',
    'format=gray',
    `geq=lum='${lum}'`,
    'format=yuv420p',
    `setpts=N/${fps}/TB`,
  ].join(',');
}

/** Settings of the clock cameras. */
export interface ClockCameraOptions {
  /** Frames per second (default 10). */
  fps?: number;
  /** Seconds between keyframes (default 1). */
  keyframeSeconds?: number;
}

/** Clock cameras serving the same real-time stream to any number of recorders. */
export interface ClockCameras {
  /** The URL of camera `n` (each recorder gets its own connection, as to its own camera). */
  urlOf(n: number): string;
  /** How many connections are reading now. */
  readers(): number;
  close(): Promise<void>;
}

/**
 * Starts one ffmpeg encoding the clock picture (H.264 in MPEG-TS, no B-frames, zero-latency tuning) and an HTTP
 * server that relays it to every connection in whole 188-byte packets: many cameras for the price of one encoder.
 */
export async function startClockCameras(options: ClockCameraOptions = {}): Promise<ClockCameras> {
  const fps = options.fps ?? 10;
  const gop = Math.max(1, Math.round(fps * (options.keyframeSeconds ?? 1)));
  const readers = new Set<ServerResponse>();
  const server = createServer((request, response) => {
    response.writeHead(200, { 'content-type': 'video/mp2t', 'cache-control': 'no-store' });
    readers.add(response);
    request.on('close', () => readers.delete(response));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const encoder: ChildProcess = spawn(
    locateFfmpeg().path,
    [
      ...['-hide_banner', '-loglevel', 'error', '-f', 'lavfi', '-i', clockGraph(fps)],
      ...['-c:v', 'libx264', '-preset', 'ultrafast', '-tune', 'zerolatency', '-g', String(gop), '-bf', '0'],
      ...['-f', 'mpegts', '-muxdelay', '0', '-flush_packets', '1', 'pipe:1'],
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let pending = Buffer.alloc(0);
  encoder.stdout?.on('data', (chunk: Buffer) => {
    pending = Buffer.concat([pending, chunk]);
    const whole = pending.length - (pending.length % 188);
    if (whole === 0) return;
    const packets = pending.subarray(0, whole);
    pending = pending.subarray(whole);
    for (const reader of readers) reader.write(packets);
  });
  const exited = new Promise<void>((resolve) => encoder.on('exit', () => resolve()));
  return {
    urlOf: (n) => `http://127.0.0.1:${port}/camera/${n}.ts`,
    readers: () => readers.size,
    close: async () => {
      encoder.kill('SIGTERM');
      await exited;
      for (const reader of readers) reader.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
