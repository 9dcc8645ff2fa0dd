import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('fake-rtsp-camera.py', import.meta.url));
const python = '/usr/bin/python3';

/** A clip served as a live RTSP camera by GStreamer, which tests can kill and bring back on the same port. */
export interface FakeRtspCamera {
  /** rtsp://127.0.0.1:<port>/live */
  url: string;
  port: number;
  /** Kills the server abruptly, as a camera losing power would. */
  kill(): Promise<void>;
  /** Freezes the server (SIGSTOP): connections stay open but no video flows, as with a hung camera. */
  pause(): void;
  /** Thaws a paused server. */
  resume(): void;
  /** Starts the server again on the same port. */
  restart(): Promise<void>;
  /** Stops it for good. */
  stop(): Promise<void>;
}

function explainMissing(): string {
  return (
    'The fake RTSP camera needs GStreamer with Python bindings. On Debian: apt-get install -y gstreamer1.0-rtsp ' +
    'gir1.2-gst-rtsp-server-1.0 python3-gi gstreamer1.0-plugins-base gstreamer1.0-plugins-good ' +
    'gstreamer1.0-plugins-bad gstreamer1.0-plugins-ugly gstreamer1.0-libav'
  );
}

function launch(clip: string, port: number): Promise<{ child: ChildProcess; port: number }> {
  try {
    accessSync(python);
  } catch {
    throw new Error(`${python} not found. ${explainMissing()}`);
  }
  const child = spawn(python, [script, clip, String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    log = (log + chunk).slice(-2000);
  });
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      const match = /^READY (\d+)$/.exec(line);
      if (match !== null) resolve({ child, port: Number(match[1]) });
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      reject(new Error(`fake RTSP camera exited (${String(code)}): ${log}\n${explainMissing()}`)),
    );
  });
}

function killed(child: ChildProcess | undefined): Promise<void> {
  if (child === undefined || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
    child.kill('SIGCONT');
  });
}

/** Serves an H.264 MP4 clip (no re-encoding) at rtsp://127.0.0.1:<free port>/live. */
export async function startFakeRtspCamera(clip: string): Promise<FakeRtspCamera> {
  let { child, port } = await launch(clip, 0);
  let current: ChildProcess | undefined = child;
  return {
    url: `rtsp://127.0.0.1:${port}/live`,
    port,
    kill: async () => {
      await killed(current);
      current = undefined;
    },
    pause: () => current?.kill('SIGSTOP'),
    resume: () => current?.kill('SIGCONT'),
    restart: async () => {
      await killed(current);
      ({ child, port } = await launch(clip, port));
      current = child;
    },
    stop: async () => {
      await killed(current);
      current = undefined;
    },
  };
}
