import { readdirSync, readFileSync } from 'node:fs';

/** Processes (other than this one) whose command line mentions `dir` and `name`, by id. */
export function processesUsing(dir: string, name = ''): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (cmdline.includes(dir) && cmdline.includes(name)) found.push(Number(entry));
    } catch {
      // Gone meanwhile, or not ours to read.
    }
  }
  return found;
}

/**
 * Kills processes whose command line mentions `dir`: the ffmpeg children of a worker killed with
 * SIGKILL outlive it (re-parented to init) and would go on recording into its directory.
 */
export function killProcessesUsing(dir: string): number {
  const pids = processesUsing(dir, 'ffmpeg');
  for (const pid of pids) process.kill(pid, 'SIGKILL');
  return pids.length;
}

/** CPU milliseconds (user + system) each process has used so far, by id; processes gone are left out. */
export function cpuMsOf(pids: readonly number[]): Map<number, number> {
  const used = new Map<number, number>();
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th, in 10 ms ticks.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      used.set(pid, (Number(fields[11]) + Number(fields[12])) * 10);
    } catch {
      // Gone meanwhile.
    }
  }
  return used;
}
