/**
 * Runs tasks one at a time, in the order they were queued; a task that fails (throws or rejects) is reported to
 * `onError` and the next ones still run, so one failure never stops the work queued behind it. Used for such work
 * across the project (docs/architecture.md): recorders' reads of their segment lists, a worker's rounds, fleets'
 * camera changes, the bus's handlers.
 */
export class SerialQueue {
  readonly #onError: (error: unknown) => void;
  #tail: Promise<void> = Promise.resolve();
  #coalesced: Promise<void> | undefined;

  constructor(onError: (error: unknown) => void) {
    this.#onError = onError;
  }

  /** Queues a task; resolves (never rejects) once it and every task queued before it have run. */
  run(task: () => Promise<void> | void): Promise<void> {
    this.#tail = this.#tail.then(task).catch(this.#onError);
    return this.#tail;
  }

  /**
   * Queues a task that reads the state as it is when it begins (a refresh, a read of what changed), unless one
   * queued this way has not begun yet: that one then serves this call too, and a burst of calls runs it once.
   * Resolves once the task that serves this call has run.
   */
  runCoalesced(task: () => Promise<void> | void): Promise<void> {
    if (this.#coalesced !== undefined) return this.#coalesced;
    const queued = this.run(() => {
      this.#coalesced = undefined;
      return task();
    });
    this.#coalesced = queued;
    return queued;
  }

  /** Whether a task queued by `runCoalesced` waits to begin. */
  get coalescedPending(): boolean {
    return this.#coalesced !== undefined;
  }

  /** Resolves once every task queued so far has run. */
  idle(): Promise<void> {
    return this.#tail;
  }
}
