import type { CliIo } from '../io.js';

const width = 30;

/**
 * A progress bar on stderr for inputs of known duration: redrawn in place on a terminal
 * (`io.progress`), one line per tenth otherwise (logs, tests). Live streams get a line every minute.
 */
export class ProgressReporter {
  private durationMs: number | undefined;
  private lastStep = -1;

  constructor(private readonly io: CliIo) {}

  /** The input's duration, once known (undefined for a live stream). */
  start(durationMs: number | undefined): void {
    this.durationMs = durationMs;
  }

  /** Reports the position reached. */
  update(at: { t: number; events: number }): void {
    const seconds = (at.t / 1000).toFixed(1);
    if (this.durationMs === undefined || this.durationMs <= 0) {
      const minute = Math.floor(at.t / 60_000);
      if (minute > this.lastStep) this.io.err(`… ${seconds} s analysed, ${at.events} events`);
      this.lastStep = Math.max(this.lastStep, minute);
      return;
    }
    const fraction = Math.min(1, at.t / this.durationMs);
    const filled = Math.round(fraction * width);
    const bar = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(Math.round(fraction * 100)).padStart(3)}%`;
    const line = `${bar}  ${seconds}/${(this.durationMs / 1000).toFixed(1)} s  ${at.events} events`;
    if (this.io.progress !== undefined) {
      this.io.progress(line);
      return;
    }
    const step = Math.floor(fraction * 10);
    if (step > this.lastStep) this.io.err(line);
    this.lastStep = Math.max(this.lastStep, step);
  }

  /** Clears the bar and prints the closing line. */
  finish(summary: string): void {
    this.io.progress?.('');
    this.io.err(summary);
  }
}
