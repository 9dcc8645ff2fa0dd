import type { FfmpegSupervisor, ProcessStatus } from '@vigie/media';

/** Records every status a supervisor emits and lets a test wait for the next one that matches. */
export function watchStatuses(supervisor: FfmpegSupervisor): {
  all: ProcessStatus[];
  next(match: (status: ProcessStatus) => boolean, what: string): Promise<ProcessStatus>;
} {
  const all: ProcessStatus[] = [];
  let seen = 0;
  const waiters = new Set<() => void>();
  supervisor.onStatus((status) => {
    all.push(status);
    for (const wake of waiters) wake();
  });
  return {
    all,
    next: (match, what) =>
      new Promise((resolve, reject) => {
        // Generous: this only turns a hang into a readable failure; nothing here measures speed.
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`never saw ${what}; statuses: ${all.map((s) => `${s.state} (${s.reason})`).join(', ')}`));
        }, 45_000);
        function check(): void {
          while (seen < all.length) {
            const status = all[seen++]!;
            if (match(status)) {
              clearTimeout(timer);
              waiters.delete(check);
              resolve(status);
              return;
            }
          }
        }
        waiters.add(check);
        check();
      }),
  };
}
