/** What a `-progress` block says about how far ffmpeg got. */
export interface FfmpegProgress {
  /** Frames written so far. */
  frame: number;
  /** Media time written so far, in microseconds. */
  outTimeUs: number;
  /** Bytes written so far. */
  totalSize: number;
}

/**
 * Reads one `key=value` line of ffmpeg's `-progress` output into the block being collected; returns
 * the completed block when the line is the block's closing `progress=…`.
 */
export function readProgressLine(line: string, block: Partial<FfmpegProgress>): FfmpegProgress | undefined {
  const eq = line.indexOf('=');
  if (eq < 0) return undefined;
  const key = line.slice(0, eq).trim();
  const value = line.slice(eq + 1).trim();
  const number = Number(value);
  if (key === 'frame' && Number.isFinite(number)) block.frame = number;
  else if (key === 'out_time_us' && Number.isFinite(number)) block.outTimeUs = number;
  else if (key === 'total_size' && Number.isFinite(number)) block.totalSize = number;
  else if (key === 'progress') {
    const done = { frame: block.frame ?? 0, outTimeUs: block.outTimeUs ?? 0, totalSize: block.totalSize ?? 0 };
    delete block.frame;
    delete block.outTimeUs;
    delete block.totalSize;
    return done;
  }
  return undefined;
}

/** Whether a failure may heal by itself (camera rebooting, network) or needs a person (bad URL, password). */
export type FailureKind = 'offline' | 'error';

/** Why an ffmpeg process stopped, in words an operator understands. */
export interface FfmpegFailure {
  kind: FailureKind;
  reason: string;
}

/** The reason given when ffmpeg could not open the video encoder (a hardware encoder busy, capped or gone). */
export const encoderNotOpened = 'the video encoder could not be opened';

const knownFailures: readonly { pattern: RegExp; failure: FfmpegFailure }[] = [
  {
    // ffmpeg 5 "Error while opening encoder for output stream", 6–7 "Could not open encoder before EOF".
    pattern: /Error while opening encoder|Could not open encoder|Unknown encoder/i,
    failure: { kind: 'error', reason: encoderNotOpened },
  },
  {
    pattern: /401 Unauthorized|authorization failed|403 Forbidden/i,
    failure: { kind: 'error', reason: 'the camera refused the credentials' },
  },
  {
    pattern: /404 Not Found|Server returned 404/i,
    failure: { kind: 'error', reason: 'the stream path does not exist on the camera' },
  },
  { pattern: /No such file or directory/i, failure: { kind: 'error', reason: 'the source file does not exist' } },
  {
    pattern: /Name or service not known|Failed to resolve|Temporary failure in name resolution|nodename nor servname/i,
    failure: { kind: 'error', reason: 'the camera host name cannot be resolved' },
  },
  {
    pattern: /Invalid data found when processing input|could not find codec parameters|moov atom not found/i,
    failure: { kind: 'error', reason: 'the source sends corrupt or unsupported data' },
  },
  { pattern: /Connection refused/i, failure: { kind: 'offline', reason: 'the camera refused the connection' } },
  { pattern: /timed out|Connection timeout/i, failure: { kind: 'offline', reason: 'the camera stopped answering' } },
  {
    pattern: /Connection reset|Broken pipe|End of file|Network is unreachable|No route to host/i,
    failure: { kind: 'offline', reason: 'the connection to the camera was lost' },
  },
];

/** Explains an ffmpeg exit from its last log lines and exit code. */
export function describeFfmpegExit(logTail: readonly string[], code: number | null): FfmpegFailure {
  const text = logTail.join('\n');
  for (const { pattern, failure } of knownFailures) if (pattern.test(text)) return failure;
  if (code === 0) return { kind: 'offline', reason: 'the stream ended' };
  const last = logTail.at(-1)?.trim();
  return {
    kind: 'offline',
    reason: `ffmpeg stopped (exit code ${code === null ? 'none' : String(code)})${last === undefined || last === '' ? '' : `: ${last}`}`,
  };
}

/** Delays between restarts: exponential, capped; optionally kept short for the first attempts. */
export interface BackoffPolicy {
  initialMs: number;
  maxMs: number;
  factor: number;
  /**
   * The first `attempts` restarts wait at most `capMs`: most outages are short (a camera rebooting, a
   * switch port flapping), and footage lost while waiting is lost for good. Growth resumes from `capMs`.
   */
  quick?: { capMs: number; attempts: number };
}

/** The default restart policy: 0.5 s, 1 s, then every 2 s for about a minute, then 4 s, 8 s … up to 30 s. */
export const defaultBackoff: BackoffPolicy = {
  initialMs: 500,
  maxMs: 30_000,
  factor: 2,
  quick: { capMs: 2000, attempts: 30 },
};

/** How long to wait before restart number `attempt` (1 for the first restart). */
export function backoffDelay(attempt: number, policy: BackoffPolicy = defaultBackoff): number {
  const n = Math.max(1, attempt);
  const quick = policy.quick;
  if (quick === undefined) return Math.min(policy.maxMs, policy.initialMs * policy.factor ** (n - 1));
  if (n <= quick.attempts) return Math.min(quick.capMs, policy.initialMs * policy.factor ** (n - 1));
  return Math.min(policy.maxMs, quick.capMs * policy.factor ** (n - quick.attempts));
}

/** Hides passwords of every URL in a log line (`rtsp://user:pass@host` → `rtsp://user:***@host`) and any listed secret. */
export function redactLogLine(line: string, secrets: readonly string[] = []): string {
  let out = line.replace(/(\/\/[^:/@\s]+):[^@/\s]*@/g, '$1:***@');
  for (const secret of secrets) if (secret !== '') out = out.split(secret).join('***');
  return out;
}

/** The secrets hidden in a source URL (its password, raw and decoded), to redact wherever they appear. */
export function sourceSecrets(sourceUrl: string): string[] {
  try {
    const password = new URL(sourceUrl).password;
    if (password === '') return [];
    return [...new Set([password, decodeURIComponent(password)])];
  } catch {
    return [];
  }
}
