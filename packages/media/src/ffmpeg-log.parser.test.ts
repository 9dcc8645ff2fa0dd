import { describe, expect, it } from 'vitest';
import type { FfmpegProgress } from './ffmpeg-log.parser.js';
import {
  backoffDelay,
  describeFfmpegExit,
  encoderNotOpened,
  readProgressLine,
  redactLogLine,
  sourceSecrets,
} from './ffmpeg-log.parser.js';

describe('ffmpeg progress', () => {
  it('collects a -progress block and returns it at its closing line', () => {
    const block: Partial<FfmpegProgress> = {};
    const lines = ['frame=42', 'fps=10.0', 'total_size=N/A', 'out_time_us=4200000', 'progress=continue'];
    const results = lines.map((line) => readProgressLine(line, block));
    expect(results.slice(0, 4).every((r) => r === undefined)).toBe(true);
    expect(results[4]).toEqual({ frame: 42, outTimeUs: 4_200_000, totalSize: 0 });
    expect(readProgressLine('progress=end', block)).toEqual({ frame: 0, outTimeUs: 0, totalSize: 0 });
  });
});

describe('ffmpeg failures', () => {
  it('tells a wrong password apart from a camera that is down', () => {
    expect(describeFfmpegExit(['[rtsp @ 0x1] method DESCRIBE failed: 401 Unauthorized'], 1)).toEqual({
      kind: 'error',
      reason: 'the camera refused the credentials',
    });
    expect(describeFfmpegExit(['rtsp://cam:8554/live: Connection refused'], 1).kind).toBe('offline');
    expect(describeFfmpegExit(['x.mp4: Invalid data found when processing input'], 1).reason).toMatch(/corrupt/);
  });

  it('says when the video encoder could not be opened (ffmpeg 5 and 7 wording)', () => {
    const tail5 = [
      '[h264_nvenc @ 0x1] OpenEncodeSessionEx failed: out of memory (10): (no details)',
      'Error initializing output stream 0:0 -- Error while opening encoder for output stream #0:0 - maybe incorrect parameters such as bit_rate, rate, width or height',
    ];
    expect(describeFfmpegExit(tail5, 1)).toEqual({ kind: 'error', reason: encoderNotOpened });
    expect(describeFfmpegExit(['[vost#0:0/h264_qsv @ 0x2] Could not open encoder before EOF'], 1).reason).toBe(
      encoderNotOpened,
    );
  });

  it('quotes ffmpeg when the cause is unknown, and calls a clean exit the end of the stream', () => {
    expect(describeFfmpegExit(['something odd'], 8).reason).toBe('ffmpeg stopped (exit code 8): something odd');
    expect(describeFfmpegExit([], 0).reason).toBe('the stream ended');
  });
});

describe('restart backoff', () => {
  it('retries within 2 s for the first 30 attempts (a camera back after 20 s is retried at once), then backs off to 30 s', () => {
    const delays = Array.from({ length: 40 }, (_, i) => backoffDelay(i + 1));
    expect(delays.slice(0, 4)).toEqual([500, 1000, 2000, 2000]);
    expect(Math.max(...delays.slice(0, 30))).toBe(2000);
    // 20 s of outage are covered by retries none of which waits more than 2 s.
    const elapsed = delays.slice(0, 12).reduce((sum, ms) => sum + ms, 0);
    expect(elapsed).toBeGreaterThan(20_000);
    expect(delays.slice(30, 36)).toEqual([4000, 8000, 16_000, 30_000, 30_000, 30_000]);
  });

  it('doubles from the initial delay up to the cap without a quick phase', () => {
    const policy = { initialMs: 1000, maxMs: 30_000, factor: 2 };
    expect([1, 2, 3, 4, 5, 6, 7, 20].map((n) => backoffDelay(n, policy))).toEqual([
      1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000,
    ]);
  });
});

describe('credential redaction', () => {
  it('hides passwords of every URL in a line and any given secret', () => {
    const line = 'rtsp://admin:s3cr%40t@cam/a failed, retry rtsp://u:p@other/b (password s3cr@t)';
    const out = redactLogLine(line, sourceSecrets('rtsp://admin:s3cr%40t@cam/a'));
    expect(out).toBe('rtsp://admin:***@cam/a failed, retry rtsp://u:***@other/b (password ***)');
    expect(sourceSecrets('rtsp://cam/a')).toEqual([]);
  });
});
