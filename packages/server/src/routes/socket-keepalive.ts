/** What the keep-alive needs of a WebSocket (a `ws` socket, as @fastify/websocket hands out). */
export interface KeptAliveSocket {
  ping(): void;
  terminate(): void;
  on(event: 'pong' | 'close', listener: () => void): unknown;
}

/** How often to check a socket, and what to send a browser so it can tell a silent server from a dead link. */
export interface KeepAliveOptions {
  /** Ping period (default 5 s). */
  intervalMs?: number;
  /** A socket with no pong for this long is dropped (default 15 s: a slow viewer's pong waits behind its backlog). */
  deadAfterMs?: number;
  /** Sent at each period: browsers answer pings but cannot see them, so they watch for this instead. */
  heartbeat?: () => void;
}

/**
 * Keeps a WebSocket honest: pings it, and terminates it when its peer stops answering (a laptop closed, a
 * network that drops packets without a reset), so a viewer that vanished without closing stops costing a feed.
 */
export function keepAlive(socket: KeptAliveSocket, options: KeepAliveOptions = {}): void {
  const intervalMs = options.intervalMs ?? 5000;
  const deadAfterMs = options.deadAfterMs ?? 15_000;
  let answeredAt = Date.now();
  socket.on('pong', () => (answeredAt = Date.now()));
  const timer = setInterval(() => {
    if (Date.now() - answeredAt > deadAfterMs) {
      clearInterval(timer);
      socket.terminate();
      return;
    }
    socket.ping();
    options.heartbeat?.();
  }, intervalMs);
  socket.on('close', () => clearInterval(timer));
}
