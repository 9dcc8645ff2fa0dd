import { spawn } from 'node:child_process';

/** Runs ffmpeg to completion, `stdin` written to its input when given; rejects with the last lines of its log when it fails. */
export function runFfmpeg(
  ffmpegPath: string,
  args: readonly string[],
  signal?: AbortSignal,
  stdin?: Uint8Array,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(ffmpegPath, args, {
      stdio: ['pipe', 'ignore', 'pipe'],
      ...(signal ? { signal } : {}),
    });
    // ffmpeg may stop reading at the first invalid byte: its exit code tells, not the broken pipe.
    child.stdin.on('error', () => undefined);
    child.stdin.end(stdin);
    let log = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      log = (log + chunk).slice(-4000);
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`ffmpeg exited with code ${String(code)}: ${log.trim().split('\n').slice(-5).join('\n')}`));
    });
  });
}
