import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { definedOnly, systemClock, type Clock } from '@vigie/core';
import { currentFfmpeg, type FfmpegCapabilities } from './ffmpeg-capabilities.js';
import { dyingWithParent } from './parent-death.js';
import {
  backoffDelay,
  defaultBackoff,
  describeFfmpegExit,
  readProgressLine,
  redactLogLine,
  type BackoffPolicy,
  type FfmpegFailure,
  type FfmpegProgress,
} from './ffmpeg-log.parser.js';
import { everyTick } from './shared-tick.js';

/** Where a supervised process stands; `offline` and `error` are followed by a retry, `stopped` is final. */
export type ProcessState = 'starting' | 'online' | 'offline' | 'error' | 'stopped';

/** A status change of one supervised process, as shown to operators (credentials never included). */
export interface ProcessStatus {
  jobId: string;
  state: ProcessState;
  /** Why, in words a person understands. */
  reason: string;
  at: Date;
  /** Restarts since the process last stayed online. */
  attempt: number;
  /** When offline or error: how long until the next try. */
  retryInMs?: number;
}

/** Progress of one supervised process. */
export interface ProcessProgress extends FfmpegProgress {
  jobId: string;
  /** Number of the run (1 for the first spawn, +1 at each restart). */
  run: number;
  at: Date;
}

/** One ffmpeg process to keep running, e.g. a camera's recorder. */
export interface SupervisedJob {
  /** Stable name, e.g. `<cameraId>:record`. */
  id: string;
  /** Builds the arguments of each run (called again before every restart, so it may prepare files). */
  args: (run: number) => Promise<readonly string[]> | readonly string[];
  /** Strings to hide in every log line and status, e.g. `sourceSecrets(sourceUrl)`. */
  secrets?: readonly string[];
  /**
   * Receive what each run writes to `pipe:3`, `pipe:4`, … in order (e.g. the live stream, the sealed
   * unmasked stream); absent: the process gets no extra fd.
   */
  outputs?: readonly ((stream: Readable) => void)[];
}

/** A line the supervisor logs (already redacted). */
export interface SupervisorLogEntry {
  level: 'info' | 'warn';
  jobId: string;
  message: string;
}

/** How the supervisor runs its processes. */
export interface SupervisorOptions {
  ffmpegPath: string;
  /** What that ffmpeg can do (`probeFfmpeg`), for jobs building their arguments; default: Debian's ffmpeg 5.1. */
  ffmpegCapabilities?: FfmpegCapabilities;
  /** Restart a process whose output stops moving for this long (default 8 s, so "offline" shows within 10 s). */
  stallTimeoutMs?: number;
  /** Extra time allowed before the first frame, for connecting and probing the stream (default 10 s). */
  startupGraceMs?: number;
  backoff?: BackoffPolicy;
  /** How long each stop step (`q`, SIGTERM) may take before the next, harder one (default 3 s). */
  stopStepMs?: number;
  clock?: Clock;
  log?: (entry: SupervisorLogEntry) => void;
}

type Child = ChildProcessByStdio<Writable, Readable, Readable>;

interface Entry {
  job: SupervisedJob;
  run: number;
  attempt: number;
  child?: Child;
  stopping: boolean;
  /** Set by `restart`: the current run ends on request and the next one starts without backoff. */
  restarting?: boolean;
  wake?: () => void;
  done: Promise<void>;
  status?: ProcessStatus;
}

const logTailLines = 20;

/** Reads the flag afresh: `stop` may set it while a run is being prepared. */
function isStopping(entry: Entry): boolean {
  return entry.stopping;
}
/** Reads the flag afresh: `restart` may set it while a run is being prepared. */
function isRestarting(entry: Entry): boolean {
  return entry.restarting === true;
}
const stableOnlineMs = 30_000;

/**
 * Keeps ffmpeg processes running: one per camera role, restarted with exponential backoff when they
 * exit or stall, stopped gracefully (`q`, then SIGTERM, then SIGKILL). Never throws because of a
 * source: every failure becomes a status event with a reason.
 */
export class FfmpegSupervisor {
  readonly #options: SupervisorOptions;
  readonly #clock: Clock;
  readonly #entries = new Map<string, Entry>();
  readonly #statusListeners = new Set<(status: ProcessStatus) => void>();
  /** Progress listeners by job: each report reaches its own job's listeners only (not every camera's recorder). */
  readonly #progressListeners = new Map<string, Set<(progress: ProcessProgress) => void>>();

  /** Creates a supervisor; nothing runs until `start`. */
  constructor(options: SupervisorOptions) {
    this.#options = options;
    this.#clock = options.clock ?? systemClock;
  }

  /** What the supervised ffmpeg can do: jobs build their arguments for it. */
  get capabilities(): FfmpegCapabilities {
    return this.#options.ffmpegCapabilities ?? currentFfmpeg;
  }

  /** Starts keeping a job running; throws if a job with that id is already supervised. */
  start(job: SupervisedJob): void {
    if (this.#entries.has(job.id)) throw new Error(`ffmpeg job ${job.id} is already running.`);
    const entry: Entry = { job, run: 0, attempt: 0, stopping: false, done: Promise.resolve() };
    this.#entries.set(job.id, entry);
    entry.done = this.#loop(entry);
  }

  /** Stops a job and waits until its process has exited; does nothing for an unknown id. */
  async stop(jobId: string): Promise<void> {
    const entry = this.#entries.get(jobId);
    if (entry === undefined) return;
    entry.stopping = true;
    entry.wake?.();
    if (entry.child !== undefined) await this.#terminate(entry.child, true);
    await entry.done;
    this.#entries.delete(jobId);
  }

  /**
   * Ends a job's current process gracefully and starts its next run at once, with arguments built afresh (e.g.
   * other privacy masks); resolves once the old process has exited, so nothing it outputs comes after. A run
   * being prepared when this is called is dropped before it spawns.
   */
  async restart(jobId: string): Promise<void> {
    const entry = this.#entries.get(jobId);
    if (entry === undefined || entry.stopping) return;
    entry.restarting = true;
    entry.wake?.();
    if (entry.child !== undefined) await this.#terminate(entry.child, true);
  }

  /** Stops every job. */
  async stopAll(): Promise<void> {
    await Promise.all([...this.#entries.keys()].map((id) => this.stop(id)));
  }

  /** The last status of a job. */
  status(jobId: string): ProcessStatus | undefined {
    return this.#entries.get(jobId)?.status;
  }

  /** Listens to status changes of every job; returns the function that stops listening. */
  onStatus(listener: (status: ProcessStatus) => void): () => void {
    this.#statusListeners.add(listener);
    return () => this.#statusListeners.delete(listener);
  }

  /** Listens to the progress reports of one job; returns the function that stops listening. */
  onProgress(jobId: string, listener: (progress: ProcessProgress) => void): () => void {
    const listeners = this.#progressListeners.get(jobId) ?? new Set();
    this.#progressListeners.set(jobId, listeners.add(listener));
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0 && this.#progressListeners.get(jobId) === listeners)
        this.#progressListeners.delete(jobId);
    };
  }

  /** Stops everything (for `await using`). */
  async [Symbol.asyncDispose](): Promise<void> {
    await this.stopAll();
  }

  #log(entry: Entry, level: SupervisorLogEntry['level'], message: string): void {
    this.#options.log?.({ level, jobId: entry.job.id, message: redactLogLine(message, entry.job.secrets) });
  }

  #emit(entry: Entry, state: ProcessState, reason: string, retryInMs?: number): void {
    const status: ProcessStatus = {
      jobId: entry.job.id,
      state,
      reason: redactLogLine(reason, entry.job.secrets),
      at: this.#clock.now(),
      attempt: entry.attempt,
      ...definedOnly({ retryInMs }),
    };
    entry.status = status;
    for (const listener of this.#statusListeners) {
      try {
        listener(status);
      } catch (error) {
        this.#log(entry, 'warn', `status listener failed: ${String(error)}`);
      }
    }
  }

  async #loop(entry: Entry): Promise<void> {
    while (!isStopping(entry)) {
      entry.run += 1;
      this.#emit(entry, 'starting', entry.attempt === 0 ? 'starting' : `restart ${entry.attempt}`);
      const failure = await this.#runOnce(entry);
      if (isStopping(entry)) break;
      if (isRestarting(entry)) continue;
      entry.attempt += 1;
      const delay = backoffDelay(entry.attempt, this.#options.backoff ?? defaultBackoff);
      this.#emit(entry, failure.kind, failure.reason, delay);
      this.#log(entry, 'warn', `${failure.kind}: ${failure.reason}; retrying in ${delay} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delay);
        entry.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      delete entry.wake;
    }
    this.#emit(entry, 'stopped', 'stopped on request');
  }

  async #runOnce(entry: Entry): Promise<FfmpegFailure> {
    entry.restarting = false;
    let args: readonly string[];
    try {
      args = await entry.job.args(entry.run);
    } catch (error) {
      return {
        kind: 'error',
        reason: `cannot prepare ffmpeg: ${error instanceof Error ? error.message : String(error)}`,
      };
    }
    if (isStopping(entry)) return { kind: 'offline', reason: 'stopped' };
    if (isRestarting(entry)) return { kind: 'offline', reason: 'restarted on request' };
    let child: Child;
    try {
      // Dies with this process (SIGTERM lets ffmpeg close its segment), even when this process is SIGKILLed.
      const run = dyingWithParent(this.#options.ffmpegPath, args);
      const outputs = entry.job.outputs ?? [];
      child = spawn(run.command, run.args, { stdio: ['pipe', 'pipe', 'pipe', ...outputs.map(() => 'pipe' as const)] });
      outputs.forEach((output, index) => {
        const extra = child.stdio[3 + index];
        if (extra !== null && extra !== undefined) output(extra as Readable);
      });
    } catch (error) {
      return {
        kind: 'error',
        reason: `cannot start ffmpeg: ${error instanceof Error ? error.message : String(error)}`,
      };
    }
    entry.child = child;
    this.#log(entry, 'info', `run ${entry.run}: ffmpeg ${args.join(' ')}`);
    try {
      return await this.#watch(entry, child);
    } finally {
      delete entry.child;
    }
  }

  #watch(entry: Entry, child: Child): Promise<FfmpegFailure> {
    const stallMs = this.#options.stallTimeoutMs ?? 8000;
    const tail: string[] = [];
    let lastMoveAt = performance.now();
    let last: FfmpegProgress = { frame: 0, outTimeUs: 0, totalSize: 0 };
    let onlineAt: number | undefined;
    let stalled: FfmpegFailure | undefined;
    const block: Partial<FfmpegProgress> = {};

    child.stdin.on('error', () => undefined); // the process may exit before reading `q`
    createInterface({ input: child.stderr }).on('line', (line) => {
      tail.push(redactLogLine(line, entry.job.secrets));
      if (tail.length > logTailLines) tail.shift();
    });
    const onProgressLine = (line: string): void => {
      const progress = readProgressLine(line, block);
      if (progress === undefined) return;
      const moved =
        progress.frame > last.frame || progress.outTimeUs > last.outTimeUs || progress.totalSize > last.totalSize;
      if (moved) lastMoveAt = performance.now();
      last = progress;
      if (onlineAt === undefined && (progress.frame > 0 || progress.outTimeUs > 0)) {
        onlineAt = performance.now();
        this.#emit(entry, 'online', 'receiving video');
      }
      const report: ProcessProgress = { ...progress, jobId: entry.job.id, run: entry.run, at: this.#clock.now() };
      for (const listener of this.#progressListeners.get(entry.job.id) ?? []) listener(report);
    };
    // Progress lines split by hand: a dozen lines a second per camera need no readline interface and its events.
    let partial = '';
    child.stdout.setEncoding('latin1');
    child.stdout.on('data', (text: string) => {
      const lines = (partial + text).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) onProgressLine(line);
    });
    const startupMs = this.#options.startupGraceMs ?? 10_000;
    // One timer for every process's watchdog (`everyTick`): a wake-up a second for the whole fleet.
    const stopWatchdog = everyTick(Math.min(1000, stallMs / 4), () => {
      const limit = onlineAt === undefined ? stallMs + startupMs : stallMs;
      if (stalled !== undefined || performance.now() - lastMoveAt < limit) return;
      stalled = { kind: 'offline', reason: `no video received for ${Math.round(limit / 1000)} s` };
      this.#log(entry, 'warn', `stalled: ${stalled.reason}; stopping ffmpeg`);
      void this.#terminate(child, false);
    });

    return new Promise<FfmpegFailure>((resolve) => {
      let spawnError: Error | undefined;
      child.on('error', (error) => {
        spawnError = error;
      });
      child.on('close', (code) => {
        stopWatchdog();
        if (onlineAt !== undefined && performance.now() - onlineAt > stableOnlineMs) entry.attempt = 0;
        if (spawnError !== undefined)
          resolve({
            kind: 'error',
            reason: `cannot start ffmpeg (${this.#options.ffmpegPath}): ${spawnError.message}`,
          });
        else resolve(stalled ?? describeFfmpegExit(tail, code));
      });
    });
  }

  /** Asks ffmpeg to finish (`q` lets it close the current segment), then insists. */
  async #terminate(child: Child, graceful: boolean): Promise<void> {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
    const step = this.#options.stopStepMs ?? 3000;
    const waitExit = (ms: number): Promise<boolean> =>
      Promise.race([
        exited.then(() => true),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms).unref()),
      ]);
    if (graceful) {
      child.stdin.end('q\n');
      if (await waitExit(step)) return;
    }
    child.kill('SIGTERM');
    if (await waitExit(step)) return;
    child.kill('SIGKILL');
    await exited;
  }
}
