/** Where a command writes and what it reads: the process's streams in production, buffers in tests. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Redraws a status line in place (stderr on a terminal); absent when stderr is not a terminal. */
  progress?(line: string): void;
  env: NodeJS.ProcessEnv;
  /** Reads all of standard input (for secrets passed through a pipe). */
  readStdin(): Promise<string>;
}

/** A failure to report to the person, with the exit code to use. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
