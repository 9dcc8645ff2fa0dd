// CPU time of an ffmpeg run, as the benchmarks measure it: user + system time of the process and its children.
import { spawn } from 'node:child_process';

/** Runs ffmpeg under bash and reads the children's user+system CPU time from `times`. */
export function childCpuSeconds(ffmpeg: string, args: readonly string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', '"$0" "$@" >/dev/null 2>&1 || exit 1; times', ffmpeg, ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => (out += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const line = out.trim().split('\n').at(-1) ?? '';
      const parts = [...line.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
      if (code !== 0 || parts.length !== 2) reject(new Error(`ffmpeg failed (${String(code)}): ${out}`));
      else resolve((parts[0] ?? 0) + (parts[1] ?? 0));
    });
  });
}

/** The median of some samples (0 for none). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}
