import { spawn, type ChildProcess } from 'node:child_process';
import { locateFfmpeg } from '../ffmpeg-locator.js';
import { RtspRelay } from './rtsp-relay.js';

/** A clip served as a live RTSP camera, which tests can kill and bring back on the same port. */
export interface FakeRtspCamera {
  /** rtsp://127.0.0.1:<port>/live */
  url: string;
  port: number;
  /** Drops every connection and stops listening, as a camera losing power would. */
  kill(): Promise<void>;
  /** RTSP connections playing its stream now. */
  viewers(): number;
  /** Freezes the camera: connections stay open but no video flows and nothing is answered, as with a hung camera. */
  pause(): void;
  /** Thaws a paused camera. */
  resume(): void;
  /** Steps the camera's timestamps by this many seconds (negative: back) from now on, as a clock change would. */
  shiftTimestamps(seconds: number): void;
  /** Starts the camera again on the same port. */
  restart(): Promise<void>;
  /** Stops it for good. */
  stop(): Promise<void>;
}

interface Running {
  relay: RtspRelay;
  publisher: ChildProcess;
}

function stopped(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

/**
 * Listens, then has ffmpeg publish the clip in a loop at its native rate, stream copy (a real camera
 * sends its encoder's output): the same ffmpeg Vigie runs, so nothing beyond npm is needed.
 */
async function launch(clip: string, port: number, readRate: number): Promise<Running & { port: number }> {
  const relay = new RtspRelay();
  const bound = await relay.listen(port);
  const publisher = spawn(
    locateFfmpeg().path,
    ['-hide_banner', '-loglevel', 'error', '-nostdin']
      .concat(readRate === 1 ? ['-re'] : ['-readrate', String(readRate)])
      .concat(['-stream_loop', '-1', '-i', clip])
      .concat(['-map', '0:v:0', '-c', 'copy', '-f', 'rtsp', '-rtsp_transport', 'tcp'])
      .concat([`rtsp://127.0.0.1:${bound}/publish`]),
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let log = '';
  publisher.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    log = (log + chunk).slice(-2000);
  });
  const failed = new Promise<never>((_, reject) => {
    publisher.once('exit', (code) => reject(new Error(`the fake camera's ffmpeg exited (${String(code)}): ${log}`)));
  });
  failed.catch(() => undefined);
  try {
    await Promise.race([relay.published(), failed]);
  } catch (error) {
    await relay.close();
    throw error;
  }
  return { relay, publisher, port: bound };
}

async function shutDown(running: Running | undefined): Promise<void> {
  if (running === undefined) return;
  await running.relay.close();
  await stopped(running.publisher);
}

/**
 * Serves an H.264 MP4 clip (no re-encoding) at rtsp://127.0.0.1:<free port>/live, at its native rate
 * or, with `readRate` below 1, slower than real time (what a recorder sees from an encoder falling behind).
 */
export async function startFakeRtspCamera(clip: string, options: { readRate?: number } = {}): Promise<FakeRtspCamera> {
  const readRate = options.readRate ?? 1;
  const first = await launch(clip, 0, readRate);
  const port = first.port;
  let current: Running | undefined = first;
  return {
    url: `rtsp://127.0.0.1:${port}/live`,
    port,
    kill: async () => {
      await shutDown(current);
      current = undefined;
    },
    viewers: () => current?.relay.viewers ?? 0,
    pause: () => current?.relay.pause(),
    resume: () => current?.relay.resume(),
    shiftTimestamps: (seconds) => current?.relay.shiftTimestamps(seconds),
    restart: async () => {
      await shutDown(current);
      current = await launch(clip, port, readRate);
    },
    stop: async () => {
      await shutDown(current);
      current = undefined;
    },
  };
}
