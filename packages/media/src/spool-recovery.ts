import { mkdir, readFile, readdir, readlink, rename, rm, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { segmentKey, type Segment, type SegmentStorage } from '@vigie/core';
import { segmentListName } from './record.args.js';
import { parseSegmentListLine } from './segment-list.parser.js';
import { describeSegmentFile, holdsFrames } from './segment.recorder.js';

/** What the start-up recovery found in the spool a previous server or worker left behind. */
export interface SpoolRecoveryReport {
  /** Recorders of a dead server still running, stopped. */
  straysStopped: number;
  /** Complete segments stored and indexed. */
  indexed: number;
  /** Files that could not be indexed (cut short, duplicate, camera removed), moved to `.quarantine`. */
  quarantined: number;
}

/** Where the recovery looks and what it writes to. */
export interface SpoolRecoveryOptions {
  storage: SegmentStorage;
  spoolDir: string;
  /** Files that cannot be indexed go here; the retention purge deletes them with the camera's footage. */
  quarantineDir: string;
  /** The cameras that still exist: the files of a removed camera are quarantined. */
  cameraIds: () => Promise<ReadonlySet<string>>;
  /**
   * The latest end among a camera's indexed segments that start before `before` (none: undefined); a
   * server that alone records its cameras may answer with the latest end of all.
   */
  indexedEndBefore: (cameraId: string, before: Date) => Promise<Date | undefined>;
  /** Indexes a recovered segment, once stored: a row in the database (server), a report on the bus (worker). */
  index: (segment: Segment) => Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function listDir(path: string): Promise<string[]> {
  return readdir(path).catch(() => []);
}

/**
 * Processes whose command line writes into `spoolDir` and whose parent is not a Node.js process: the
 * recorders of a server or worker that died (re-parented to init), found through /proc (Linux; elsewhere none).
 */
async function strayRecorders(spoolDir: string): Promise<number[]> {
  const strays: number[] = [];
  for (const name of await listDir('/proc')) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    const cmdline = await readFile(`/proc/${name}/cmdline`, 'utf8').catch(() => '');
    const argv = cmdline.split('\0');
    if (!basename(argv[0] ?? '').includes('ffmpeg') || !argv.some((arg) => arg.startsWith(`${spoolDir}/`))) continue;
    const status = await readFile(`/proc/${name}/status`, 'utf8').catch(() => '');
    const ppid = /^PPid:\s*(\d+)/m.exec(status)?.[1] ?? '1';
    const parent = await readlink(`/proc/${ppid}/exe`).catch(() => '');
    if (ppid === '1' || !basename(parent).startsWith('node')) strays.push(Number(name));
  }
  return strays;
}

/** Stops the given processes: SIGTERM (ffmpeg closes its segment), SIGKILL after 5 s. */
async function stop(pids: readonly number[]): Promise<void> {
  const alive = (pid: number): boolean => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  for (const pid of pids) process.kill(pid, 'SIGTERM');
  for (let waited = 0; waited < 5_000 && pids.some(alive); waited += 100) await sleep(100);
  for (const pid of pids.filter(alive)) process.kill(pid, 'SIGKILL');
  for (let waited = 0; waited < 2_000 && pids.some(alive); waited += 100) await sleep(100);
}

/**
 * Start-up recovery of the recording spool (issue: a killed server or worker left recorders running and
 * files no index row pointed to, which the retention purge could not see). Runs before recording starts:
 * stops stray recorders, then stores and indexes every segment their lists call complete (its end is
 * the file's modification time, its start that minus its listed length), and moves everything else to
 * the quarantine. The spool is empty afterwards; the caller reports what was found (audit trail, log).
 */
export async function recoverSpool(options: SpoolRecoveryOptions): Promise<SpoolRecoveryReport> {
  const strays = await strayRecorders(options.spoolDir);
  await stop(strays);
  const report: SpoolRecoveryReport = { straysStopped: strays.length, indexed: 0, quarantined: 0 };
  const cameraIds = await options.cameraIds();
  for (const cameraId of await listDir(options.spoolDir)) {
    // Recovered here, not yet visible in an index that is written asynchronously (a worker's reports).
    let recoveredEnd = 0;
    const cameraDir = join(options.spoolDir, cameraId);
    if (!(await stat(cameraDir)).isDirectory()) continue;
    for (const run of await listDir(cameraDir)) {
      const runDir = join(cameraDir, run);
      if (!(await stat(runDir)).isDirectory()) continue;
      const quarantine = async (file: string): Promise<void> => {
        await mkdir(join(options.quarantineDir, cameraId), { recursive: true });
        await rename(join(runDir, file), join(options.quarantineDir, cameraId, `${run}-${file}`));
        report.quarantined += 1;
      };
      const listed = (await readFile(join(runDir, segmentListName), 'utf8').catch(() => ''))
        .split('\n')
        .map(parseSegmentListLine)
        .filter((entry) => entry !== undefined);
      for (const entry of listed) {
        const path = join(runDir, entry.file);
        const modified = await stat(path).then(
          (s) => s.mtime,
          () => undefined,
        );
        if (modified === undefined) continue; // stored by the server before it died
        if (!cameraIds.has(cameraId)) {
          await quarantine(entry.file);
          continue;
        }
        const endedAt = modified;
        // The file's times are estimates: never before the end of what the index holds up to this file's end.
        // The index's times were placed when the recorder saw each segment complete, up to about a segment
        // after the file's own time: what starts within one segment length of this file's end counts too.
        // Footage recorded later (another worker taking the camera over, after its lease expired) does not.
        const lengthMs = Math.round((entry.end - entry.start) * 1000);
        const indexedEnd = await options.indexedEndBefore(cameraId, new Date(endedAt.getTime() + lengthMs));
        const estimated = endedAt.getTime() - lengthMs;
        const startedAt = new Date(Math.max(estimated, indexedEnd?.getTime() ?? 0, recoveredEnd));
        if (startedAt >= endedAt) {
          await quarantine(entry.file);
          continue;
        }
        const { keyframes: _keyframes, ...described } = await describeSegmentFile(path);
        // Listed without a frame (its run ended as it began): nothing a player or an export could read.
        if (!holdsFrames(described)) {
          await quarantine(entry.file);
          continue;
        }
        const key = segmentKey(cameraId, startedAt);
        await options.storage.put(key, path);
        await options.index({ cameraId, key, startedAt, endedAt, ...described });
        recoveredEnd = endedAt.getTime();
        report.indexed += 1;
      }
      // What the lists do not call complete was being written when the recorder died.
      for (const file of await listDir(runDir)) if (file !== segmentListName) await quarantine(file);
      await rm(runDir, { recursive: true, force: true });
    }
  }
  return report;
}

/** Deletes quarantined files older than their camera's retention cutoff (`cutoffOf`); returns how many. */
export async function purgeQuarantine(dir: string, cutoffOf: (cameraId: string) => Date): Promise<number> {
  let removed = 0;
  for (const cameraId of await listDir(dir)) {
    const cutoff = cutoffOf(cameraId);
    for (const file of await listDir(join(dir, cameraId))) {
      const path = join(dir, cameraId, file);
      const modified = await stat(path).then(
        (s) => s.mtime,
        () => undefined,
      );
      if (modified !== undefined && modified < cutoff) {
        await rm(path, { force: true });
        removed += 1;
      }
    }
  }
  return removed;
}
