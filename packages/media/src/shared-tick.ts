/** The callbacks of one period, and the one timer that runs them. */
interface Tick {
  timer: NodeJS.Timeout;
  callbacks: Set<() => void>;
}

const ticks = new Map<number, Tick>();

/**
 * Calls `callback` every `periodMs` on one timer shared by every caller of that period: 64 recording cameras wake
 * the process once a second together, not 64 times each at its own moment (issue 11, `npm run bench:video`). The
 * first call comes within `periodMs`, not exactly after it; `callback` must not throw. Returns the function that
 * stops the calls (the timer goes with its last callback).
 */
export function everyTick(periodMs: number, callback: () => void): () => void {
  let tick = ticks.get(periodMs);
  if (tick === undefined) {
    const callbacks = new Set<() => void>();
    tick = { callbacks, timer: setInterval(() => callbacks.forEach((call) => call()), periodMs) };
    ticks.set(periodMs, tick);
  }
  // Its own identity, so that one function given twice is called twice and stopped once per call.
  const entry = (): void => callback();
  tick.callbacks.add(entry);
  return () => {
    const current = ticks.get(periodMs);
    if (current === undefined || !current.callbacks.delete(entry) || current.callbacks.size > 0) return;
    clearInterval(current.timer);
    ticks.delete(periodMs);
  };
}
