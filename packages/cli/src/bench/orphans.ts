import { readdirSync, readFileSync } from 'node:fs';

/**
 * Kills processes whose command line mentions `dir`: the ffmpeg children of a worker killed with
 * SIGKILL outlive it (re-parented to init) and would go on recording into its directory.
 */
export function killProcessesUsing(dir: string): number {
  let killed = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (cmdline.includes(dir) && cmdline.includes('ffmpeg')) {
        process.kill(Number(entry), 'SIGKILL');
        killed++;
      }
    } catch {
      // Gone meanwhile, or not ours to read.
    }
  }
  return killed;
}
