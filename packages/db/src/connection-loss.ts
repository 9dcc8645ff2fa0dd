/**
 * SQLSTATE classes and codes that mean "the database went away", not "this query is wrong": connection
 * exceptions (08…), the server shutting down or refusing connections (57P01–57P03), too many connections.
 */
const lostSqlStates = new Set(['57P01', '57P02', '57P03', '53300']);
/** Socket errors of a server that is down, restarting or unreachable. */
const lostSocketCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
]);
/** What node-postgres says when a connection ends under a query or cannot be opened in time. */
const lostMessages = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'is not queryable',
  'Client has encountered a connection error',
];

/** No connection to the database could be opened; `cause` is what the driver said. */
export class DatabaseUnreachableError extends Error {
  constructor(cause: unknown) {
    super(`database unreachable: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'DatabaseUnreachableError';
  }
}

/** True when an error (or one of its causes) says the database connection was lost or could not be opened. */
export function isConnectionLoss(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth += 1) {
    if (e instanceof DatabaseUnreachableError) return true;
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (code.startsWith('08') || lostSqlStates.has(code) || lostSocketCodes.has(code))) {
      return true;
    }
    if (lostMessages.some((m) => e instanceof Error && e.message.includes(m))) return true;
    if (e instanceof AggregateError && e.errors.some((inner) => isConnectionLoss(inner))) return true;
  }
  return false;
}

/** Retries `task` while it fails because the database is unreachable, for up to about 10 minutes. */
export async function whileDatabaseAway<T>(task: () => Promise<T>): Promise<T> {
  const giveUpAt = Date.now() + 10 * 60_000;
  for (let delayMs = 250; ; delayMs = Math.min(delayMs * 2, 10_000)) {
    try {
      return await task();
    } catch (error) {
      if (!isConnectionLoss(error) || Date.now() > giveUpAt) throw error;
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }
}
